import { ActionIcon, Badge, Button, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AD_AMOUNT, MAX_AD_COUNT, type TAdDay, type TAdDayBody, type TAdMetrics } from '../../../contracts/ads.js';
import { notifyError } from '../../lib/errors.js';
import { useFormatters } from '../../lib/format.js';
import { CardSection } from '../../ui/card-section.js';
import { NumberField } from '../../ui/number-field.js';
import { todayIn } from './ad-range.js';
import { useDeleteAdDay, usePutAdDay } from './ads-api.js';

/** Rows shown before "Tout afficher" (a long range would otherwise draw hundreds of inputs). */
const SHOWN_DAYS = 31;

type TFigures = { [K in keyof TAdDayBody]: number | '' };
const FIELDS = ['impressions', 'clicks', 'spend', 'conversions', 'conversion_value'] as const;
const BOUNDS: Record<(typeof FIELDS)[number], { max: number; decimals: number }> = {
  impressions: { max: MAX_AD_COUNT, decimals: 0 },
  clicks: { max: MAX_AD_COUNT, decimals: 0 },
  spend: { max: MAX_AD_AMOUNT, decimals: 2 },
  conversions: { max: MAX_AD_COUNT, decimals: 2 },
  conversion_value: { max: MAX_AD_AMOUNT, decimals: 2 },
};

const figuresOf = (day: TAdDay | null): TFigures => ({
  impressions: day?.impressions ?? '',
  clicks: day?.clicks ?? '',
  spend: day?.spend ?? '',
  conversions: day?.conversions ?? '',
  conversion_value: day?.conversion_value ?? '',
});

/** Empty fields count as 0: a day typed in with only its spend is a day with no recorded clicks. */
const bodyOf = (figures: TFigures): TAdDayBody => ({
  impressions: figures.impressions || 0,
  clicks: figures.clicks || 0,
  spend: figures.spend || 0,
  conversions: figures.conversions || 0,
  conversion_value: figures.conversion_value || 0,
});

/**
 * "Chiffres par jour": a small grid, a row per day of the range (newest first), each saved alone (PUT replaces
 * the day, whatever wrote it before: typed, imported or synced), plus a row to add a day.
 */
export function DailyFiguresGrid({ metrics, canEdit }: { metrics: TAdMetrics; canEdit: boolean }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const days = [...metrics.days].reverse();
  const shown = showAll ? days : days.slice(0, SHOWN_DAYS);
  return (
    <CardSection title={t('ads.days.title')}>
      <Text size="sm" c="dimmed">
        {t(canEdit ? 'ads.days.intro' : 'ads.days.introReadOnly')}
      </Text>
      {canEdit && <AddDayForm campaignId={metrics.campaign_id} known={new Set(metrics.days.map((d) => d.date))} />}
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ads.days.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing={4} withTableBorder data-testid="ad-days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ads.days.date')}</Table.Th>
                {FIELDS.map((field) => (
                  <Table.Th key={field}>{t(`ads.days.fields.${field}`)}</Table.Th>
                ))}
                <Table.Th>{t('ads.days.source')}</Table.Th>
                {canEdit && <Table.Th w={90}>{t('ads.days.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((day) => (
                <DayRow
                  key={`${day.date}:${day.source}:${day.impressions}:${day.clicks}:${day.spend}:${day.conversions}:${day.conversion_value}`}
                  campaignId={metrics.campaign_id}
                  day={day}
                  canEdit={canEdit}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {days.length > SHOWN_DAYS && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('ads.days.showLess') : t('ads.days.showAll', { count: days.length })}
          </Button>
        </Group>
      )}
    </CardSection>
  );
}

function FigureInputs({ figures, onChange, date }: { figures: TFigures; onChange: (next: TFigures) => void; date: string }) {
  const { t } = useTranslation();
  return (
    <>
      {FIELDS.map((field) => (
        <Table.Td key={field}>
          <NumberField
            size="xs"
            aria-label={t('ads.days.fieldOf', { field: t(`ads.days.fields.${field}`), date })}
            min={0}
            max={BOUNDS[field].max}
            decimals={BOUNDS[field].decimals}
            value={figures[field]}
            onChange={(value) => onChange({ ...figures, [field]: value })}
          />
        </Table.Td>
      ))}
    </>
  );
}

function DayRow({ campaignId, day, canEdit }: { campaignId: string; day: TAdDay; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [figures, setFigures] = useState(() => figuresOf(day));
  const put = usePutAdDay();
  const remove = useDeleteAdDay();
  const date = format.date(`${day.date}T12:00:00Z`);
  const dirty = JSON.stringify(bodyOf(figures)) !== JSON.stringify(bodyOf(figuresOf(day)));
  if (!canEdit) {
    return (
      <Table.Tr>
        <Table.Td>{date}</Table.Td>
        {FIELDS.map((field) => (
          <Table.Td key={field}>{format.number(day[field], BOUNDS[field].decimals)}</Table.Td>
        ))}
        <Table.Td>{t(`ads.days.sources.${day.source}`)}</Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr data-testid="ad-day-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
      <FigureInputs figures={figures} onChange={setFigures} date={date} />
      <Table.Td>
        <Badge size="sm" variant="light" color={day.source === 'manual' ? 'gray' : 'blue'} style={{ minWidth: 'max-content' }}>
          {t(`ads.days.sources.${day.source}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('ads.days.save', { date })}>
            <ActionIcon
              variant={dirty ? 'filled' : 'subtle'}
              disabled={!dirty}
              loading={put.isPending}
              aria-label={t('ads.days.save', { date })}
              onClick={() =>
                put.mutate(
                  { id: campaignId, date: day.date, body: bodyOf(figures) },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('ads.days.saved', { date }) }), onError: (error) => notifyError(error, t) },
                )
              }
            >
              <IconDeviceFloppy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('ads.days.delete', { date })}>
            <ActionIcon
              variant="subtle"
              color="red"
              loading={remove.isPending}
              aria-label={t('ads.days.delete', { date })}
              onClick={() =>
                remove.mutate(
                  { id: campaignId, date: day.date },
                  {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('ads.days.deleted', { date }) }),
                    onError: (error) => notifyError(error, t),
                  },
                )
              }
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** "Ajouter un jour": a date (today by default) and its figures; a day that has figures is replaced, and says so. */
function AddDayForm({ campaignId, known }: { campaignId: string; known: Set<string> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = todayIn(format.timeZone);
  const [date, setDate] = useState(today);
  const [figures, setFigures] = useState<TFigures>(figuresOf(null));
  const put = usePutAdDay();
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= today;
  return (
    <form
      noValidate
      aria-label={t('ads.days.addTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!validDate) return;
        put.mutate(
          { id: campaignId, date, body: bodyOf(figures) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('ads.days.saved', { date: format.date(`${date}T12:00:00Z`) }) });
              setFigures(figuresOf(null));
            },
            onError: (error) => notifyError(error, t),
          },
        );
      }}
    >
      <Stack gap={6}>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('ads.days.date')}
            type="date"
            size="xs"
            max={today}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={date && !validDate ? t('ads.days.futureDate') : undefined}
          />
          {FIELDS.map((field) => (
            <NumberField
              key={field}
              size="xs"
              w={130}
              label={t(`ads.days.fields.${field}`)}
              min={0}
              max={BOUNDS[field].max}
              decimals={BOUNDS[field].decimals}
              value={figures[field]}
              onChange={(value) => setFigures({ ...figures, [field]: value })}
            />
          ))}
          <Button type="submit" size="xs" leftSection={<IconPlus size={14} aria-hidden />} loading={put.isPending} disabled={!validDate}>
            {t('ads.days.add')}
          </Button>
        </Group>
        {known.has(date) && (
          <Text size="xs" c="dimmed">
            {t('ads.days.replaces')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFlask, IconPencil, IconPlayerPlay, IconPlayerStop, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  MAX_PAGE_VARIANTS,
  MIN_PAGE_VARIANTS,
  PAGE_AB_MIN_VISITORS,
  PAGE_AB_WIN_PROBABILITY,
  type TFunnel,
  type TFunnelPageSummary,
  type TPageAbTest,
  type TPageVariantResult,
  type TPageVariantSummary,
} from '../../../../contracts/funnels.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters, type TFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { NumberField } from '../../../ui/number-field.js';
import { QueryState } from '../../../ui/query-state.js';
import { usePageAbTest, usePageAbAction } from './page-ab-api.js';

type Props = { funnel: TFunnel; page: TFunnelPageSummary | null; canEdit: boolean; onClose: () => void };

/**
 * "Test A/B" of a page: its variants (the page is A), their weights and content (edited in the builder), start and
 * stop, each variant's numbers with the rule's verdict in words, and the winner applied to the page (confirmed).
 */
export function PageAbTestModal({ funnel, page, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={page !== null} onClose={onClose} title={t('funnelList.abTest.title', { name: page?.name ?? '' })} size="xl" fullScreen={phone}>
      {page && <AbTestPanel key={page.id} funnel={funnel} page={page} canEdit={canEdit} />}
    </Modal>
  );
}

function AbTestPanel({ funnel, page, canEdit }: { funnel: TFunnel; page: TFunnelPageSummary; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = usePageAbTest(funnel.id, page.id);
  const action = usePageAbAction(funnel.id, page.id);
  const create = () =>
    action.mutate(
      { kind: 'create', body: {} },
      { onSuccess: () => notifications.show({ message: t('funnelList.abTest.variantAdded') }), onError: (e) => notifyError(e, t) },
    );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('funnelList.abTest.intro')}
      </Text>
      <QueryState query={query}>
        {({ ab_test: test }) =>
          test ? (
            <AbTest funnel={funnel} page={page} test={test} canEdit={canEdit} />
          ) : (
            <Stack align="flex-start" gap="sm">
              <Group gap="xs">
                <IconFlask size={20} aria-hidden />
                <Text fw={600}>{t('funnelList.abTest.empty')}</Text>
              </Group>
              {canEdit && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} loading={action.isPending} onClick={create}>
                  {t('funnelList.abTest.create')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function AbTest({ funnel, page, test, canEdit }: { funnel: TFunnel; page: TFunnelPageSummary; test: TPageAbTest; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const action = usePageAbAction(funnel.id, page.id);
  const [applying, setApplying] = useState<TPageVariantSummary | null>(null);
  const [confirm, setConfirm] = useState<'stop' | 'delete' | null>(null);
  const running = test.status === 'running';
  const decided = test.winner_variant_id !== null;
  const totalWeight = test.variants.reduce((sum, v) => sum + v.weight, 0);
  const run = (a: Parameters<typeof action.mutate>[0], done?: string) =>
    action.mutate(a, {
      onSuccess: () => {
        if (done) notifications.show({ message: done });
        setConfirm(null);
        setApplying(null);
      },
      onError: (e) => notifyError(e, t),
    });
  const winner = test.variants.find((v) => v.id === test.winner_variant_id);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <StatusBadge test={test} />
          {test.started_at && (
            <Text size="sm" c="dimmed">
              {test.status === 'ended' && test.ended_at
                ? t('funnelList.abTest.period', { from: format.dateTime(test.started_at), to: format.dateTime(test.ended_at) })
                : t('funnelList.abTest.since', { date: format.dateTime(test.started_at) })}
            </Text>
          )}
        </Group>
        {canEdit && (
          <Group gap="xs">
            {!running && (
              <Button
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                disabled={test.variants.length < MIN_PAGE_VARIANTS}
                loading={action.isPending && action.variables?.kind === 'start'}
                onClick={() => run({ kind: 'start' }, t('funnelList.abTest.started'))}
              >
                {t(test.started_at ? 'funnelList.abTest.restart' : 'funnelList.abTest.start')}
              </Button>
            )}
            {running && test.variants.some((v) => !v.is_control && v.has_unpublished_changes) && (
              <Button
                variant="light"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={action.isPending && action.variables?.kind === 'publish'}
                onClick={() => run({ kind: 'publish' }, t('funnelList.abTest.published'))}
              >
                {t('funnelList.abTest.publish')}
              </Button>
            )}
            {running && (
              <Button variant="default" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => setConfirm('stop')}>
                {t('funnelList.abTest.stop')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {winner && (
        <Alert color="teal" variant="light">
          {t(test.decided_by === 'automatic' ? 'funnelList.abTest.appliedAutomatic' : 'funnelList.abTest.appliedManual', {
            name: variantLabel(winner, t),
            date: test.ended_at ? format.dateTime(test.ended_at) : '',
          })}
        </Alert>
      )}
      {!page.is_published && (
        <Text size="sm" c="orange">
          {t('funnelList.abTest.notPublished')}
        </Text>
      )}

      {/* The numbers first: while a test runs they are what one comes for. */}
      {test.results && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('funnelList.abTest.results')}
          </Title>
          <Verdict test={test} format={format} />
          <ResultsTable test={test} canChoose={canEdit && !decided} onChoose={(v) => setApplying(v)} />
          <Text size="xs" c="dimmed">
            {t('funnelList.abTest.howCounted')}
          </Text>
        </Stack>
      )}

      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('funnelList.abTest.variants')}
        </Title>
        {running && (
          <Text size="sm" c="dimmed">
            {t('funnelList.abTest.frozen')}
          </Text>
        )}
        {test.variants.map((variant) => (
          <VariantRow
            key={variant.id}
            funnelId={funnel.id}
            pageId={page.id}
            variant={variant}
            share={totalWeight > 0 ? variant.weight / totalWeight : 0}
            running={running}
            canEdit={canEdit}
            onDelete={() => run({ kind: 'delete-variant', variantId: variant.id }, t('funnelList.abTest.variantDeleted'))}
            onSave={(body) => run({ kind: 'update', variantId: variant.id, body })}
          />
        ))}
        {canEdit && !running && (
          <Group gap="xs">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={test.variants.length >= MAX_PAGE_VARIANTS}
              onClick={() => run({ kind: 'create', body: {} }, t('funnelList.abTest.variantAdded'))}
            >
              {t('funnelList.abTest.addVariant')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('funnelList.abTest.limits', { max: MAX_PAGE_VARIANTS })}
            </Text>
          </Group>
        )}
      </Stack>

      {canEdit && (
        <Switch
          checked={test.auto_apply}
          disabled={action.isPending}
          onChange={(event) => run({ kind: 'auto-apply', value: event.currentTarget.checked })}
          label={t('funnelList.abTest.autoApply')}
          description={t('funnelList.abTest.autoApplyHint', { threshold: format.percent(PAGE_AB_WIN_PROBABILITY), min: format.number(PAGE_AB_MIN_VISITORS) })}
        />
      )}

      {canEdit && !running && (
        <Group>
          <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirm('delete')}>
            {t('funnelList.abTest.deleteTest')}
          </Button>
        </Group>
      )}

      <ConfirmModal
        opened={applying !== null}
        title={t('funnelList.abTest.applyTitle', { name: applying ? variantLabel(applying, t) : '' })}
        confirmLabel={t('funnelList.abTest.applyConfirm')}
        confirmColor="teal"
        loading={action.isPending}
        onConfirm={() => applying && run({ kind: 'apply-winner', variantId: applying.id }, t('funnelList.abTest.applied'))}
        onClose={() => setApplying(null)}
      >
        {applying?.is_control ? t('funnelList.abTest.applyControlBody') : t('funnelList.abTest.applyBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'stop'}
        title={t('funnelList.abTest.stopTitle')}
        confirmLabel={t('funnelList.abTest.stop')}
        loading={action.isPending}
        onConfirm={() => run({ kind: 'stop' }, t('funnelList.abTest.stopped'))}
        onClose={() => setConfirm(null)}
      >
        {t('funnelList.abTest.stopBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'delete'}
        title={t('funnelList.abTest.deleteTitle')}
        confirmLabel={t('funnelList.abTest.deleteTest')}
        loading={action.isPending}
        onConfirm={() => run({ kind: 'delete-test' }, t('funnelList.abTest.deleted'))}
        onClose={() => setConfirm(null)}
      >
        {t('funnelList.abTest.deleteBody')}
      </ConfirmModal>
    </Stack>
  );
}

function StatusBadge({ test }: { test: TPageAbTest }) {
  const { t } = useTranslation();
  const color = test.status === 'running' ? 'teal' : test.status === 'ended' ? 'gray' : 'blue';
  return (
    <Badge variant="light" color={color}>
      {t(`funnelList.abTest.status.${test.status}`)}
    </Badge>
  );
}

/** "A · Originale (la page)", "B · Titre court". */
function variantLabel(variant: { key: string; name: string; is_control: boolean }, t: TFunction): string {
  return variant.is_control ? t('funnelList.abTest.controlLabel', { key: variant.key, name: variant.name }) : `${variant.key} · ${variant.name}`;
}

type TRowProps = {
  funnelId: string;
  pageId: string;
  variant: TPageVariantSummary;
  share: number;
  running: boolean;
  canEdit: boolean;
  onDelete: () => void;
  onSave: (body: { name?: string; weight?: number }) => void;
};

/** One variant: name and weight (saved when the field is left), its share of the traffic, the builder, delete. */
function VariantRow({ funnelId, pageId, variant, share, running, canEdit, onDelete, onSave }: TRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [name, setName] = useState(variant.name);
  const [weight, setWeight] = useState<number | ''>(variant.weight);
  const label = variantLabel(variant, t);
  const editorUrl = variant.is_control ? `/funnels/${funnelId}/pages/${pageId}/edit` : `/funnels/${funnelId}/pages/${pageId}/edit?variant=${variant.id}`;
  const saveName = () => {
    if (name.trim() && name.trim() !== variant.name) onSave({ name: name.trim() });
  };
  const saveWeight = () => {
    if (typeof weight === 'number' && weight !== variant.weight) onSave({ weight });
  };
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`ab-variant-${variant.key}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <Badge variant="filled" color={variant.is_control ? 'gray' : 'violet'} style={{ flexShrink: 0 }}>
              {variant.key}
            </Badge>
            {variant.is_control && (
              <Text size="xs" c="dimmed">
                {t('funnelList.abTest.controlHint')}
              </Text>
            )}
            {!variant.is_control && variant.has_unpublished_changes && (
              <Badge variant="light" color="orange">
                {t('funnelList.abTest.unpublished')}
              </Badge>
            )}
          </Group>
          {canEdit && !variant.is_control && !running && (
            <ActionIcon variant="subtle" color="red" aria-label={t('funnelList.abTest.deleteVariant', { name: label })} onClick={onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput
            label={t('funnelList.abTest.name')}
            value={name}
            maxLength={120}
            disabled={!canEdit}
            onChange={(event) => setName(event.currentTarget.value)}
            onBlur={saveName}
          />
          <NumberField
            label={t('funnelList.abTest.weight')}
            description={t('funnelList.abTest.share', { share: format.percent(share) })}
            value={weight}
            min={1}
            max={100}
            decimals={0}
            disabled={!canEdit || running}
            onChange={setWeight}
            onBlur={saveWeight}
          />
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button size="xs" variant="light" component={Link} to={editorUrl} leftSection={<IconPencil size={14} aria-hidden />}>
              {t(variant.is_control ? 'funnelList.abTest.editPage' : 'funnelList.abTest.editVariant')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A probability as a chance, never "100 %" nor "0 %" (the data cannot promise a certainty). */
function chance(probability: number, format: TFormatters): string {
  if (probability >= 0.995) return `> ${format.percent(0.99)}`;
  if (probability <= 0.005) return `< ${format.percent(0.01)}`;
  return format.percent(probability);
}

/** The rule's verdict in words: the outcome, then why (the email A/B tests' sentences). */
function Verdict({ test, format }: { test: TPageAbTest; format: TFormatters }) {
  const { t } = useTranslation();
  const { decision, sample_ratio: srm } = test.results!;
  const sentences: string[] = [];
  if (decision.kind === 'winner')
    sentences.push(t('funnelList.abTest.verdict.winner', { key: decision.key, probability: chance(decision.probability ?? 0, format) }));
  else if (decision.kind === 'no_clear_winner') {
    sentences.push(t('funnelList.abTest.verdict.noClearWinner'));
    if (decision.reason === 'not_enough_data') sentences.push(t('funnelList.abTest.verdict.notEnoughData', { min: format.number(PAGE_AB_MIN_VISITORS) }));
    if (decision.reason === 'below_threshold')
      sentences.push(t('funnelList.abTest.verdict.belowThreshold', { threshold: format.percent(PAGE_AB_WIN_PROBABILITY) }));
  } else {
    const p = srm.p_value < 0.0001 ? `< ${format.number(0.0001, 4)}` : `= ${format.number(srm.p_value, 4)}`;
    sentences.push(t('funnelList.abTest.verdict.blocked', { p }));
  }
  return (
    <Alert color={decision.kind === 'winner' ? 'teal' : decision.kind === 'blocked' ? 'orange' : 'gray'} variant="light">
      <Stack gap={4}>
        {test.status === 'running' && (
          <Text size="xs" c="dimmed">
            {t('funnelList.abTest.verdict.provisional')}
          </Text>
        )}
        {sentences.map((s) => (
          <Text key={s} size="sm">
            {s}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** Each variant's numbers: a table on a wide screen, a card per variant on a phone. */
function ResultsTable({ test, canChoose, onChoose }: { test: TPageAbTest; canChoose: boolean; onChoose: (v: TPageVariantSummary) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const phone = useMediaQuery('(max-width: 48em)');
  const rows = test.results!.variants;
  const summaryOf = (r: TPageVariantResult) => test.variants.find((v) => v.id === r.id)!;
  const rate = (r: TPageVariantResult) => (r.visitors > 0 ? format.percent(r.rate, 1) : '—');
  const interval = (r: TPageVariantResult) => t('funnelList.abTest.intervalValue', { lo: format.percent(r.interval[0]), hi: format.percent(r.interval[1]) });
  const chanceOf = (r: TPageVariantResult) => (r.probability_to_beat_control === null ? '—' : chance(r.probability_to_beat_control, format));
  const winnerBadge = (r: TPageVariantResult) =>
    r.id === test.winner_variant_id ? (
      <Badge color="teal" variant="light" size="sm">
        {t('funnelList.abTest.winnerBadge')}
      </Badge>
    ) : null;
  if (phone) {
    return (
      <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('funnelList.abTest.results')} style={{ listStyle: 'none' }}>
        {rows.map((r) => (
          <Paper component="li" key={r.id} withBorder radius="md" p="sm">
            <Stack gap={6}>
              <Group gap={6}>
                <Text fw={700}>{variantLabel(r, t)}</Text>
                {winnerBadge(r)}
              </Group>
              <SimpleGrid cols={2} spacing={4} component="dl" m={0}>
                {(
                  [
                    [t('funnelList.abTest.visitors'), format.number(r.visitors)],
                    [t('funnelList.abTest.conversions'), format.number(r.conversions)],
                    [t('funnelList.abTest.rate'), `${rate(r)}${r.visitors > 0 ? ` (${interval(r)})` : ''}`],
                    [t('funnelList.abTest.probability'), chanceOf(r)],
                  ] as const
                ).map(([term, value]) => (
                  <Stack key={term} gap={0}>
                    <Text component="dt" size="xs" c="dimmed">
                      {term}
                    </Text>
                    <Text component="dd" m={0} size="sm" fw={600}>
                      {value}
                    </Text>
                  </Stack>
                ))}
              </SimpleGrid>
              {canChoose && (
                <Button size="xs" variant="light" fullWidth onClick={() => onChoose(summaryOf(r))}>
                  {t('funnelList.abTest.apply', { key: r.key })}
                </Button>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funnelList.abTest.variant')}</Table.Th>
            <Table.Th ta="right">{t('funnelList.abTest.visitors')}</Table.Th>
            <Table.Th ta="right">{t('funnelList.abTest.conversions')}</Table.Th>
            <Table.Th>
              {t('funnelList.abTest.rate')}
              <Text size="xs" c="dimmed" component="span" display="block">
                {t('funnelList.abTest.interval')}
              </Text>
            </Table.Th>
            <Table.Th ta="right">{t('funnelList.abTest.probability')}</Table.Th>
            {canChoose && <Table.Th>{t('funnelList.abTest.applyColumn')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {variantLabel(r, t)}
                  </Text>
                  {winnerBadge(r)}
                </Group>
              </Table.Th>
              <Table.Td ta="right">{format.number(r.visitors)}</Table.Td>
              <Table.Td ta="right">{format.number(r.conversions)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {rate(r)}
                </Text>
                {r.visitors > 0 && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {interval(r)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{chanceOf(r)}</Table.Td>
              {canChoose && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => onChoose(summaryOf(r))}>
                    {t('funnelList.abTest.apply', { key: r.key })}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

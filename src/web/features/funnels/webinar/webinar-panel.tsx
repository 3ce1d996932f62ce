import { ActionIcon, Badge, Button, Chip, Group, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_WEBINAR_FIXED_SESSIONS,
  MAX_WEBINAR_REPLAY_HOURS,
  MAX_WEBINAR_SLOTS_OFFERED,
  MAX_WEBINAR_TIMES_PER_DAY,
  type TFunnel,
  type TWebinarSettings,
} from '../../../../contracts/funnels.js';
import { ApiError } from '../../../lib/api.js';
import { useFormatters } from '../../../lib/format.js';
import { CardSection } from '../../../ui/card-section.js';
import { FormError } from '../../../ui/form-error.js';
import { NumberField } from '../../../ui/number-field.js';
import { QueryState } from '../../../ui/query-state.js';
import { weekdayName } from '../../email/sequences/describe-step.js';
import { useSaveWebinar, useWebinar } from './webinar-api.js';

type TMode = 'fixed' | 'evergreen';

/** The "Webinaire" tab of a webinar funnel: its sessions, room video, replay, reminder sequence, and registrations. */
export function WebinarPanel({ funnel, canEdit }: { funnel: TFunnel; canEdit: boolean }) {
  const webinar = useWebinar(funnel.id);
  return (
    <QueryState query={webinar}>
      {(data) => (
        <Stack gap="md">
          <WebinarForm key={data.settings?.updated_at ?? 'new'} funnelId={funnel.id} data={data} canEdit={canEdit} />
          <WebinarSessions data={data} />
        </Stack>
      )}
    </QueryState>
  );
}

/** "2027-01-04T18:00:00Z" as a datetime-local value in the browser's time ("2027-01-04T19:00"). */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function WebinarForm({ funnelId, data, canEdit }: { funnelId: string; data: TWebinarSettings; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const save = useSaveWebinar(funnelId);
  const s = data.settings;
  const [mode, setMode] = useState<TMode>(s?.mode ?? 'evergreen');
  const [sessions, setSessions] = useState<string[]>(s?.sessions.map(toLocalInput) ?? ['']);
  const [days, setDays] = useState<string[]>((s?.schedule_days ?? [2, 4]).map(String));
  const [times, setTimes] = useState<string[]>(s?.schedule_times.length ? s.schedule_times : ['19:00']);
  const [timezone, setTimezone] = useState(s?.timezone ?? '');
  const [minDelay, setMinDelay] = useState<number | ''>(s?.min_delay_minutes ?? 15);
  const [slots, setSlots] = useState<number | ''>(s?.slots_offered ?? 3);
  const [video, setVideo] = useState(s?.video_url ?? '');
  const [duration, setDuration] = useState<number | ''>(s?.duration_minutes ?? 60);
  const [replay, setReplay] = useState<number | ''>(s?.replay_hours ?? 48);
  const [sequence, setSequence] = useState<string | null>(s?.reminder_sequence_id ?? null);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const errorOf = (name: string) => Object.entries(fieldErrors).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        mode,
        sessions: mode === 'fixed' ? sessions.filter(Boolean).map((value) => new Date(value).toISOString()) : [],
        schedule_days: mode === 'evergreen' ? days.map(Number) : [],
        schedule_times: mode === 'evergreen' ? times.filter(Boolean) : [],
        timezone: timezone.trim() || null,
        min_delay_minutes: minDelay === '' ? 15 : minDelay,
        slots_offered: slots === '' ? 3 : slots,
        video_url: video.trim() || null,
        duration_minutes: duration === '' ? 60 : duration,
        replay_hours: replay === '' ? 0 : replay,
        reminder_sequence_id: sequence,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('funnelList.webinar.saved') }) },
    );
  };

  return (
    <CardSection title={t('funnelList.webinar.tab')}>
      <Text size="sm" c="dimmed">
        {t('funnelList.webinar.intro')}
      </Text>
      {!s && (
        <Text size="sm" role="status">
          {t('funnelList.webinar.notSet')}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">
            <FormError error={save.error && Object.keys(fieldErrors).length === 0 ? save.error : null} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="webinar-mode">
                {t('funnelList.webinar.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="webinar-mode"
                value={mode}
                onChange={(value) => setMode(value as TMode)}
                data={(['evergreen', 'fixed'] as const).map((value) => ({ value, label: t(`funnelList.webinar.modes.${value}`) }))}
                fullWidth
                style={{ maxWidth: 480 }}
              />
            </Stack>
            {mode === 'fixed' ? (
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('funnelList.webinar.sessions')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('funnelList.webinar.sessionsHelp', { max: MAX_WEBINAR_FIXED_SESSIONS })}
                </Text>
                {sessions.map((value, index) => (
                  <Group key={index} gap="xs" wrap="nowrap">
                    <TextInput
                      type="datetime-local"
                      aria-label={`${t('funnelList.webinar.session')} ${index + 1}`}
                      value={value}
                      onChange={(event) => setSessions(sessions.map((v, i) => (i === index ? event.currentTarget.value : v)))}
                      style={{ flex: 1, maxWidth: 260 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('funnelList.webinar.removeSession', { n: index + 1 })}
                      onClick={() => setSessions(sessions.filter((_, i) => i !== index))}
                      disabled={sessions.length === 1}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                {errorOf('sessions') && (
                  <Text size="sm" c="red" role="alert">
                    {errorOf('sessions')}
                  </Text>
                )}
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setSessions([...sessions, ''])}
                  disabled={sessions.length >= MAX_WEBINAR_FIXED_SESSIONS}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('funnelList.webinar.addSession')}
                </Button>
              </Stack>
            ) : (
              <Stack gap="sm">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="webinar-days">
                    {t('funnelList.webinar.days')}
                  </Text>
                  <Chip.Group multiple value={days} onChange={setDays}>
                    <Group gap={6} role="group" aria-labelledby="webinar-days">
                      {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                        <Chip key={day} value={String(day)} size="sm">
                          {weekdayName(locale, day)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
                <Stack gap={6}>
                  <Text size="sm" fw={500}>
                    {t('funnelList.webinar.times')}
                  </Text>
                  <Group gap="xs">
                    {times.map((value, index) => (
                      <Group key={index} gap={2} wrap="nowrap">
                        <TextInput
                          type="time"
                          aria-label={`${t('funnelList.webinar.times')} ${index + 1}`}
                          value={value}
                          onChange={(event) => setTimes(times.map((v, i) => (i === index ? event.currentTarget.value : v)))}
                          w={120}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('funnelList.webinar.removeTime', { time: value })}
                          onClick={() => setTimes(times.filter((_, i) => i !== index))}
                          disabled={times.length === 1}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    ))}
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => setTimes([...times, '20:00'])}
                      disabled={times.length >= MAX_WEBINAR_TIMES_PER_DAY}
                    >
                      {t('funnelList.webinar.addTime')}
                    </Button>
                  </Group>
                  {(errorOf('schedule_times') ?? errorOf('schedule_days')) && (
                    <Text size="sm" c="red" role="alert">
                      {errorOf('schedule_times') ?? errorOf('schedule_days')}
                    </Text>
                  )}
                </Stack>
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('funnelList.webinar.timezone')}
                    description={t('funnelList.webinar.timezoneHelp', { zone: data.time_zone })}
                    placeholder={data.time_zone}
                    value={timezone}
                    onChange={(event) => setTimezone(event.currentTarget.value)}
                    error={errorOf('timezone')}
                    w={{ base: '100%', sm: 240 }}
                  />
                  <NumberField
                    label={t('funnelList.webinar.minDelay')}
                    value={minDelay}
                    onChange={setMinDelay}
                    decimals={0}
                    min={0}
                    max={10_080}
                    error={errorOf('min_delay_minutes')}
                    w={{ base: '100%', sm: 240 }}
                  />
                  <NumberField
                    label={t('funnelList.webinar.slotsOffered')}
                    value={slots}
                    onChange={setSlots}
                    decimals={0}
                    min={1}
                    max={MAX_WEBINAR_SLOTS_OFFERED}
                    error={errorOf('slots_offered')}
                    w={{ base: '100%', sm: 160 }}
                  />
                </Group>
              </Stack>
            )}
            <TextInput
              label={t('funnelList.webinar.video')}
              description={t('funnelList.webinar.videoHelp')}
              placeholder="https://www.youtube.com/watch?v=…"
              value={video}
              onChange={(event) => setVideo(event.currentTarget.value)}
              error={errorOf('video_url')}
              style={{ maxWidth: 560 }}
            />
            <Group gap="sm" align="flex-start" wrap="wrap">
              <NumberField
                label={t('funnelList.webinar.duration')}
                value={duration}
                onChange={setDuration}
                decimals={0}
                min={1}
                max={600}
                error={errorOf('duration_minutes')}
                w={{ base: '100%', sm: 200 }}
              />
              <NumberField
                label={t('funnelList.webinar.replay')}
                value={replay}
                onChange={setReplay}
                decimals={0}
                min={0}
                max={MAX_WEBINAR_REPLAY_HOURS}
                error={errorOf('replay_hours')}
                w={{ base: '100%', sm: 340 }}
              />
            </Group>
            <Select
              label={t('funnelList.webinar.sequence')}
              description={t('funnelList.webinar.sequenceHelp', {
                starts: '{{ webinar.starts_at }}',
                watch: '{{ webinar.watch_url }}',
                interpolation: { escapeValue: false },
              })}
              placeholder={t('funnelList.webinar.noSequence')}
              data={data.sequences.map((q) => ({ value: q.id, label: q.status === 'draft' ? t('funnelList.webinar.draft', { name: q.name }) : q.name }))}
              value={sequence}
              onChange={setSequence}
              clearable
              error={errorOf('reminder_sequence_id')}
              style={{ maxWidth: 560 }}
            />
            {canEdit && (
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('funnelList.webinar.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </CardSection>
  );
}

/** Registrations per session: the ones offered now, then the past ones that had any. */
function WebinarSessions({ data }: { data: TWebinarSettings }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <CardSection title={t('funnelList.webinar.registrations')}>
      {data.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('funnelList.webinar.noRegistrations')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('funnelList.webinar.session')}</Table.Th>
                <Table.Th ta="right">{t('funnelList.webinar.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.sessions.map((session) => (
                <Table.Tr key={session.starts_at}>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <span>{format.dateTime(session.starts_at)}</span>
                      <Badge size="xs" variant="light" color={session.offered ? 'teal' : 'gray'}>
                        {t(session.offered ? 'funnelList.webinar.upcoming' : 'funnelList.webinar.past')}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{format.number(session.registrations)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </CardSection>
  );
}

import { Alert, Badge, Button, Grid, Group, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRuleGroup, TSegment } from '../../../../contracts/crm-segments.js';
import { api, ApiError, translateFieldError } from '../../../lib/api.js';
import { leadName } from '../crm-api.js';
import { RuleBuilder } from './rule-builder.js';
import { SEGMENTS_KEY, useSegmentPreview, useSegments } from './segments-api.js';

const EMPTY: TRuleGroup = { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'new' }] };

/** The Segments tab: saved segments on the side, a visual rule builder with a live count. */
export function SegmentsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const segments = useSegments();
  const [current, setCurrent] = useState<TSegment | null>(null);
  const [name, setName] = useState('');
  const [rules, setRules] = useState<TRuleGroup>(EMPTY);
  const preview = useSegmentPreview(rules);

  const open = (segment: TSegment | null) => {
    setCurrent(segment);
    setName(segment?.name ?? '');
    setRules(segment?.rules ?? EMPTY);
  };
  const save = useMutation({
    mutationFn: () =>
      current ? api.patch<TSegment>(`/api/marketing/segments/${current.id}`, { name, rules }) : api.post<TSegment>('/api/marketing/segments', { name, rules }),
    onSuccess: (segment) => {
      setCurrent(segment);
      void queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/marketing/segments/${id}`),
    onSuccess: () => {
      open(null);
      void queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY });
    },
  });
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const saveError = save.error instanceof ApiError ? save.error : null;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap={4}>
          <Button variant="light" onClick={() => open(null)} disabled={!canEdit}>
            {t('crmSegments.new')}
          </Button>
          {(segments.data ?? []).map((segment) => (
            <NavLink component="button" key={segment.id} label={segment.name} active={segment.id === current?.id} onClick={() => open(segment)} />
          ))}
          {segments.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('crmSegments.noneSaved')}
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack>
          <Group align="flex-end">
            <TextInput
              label={t('crmSegments.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              readOnly={!canEdit}
              error={saveError?.fieldErrors().name}
              style={{ flex: 1 }}
            />
            {canEdit && (
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!name.trim()}>
                {current ? t('crmSegments.update') : t('crmSegments.save')}
              </Button>
            )}
            {canEdit && current && (
              <Button variant="subtle" color="red" onClick={() => remove.mutate(current.id)}>
                {t('crmSegments.delete')}
              </Button>
            )}
          </Group>
          {save.isSuccess && !save.isPending && (
            <Text size="sm" c="teal">
              {t('crmSegments.saved')}
            </Text>
          )}
          <RuleBuilder value={rules} onChange={setRules} readOnly={!canEdit} />
          <Paper withBorder p="sm" radius="md">
            <Group justify="space-between">
              <Title order={4} aria-live="polite" data-testid="segment-count">
                {preview.data ? t('crmSegments.count', { count: preview.data.count }) : '…'}
              </Title>
              {preview.isFetching && <Badge variant="light">{t('crmSegments.counting')}</Badge>}
            </Group>
            {previewError ? (
              <Alert color="orange" mt="sm" title={t('crmSegments.invalid')}>
                {previewError.errors.length > 0
                  ? previewError.errors.map((e) => `${e.path.replace(/^body\.rules\.?/, '')} : ${translateFieldError(e)}`).join(' · ')
                  : previewError.explanation()}
              </Alert>
            ) : (
              <Stack gap={2} mt="xs">
                {preview.data?.sample.map((lead) => (
                  <Text key={lead.id} size="sm">
                    {leadName(lead)} {lead.company ? `· ${lead.company}` : ''}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

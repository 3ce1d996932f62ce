import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import type { TSaveState } from './page-saver.js';

/**
 * The autosave's state, said to screen readers too: changes waiting, saving, saved, too large to send (which part and
 * by how much), or the failure with a retry.
 */
export function SaveStatus({ state, onRetry }: { state: TSaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  let content;
  if (state.kind === 'saving' || state.kind === 'pending') {
    content = (
      <>
        {state.kind === 'saving' ? <Loader size={14} aria-hidden /> : <span aria-hidden style={{ width: 14 }} />}
        <Text size="sm" c="dimmed" data-testid="builder-save-state">
          {t(state.kind === 'saving' ? 'funnelBuilder.save.saving' : 'funnelBuilder.save.pending')}
        </Text>
      </>
    );
  } else if (state.kind === 'saved') {
    content = (
      <>
        <IconCheck size={16} aria-hidden color="var(--mantine-color-teal-text)" />
        <Text size="sm" c="teal" data-testid="builder-save-state">
          {t('funnelBuilder.save.saved')}
        </Text>
      </>
    );
  } else {
    const message =
      state.kind === 'too-large'
        ? t('funnelBuilder.save.tooLarge', {
            part: t(`funnelBuilder.save.parts.${state.oversize.part}`),
            size: format.number(state.oversize.size),
            max: format.number(state.oversize.max),
          })
        : t('funnelBuilder.save.error', { detail: errorDetail(state.error, t) });
    content = (
      <>
        <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-text)" />
        <Tooltip label={message} multiline w={320}>
          <Text size="sm" c="red" truncate maw={300} data-testid="builder-save-state">
            {message}
          </Text>
        </Tooltip>
        {state.kind === 'error' && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={onRetry}>
            {t('funnelBuilder.save.retry')}
          </Button>
        )}
      </>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite">
      {content}
    </Group>
  );
}

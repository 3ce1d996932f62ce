import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TEmailDocument } from '../../../../contracts/email-document.js';
import { errorDetail } from '../../../lib/errors.js';
import type { TSaveState } from './use-autosave.js';

/** The autosave's state, said to screen readers too: waiting, saving, saved, a field to fix, or the failure and a retry. */
export function SaveStatus({ state, doc, onRetry }: { state: TSaveState; doc: TEmailDocument; onRetry: () => void }) {
  const { t } = useTranslation();
  let content;
  if (state.kind === 'saving' || state.kind === 'pending') {
    content = (
      <>
        <Loader size={14} aria-hidden />
        <Text size="sm" c="dimmed">
          {t(state.kind === 'saving' ? 'emailEditor.save.saving' : 'emailEditor.save.pending')}
        </Text>
      </>
    );
  } else if (state.kind === 'saved') {
    content = (
      <>
        <IconCheck size={16} aria-hidden color="var(--mantine-color-teal-text)" />
        <Text size="sm" c="teal" data-testid="editor-saved">
          {t('emailEditor.save.saved')}
        </Text>
      </>
    );
  } else {
    const message =
      state.kind === 'invalid'
        ? t('emailEditor.save.invalid', { where: placeName(state.path, doc, t) })
        : t('emailEditor.save.error', { detail: errorDetail(state.error, t) });
    content = (
      <>
        <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-text)" />
        <Text size="sm" c="red">
          {message}
        </Text>
        {state.kind === 'error' && (
          <Button size="compact-sm" variant="subtle" onClick={onRetry}>
            {t('emailEditor.save.retry')}
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

/** Which block (or the settings) a failing path points at, by its type's name. */
function placeName(path: (string | number)[], doc: TEmailDocument, t: TFunction): string {
  const [root, s, , c, , b] = path;
  if (root === 'sections' && typeof s === 'number' && typeof c === 'number' && typeof b === 'number') {
    const block = doc.sections[s]?.columns[c]?.blocks[b];
    if (block) return t(`emailEditor.blocks.${block.type}`);
  }
  if (root === 'sections' && typeof s === 'number') return t('emailEditor.canvas.section', { n: s + 1 });
  return t('emailEditor.panel.settings');
}

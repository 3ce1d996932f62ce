import { ActionIcon, Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.js';
import { useReportDirty } from './dirty-guard.js';

/** What an editor receives: the draft, its setter, the error to show and the props every input must spread. */
export type TEditorProps<V> = {
  value: V;
  onChange: (value: V) => void;
  error?: string;
  label: string;
  // Esc inside the input is handled here, not by the drawer (Mantine skips events from inputs with this attribute).
  inputProps: { 'data-mantine-stop-propagation': 'true'; 'data-autofocus': true; autoFocus: true };
};

type Props<V> = {
  /** Identifies the field in the record's unsaved-changes registry. */
  name: string;
  label: string;
  value: V;
  /** The read-only rendering; empty values show "—". */
  display: ReactNode;
  canEdit: boolean;
  /** Saves the new value; a thrown ApiError's message for this field (or its detail) shows under the input. */
  onSave: (value: V) => Promise<void>;
  editor: (props: TEditorProps<V>) => ReactNode;
  /** Which key of the server's field errors belongs to this field (default: `name`). */
  errorKey?: string;
  equals?: (a: V, b: V) => boolean;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One field of the record: read-only until its pencil (or a click on its value) opens the editor; Enter or ✓
 * saves this field alone, ✗ cancels. Esc with a changed draft never drops it silently: it asks first.
 */
export function InlineField<V>({ name, label, value, display, canEdit, onSave, editor, errorKey = name, equals = sameJson }: Props<V>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<V>(value);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  const dirty = editing && !equals(draft, value);
  useReportDirty(`field:${name}`, dirty);

  const start = () => {
    setDraft(value);
    setError(undefined);
    setAskDiscard(false);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setAskDiscard(false);
    setError(undefined);
  };
  const save = async () => {
    if (!dirty) return cancel();
    setSaving(true);
    try {
      await onSave(draft);
      cancel();
    } catch (failure) {
      setAskDiscard(false);
      if (failure instanceof ApiError) {
        const errors = failure.fieldErrors();
        setError(errors[errorKey] ?? Object.values(errors)[0] ?? failure.explanation());
      } else setError(t('errors.tryAgain'));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.stopPropagation();
    if (dirty) setAskDiscard(true);
    else cancel();
  };

  if (!editing) {
    return (
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start" data-field={name}>
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Box fz="sm" style={{ overflowWrap: 'anywhere', cursor: canEdit ? 'text' : undefined }} onClick={canEdit ? start : undefined}>
            {display ?? '—'}
          </Box>
        </Stack>
        {canEdit && (
          <ActionIcon variant="subtle" color="gray" aria-label={t('crmRecord.edit', { field: label })} onClick={start}>
            <IconPencil size={16} />
          </ActionIcon>
        )}
      </Group>
    );
  }
  return (
    <form
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-field={name}
      noValidate
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Box style={{ flex: 1, minWidth: 0 }}>
            {editor({
              value: draft,
              onChange: setDraft,
              error,
              label,
              inputProps: { 'data-mantine-stop-propagation': 'true', 'data-autofocus': true, autoFocus: true },
            })}
          </Box>
          <Group gap={4} wrap="nowrap" mt={24}>
            <ActionIcon type="submit" loading={saving} aria-label={t('crmRecord.saveField', { field: label })}>
              <IconCheck size={16} />
            </ActionIcon>
            <ActionIcon variant="default" onClick={cancel} aria-label={t('crmRecord.cancelField', { field: label })}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {askDiscard && (
          <Alert color="yellow" p="xs" role="alert">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('crmRecord.unsaved')}</Text>
              <Group gap={4}>
                <Button size="xs" type="submit" loading={saving}>
                  {t('crmRecord.keepAndSave')}
                </Button>
                <Button size="xs" variant="default" onClick={cancel}>
                  {t('crmRecord.discard')}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

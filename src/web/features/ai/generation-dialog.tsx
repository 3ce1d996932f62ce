import { Badge, Box, Button, Group, List, Loader, Modal, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRefresh, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAiProgressEvent } from '../../../contracts/ai.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { FormError } from '../../ui/form-error.js';
import { useAiStatus } from './ai-api.js';
import { useStepLabel } from './step-label.js';
import type { TGeneration } from './use-generation.js';

/** The dialog of a generation: wide on a desktop, the whole screen on a phone (as the app's other large dialogs). */
export function GenerationModal({ opened, onClose, title, children }: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" fullScreen={phone}>
      {/* Mounted only while open: every opening starts from an empty brief. */}
      {opened && children}
    </Modal>
  );
}

type TGenerateButtonProps = {
  /** The button's words ("Générer avec IA", "Générer créatifs"). */
  label: string;
  title: string;
  /** The list the drafts go to, read again when the dialog closes (a draft made and kept shows in it). */
  listKey: QueryKey;
  /** The dialog's content, given how to close it. */
  children: (close: () => void) => ReactNode;
};

/** A list page's generation button and its dialog. */
export function GenerateButton({ label, title, listKey, children }: TGenerateButtonProps) {
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const close = () => {
    setOpened(false);
    void queryClient.invalidateQueries({ queryKey: listKey });
  };
  return (
    <>
      <Button variant="default" leftSection={<IconSparkles size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <GenerationModal opened={opened} onClose={close} title={title}>
        {children(close)}
      </GenerationModal>
    </>
  );
}

/** Who writes: the built-in generator (no model, no cost) or the workspace's model, named. */
export function WriterBadge() {
  const { t } = useTranslation();
  const status = useAiStatus({ staleTime: 60_000 });
  if (!status.data) return null;
  const builtin = status.data.writer === 'builtin';
  return (
    <Badge
      variant="light"
      color={builtin ? 'gray' : 'violet'}
      leftSection={<IconSparkles size={12} aria-hidden />}
      data-testid="ai-writer"
      style={{ textTransform: 'none' }}
    >
      {builtin
        ? t('aiGenerate.writer.builtin')
        : status.data.model
          ? t('aiGenerate.writer.model', { model: status.data.model })
          : t('aiGenerate.writer.modelUnnamed')}
    </Badge>
  );
}

/** The steps announced so far: done ones checked, the last one under way, and a bar of done over total. */
export function GenerationProgress({ steps }: { steps: TAiProgressEvent[] }) {
  const { t } = useTranslation();
  const label = useStepLabel();
  const last = steps.at(-1);
  const ratio = last && last.total > 0 ? Math.min(1, last.done / last.total) : 0;
  return (
    <Stack gap="xs" role="status" aria-live="polite" data-testid="ai-progress">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t('aiGenerate.progress.title')}</Text>
        {last && last.total > 0 && (
          <Text size="sm" c="dimmed">
            {t('aiGenerate.progress.count', { done: Math.min(last.done, last.total), total: last.total })}
          </Text>
        )}
      </Group>
      <Progress value={ratio * 100} animated={ratio < 1} aria-label={t('aiGenerate.progress.title')} />
      <List spacing={4} size="sm" center>
        {steps.length === 0 && (
          <List.Item icon={<Loader size={14} />}>
            <Text size="sm">{t('aiGenerate.steps.starting')}</Text>
          </List.Item>
        )}
        {steps.map((step, index) => (
          <List.Item
            key={step.step}
            icon={
              index < steps.length - 1 ? (
                <ThemeIcon size={16} radius="xl" color="teal" variant="light">
                  <IconCheck size={12} aria-hidden />
                </ThemeIcon>
              ) : (
                <Loader size={14} />
              )
            }
          >
            <Text size="sm">{label(step.step)}</Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The server's refusal of a brief: field errors go on their fields, anything else (a cap reached, the provider
 * unavailable…) above the form in the user's language. Returns the error to show above the form, if any.
 */
export function useBriefError<T extends object>(form: UseFormReturnType<T>, error: unknown): unknown {
  const [shown, setShown] = useState<unknown>(null);
  useEffect(() => {
    setShown(error && setFormErrors(form, error) ? null : error);
    // Only a new error matters; `form` is stable for the component's life.
  }, [error]);
  return shown;
}

/** A brief's text field: a few characters at least. */
export const briefText = (message: string) => (value: string) => (value.trim().length < 2 ? message : null);

type TBriefFormProps = {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  running: boolean;
  error: unknown;
  onCancel: () => void;
  children: ReactNode;
};

/** A brief's form: its fields locked while the generation runs, "Générer", and "Annuler" which stops it. */
export function BriefForm({ onSubmit, running, error, onCancel, children }: TBriefFormProps) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormError error={error} />
        <fieldset disabled={running} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="sm">{children}</Stack>
        </fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={running} leftSection={<IconSparkles size={16} aria-hidden />}>
            {t('aiGenerate.generate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TFlowProps<TResult> = {
  generation: TGeneration<never, TResult>;
  intro: string;
  /** The brief's form, kept mounted (hidden under the preview) so a failure leaves it filled in. */
  form: ReactNode;
  preview: (result: TResult) => ReactNode;
  acceptLabel: string;
  onAccept: (result: TResult) => void;
  /** Deletes the draft (the dialog closes after). */
  onDiscard: (result: TResult) => Promise<unknown>;
  onClose: () => void;
};

/** The shell every generation shares: the writer, the brief, the live progress, then the preview and its choices. */
export function GenerationFlow<TResult>({ generation, intro, form, preview, acceptLabel, onAccept, onDiscard, onClose }: TFlowProps<TResult>) {
  const { t } = useTranslation();
  const [discarding, setDiscarding] = useState(false);
  const { phase, result, steps } = generation;
  const discard = (value: TResult) => {
    setDiscarding(true);
    onDiscard(value)
      .then(() => {
        notifications.show({ color: 'teal', message: t('aiGenerate.preview.discarded') });
        onClose();
      })
      .catch((error: unknown) => notifyError(error, t))
      .finally(() => setDiscarding(false));
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
          {phase === 'preview' ? t('aiGenerate.preview.intro') : intro}
        </Text>
        <WriterBadge />
      </Group>
      <Box hidden={phase === 'preview'}>{form}</Box>
      {phase === 'running' && <GenerationProgress steps={steps} />}
      {phase === 'preview' && result !== null && (
        <>
          {preview(result)}
          <Group justify="flex-end" gap="xs" wrap="wrap">
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} loading={discarding} onClick={() => discard(result)}>
              {t('aiGenerate.preview.discard')}
            </Button>
            <Button onClick={() => onAccept(result)} disabled={discarding}>
              {acceptLabel}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

type TRegenerateButtonProps = { busy: boolean; disabled: boolean; onClick: () => void; label: string; children: ReactNode };

/** "Régénérer" on one part of a preview (a page, a variant): the others wait while one is written again. */
export function RegenerateButton({ busy, disabled, onClick, label, children }: TRegenerateButtonProps) {
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} aria-hidden />}
      loading={busy}
      disabled={disabled && !busy}
      onClick={onClick}
      aria-label={label}
    >
      {children}
    </Button>
  );
}

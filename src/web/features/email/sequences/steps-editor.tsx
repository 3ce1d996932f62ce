import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFlag, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { flattenSteps, type TSequence } from '../../../../contracts/email-sequences.js';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { starterDocumentFor } from '../editor/use-switch-mode.js';
import { CAMPAIGNS_PATH, campaignKey } from '../email-api.js';
import { StepEditorContext, type TStepEditor } from './step-editor-context.js';
import { StepFlow } from './step-flow.js';
import { useStepProblems } from './step-problems.js';
import { insertStep, limitsOf, newStepId, stepIds, type TListKey } from './step-tree.js';
import { createSequenceEmail, useSequenceEmails } from './sequences-api.js';
import type { TStepsDraft } from './use-steps-draft.js';

type Props = { sequence: TSequence; draft: TStepsDraft; readOnly: boolean };

/** "Étapes": the sequence as a vertical flow of step cards, edited locally and saved as one tree ("Enregistrer"). */
export function StepsEditor({ sequence, draft, readOnly }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const emails = useSequenceEmails(draft.steps);
  const { problemsOf, general } = useStepProblems(draft.steps, draft.problems);
  const addEmail = useMutation({
    mutationFn: async ({ key, index }: { key: TListKey; index: number }) => {
      const count = flattenSteps(draft.steps).filter(({ step }) => step.type === 'email').length;
      const name = t('email.sequences.steps.emailName', { sequence: sequence.name, n: count + 1 }).slice(0, 200);
      let email = await createSequenceEmail(sequence.id, name);
      // Like a new campaign, a new email starts in the block editor from a starter document in the reader's language.
      if (email.editor_document === null) {
        email = await api.patch<TEmailCampaign>(`${CAMPAIGNS_PATH}/${email.id}`, { editor_document: starterDocumentFor(t) }).catch(() => email);
      }
      return { email, key, index };
    },
    onSuccess: ({ email, key, index }) => {
      queryClient.setQueryData(campaignKey(email.id), email);
      draft.change((steps) => insertStep(steps, key, index, { id: newStepId(stepIds(steps)), type: 'email', email_id: email.id }));
    },
    onError: (error) => notifyError(error, t),
  });
  const editor: TStepEditor = {
    readOnly,
    limits: limitsOf(draft.steps),
    emails,
    problemsOf,
    change: draft.change,
    addEmail: (key, index) => addEmail.mutate({ key, index }),
    addingEmail: addEmail.isPending,
    openEmail: (emailId) => void draft.save().then((saved) => saved && navigate(`/email-marketing/campaigns/${emailId}`)),
  };
  return (
    <Stack gap="md">
      {sequence.status === 'active' && !readOnly && (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />} color="blue" variant="light">
          {t('email.sequences.steps.liveHint')}
        </Alert>
      )}
      {general.length > 0 && (
        <Alert icon={<IconAlertTriangle size={18} aria-hidden />} color="red" variant="light" role="alert" title={t('email.sequences.steps.problemsTitle')}>
          <Stack gap={4}>
            {general.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {!readOnly && <SaveBar draft={draft} />}
      <StepEditorContext.Provider value={editor}>
        <Stack gap={0} maw={880} w="100%" mx="auto">
          {draft.steps.length === 0 && (
            <Text c="dimmed" ta="center" size="sm" mb="xs">
              {t(readOnly ? 'email.sequences.steps.emptyReadOnly' : 'email.sequences.steps.empty')}
            </Text>
          )}
          <StepFlow list={draft.steps} listKey="root" depth={0} />
          <Paper withBorder radius="xl" px="md" py={6} style={{ alignSelf: 'center' }}>
            <Group gap={6} wrap="nowrap">
              <IconFlag size={16} aria-hidden />
              <Text size="sm">{t('email.sequences.steps.end')}</Text>
            </Group>
          </Paper>
        </Stack>
      </StepEditorContext.Provider>
    </Stack>
  );
}

/** "Enregistrer" and "Annuler les modifications", with a word on unsaved changes; sticks to the top while scrolling. */
function SaveBar({ draft }: { draft: TStepsDraft }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="md" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 8px)', zIndex: 3 }}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" c={draft.dirty ? undefined : 'dimmed'} fw={draft.dirty ? 600 : undefined} role="status">
          {t(draft.dirty ? 'email.sequences.steps.unsaved' : 'email.sequences.steps.upToDate')}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={!draft.dirty || draft.saving} onClick={draft.reset}>
            {t('email.sequences.steps.discard')}
          </Button>
          <Button size="xs" disabled={!draft.dirty} loading={draft.saving} onClick={() => void draft.save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

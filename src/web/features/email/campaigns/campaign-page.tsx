import { Alert, Anchor, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isCampaignEditable, type TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { optionalEmail } from '../../../ui/email-address.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryState } from '../../../ui/query-state.js';
import { CardSection } from '../../../ui/card-section.js';
import { useSignedInMe } from '../../auth/session.js';
import { useSegments } from '../../crm/segments/segments-api.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, campaignKey, recipientsKey, SUBJECT_EXAMPLE, useLiveCampaign } from '../email-api.js';
import { CampaignPreviewModal } from './campaign-preview-modal.js';
import { CampaignSendPanel } from './campaign-send-panel.js';
import { RecipientsCount } from './recipients-count.js';
import { CampaignStatusBadge } from './campaign-status-badge.js';
import { CampaignReview } from './campaign-review.js';
import { CampaignStepNav, CampaignStepper, useCampaignStep, type TCampaignStep } from './campaign-steps.js';
import { EmailEditor } from '../editor/email-editor.js';
import { useSwitchContentMode, type TContentMode } from '../editor/use-switch-mode.js';
import { AbTestCard } from './ab-test/ab-test-card.js';
import { SendTimeCard } from './send-time/send-time-card.js';

/** /email-marketing/campaigns/:id: a campaign's content, sender and audience, saved as a draft. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useLiveCampaign(id);
  return <QueryState query={campaign}>{(data) => <CampaignForm key={data.id} campaign={data} />}</QueryState>;
}

type TValues = {
  name: string;
  subject: string;
  preheader: string;
  html_content: string;
  text_content: string;
  from_name: string;
  from_email: string;
  reply_to: string;
  segment_id: string | null;
};

// Liquid shown as an example (passed as a value: i18next would read the braces as its own placeholders).
const HTML_EXAMPLE = '{{ lead.first_name }}, {{ lead.custom.budget }}';

function CampaignForm({ campaign }: { campaign: TEmailCampaign }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const segments = useSegments();
  const sent = !isCampaignEditable(campaign);
  const canEdit = me.role !== 'viewer';
  // An email of a sequence is only content and sender: it goes out when a lead reaches its step, never as a campaign.
  const sequenceId = campaign.sequence_id;
  const locked = sent || !canEdit;
  const validEmail = optionalEmail(t('email.fields.invalidEmail'));
  const form = useForm<TValues>({
    initialValues: {
      name: campaign.name,
      subject: campaign.subject,
      preheader: campaign.preheader,
      html_content: campaign.html_content,
      text_content: campaign.text_content,
      from_name: campaign.from_name,
      from_email: campaign.from_email,
      reply_to: campaign.reply_to,
      segment_id: campaign.segment_id,
    },
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      from_email: validEmail,
      reply_to: validEmail,
    },
  });
  const save = useMutation({
    // A sent campaign keeps its content: only its name is sent.
    mutationFn: (values: TValues) =>
      api.patch<TEmailCampaign>(
        `${CAMPAIGNS_PATH}/${campaign.id}`,
        sent
          ? { name: values.name }
          : // In the block editor the HTML is the document's (saved by the editor itself).
            { ...values, from_email: values.from_email.trim(), reply_to: values.reply_to.trim(), ...(blocks ? { html_content: undefined } : {}) },
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('email.edit.saved') });
      await queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] });
      await queryClient.invalidateQueries({ queryKey: recipientsKey(saved.id) });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  const [deleting, setDeleting] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  // Content in the block editor (its document compiles to html_content on the server) or written as HTML.
  const blocks = campaign.editor_document !== null;
  const [editorDirty, setEditorDirty] = useState(false);
  const [abTestDirty, setAbTestDirty] = useState(false);
  const [abTestOn, setAbTestOn] = useState(campaign.ab_test !== null);
  const [sendTimeSaving, setSendTimeSaving] = useState(false);
  const [switchTo, setSwitchTo] = useState<TContentMode | null>(null);
  const switchMode = useSwitchContentMode(campaign.id, (saved) => {
    setSwitchTo(null);
    form.setFieldValue('html_content', saved.html_content);
    form.resetDirty({ ...form.getValues(), html_content: saved.html_content });
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`${CAMPAIGNS_PATH}/${campaign.id}`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('email.edit.deleted', { name: campaign.name }) });
      await queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void navigate('/email-marketing');
    },
    onError: (error) => notifyError(error, t),
  });
  // "+ Créer" opens the page as a step flow (`?step=`): one part at a time, each saved before the next.
  const steps = useCampaignStep(!sent && canEdit && sequenceId === null);
  const shows = (part: TCampaignStep) => steps.step === null || steps.step === part;
  const saveIfChanged = async (): Promise<boolean> => {
    if (!form.isDirty()) return true;
    if (form.validate().hasErrors) return false;
    return save.mutateAsync(form.getValues()).then(
      () => true,
      () => false,
    );
  };
  const segmentOptions = [
    { value: '', label: t('email.fields.allLeads') },
    ...(segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name })),
  ];

  return (
    <>
      <Anchor
        component={Link}
        to={sequenceId ? `/email-marketing/sequences/${sequenceId}` : '/email-marketing'}
        size="sm"
        mb="xs"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {sequenceId ? t('email.sequences.emailPage.back') : t('email.edit.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={campaign.name} description={sequenceId ? t('email.sequences.emailPage.description') : t('email.edit.description')} />
        {!sequenceId && <CampaignStatusBadge campaign={campaign} />}
      </Group>
      {sent && (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />} color="blue" variant="light" mb="lg">
          {t('email.edit.sentLocked')}
        </Alert>
      )}
      {steps.step && (
        <Stack mb="lg">
          <CampaignStepper step={steps.step} onStep={(next) => void saveIfChanged().then((ok) => ok && steps.go(next))} />
        </Stack>
      )}
      {steps.step === 'review' && (
        <Stack mb="lg">
          <CampaignReview campaign={campaign} onPreview={() => setPreviewing(true)} />
        </Stack>
      )}
      {/* The A/B test is the last choice before the send (where Mailchimp and Brevo put it): just above the send panel. */}
      {shows('review') && !sequenceId && (
        <AbTestCard
          campaign={campaign}
          canEdit={canEdit}
          onDirtyChange={setAbTestDirty}
          sendTimeOn={campaign.send_time_optimization}
          onEnabledChange={setAbTestOn}
        />
      )}
      {/* Beside the A/B test: the two decide when the messages go, and only one of them may. */}
      {shows('review') && !sequenceId && (
        <SendTimeCard campaign={campaign} canEdit={canEdit} abTestOn={abTestOn || campaign.ab_test !== null} onBusyChange={setSendTimeSaving} />
      )}
      {shows('review') && !sequenceId && (
        <CampaignSendPanel campaign={campaign} canEdit={canEdit} dirty={form.isDirty() || editorDirty || abTestDirty || sendTimeSaving} />
      )}
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="lg">
          {shows('content') && (
            <CardSection title={t('email.edit.content')}>
              <TextInput
                label={t('email.fields.name')}
                description={t('email.fields.nameHint')}
                required
                maxLength={200}
                readOnly={!canEdit}
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('email.fields.subject')}
                description={t('email.fields.subjectHint', { example: SUBJECT_EXAMPLE })}
                maxLength={300}
                readOnly={locked}
                {...form.getInputProps('subject')}
              />
              <TextInput
                label={t('email.fields.preheader')}
                description={t('email.fields.preheaderHint')}
                maxLength={300}
                readOnly={locked}
                {...form.getInputProps('preheader')}
              />
              {!locked && (
                <SegmentedControl
                  aria-label={t('emailEditor.mode.label')}
                  value={blocks ? 'blocks' : 'html'}
                  onChange={(value) => setSwitchTo(value as TContentMode)}
                  data={[
                    { value: 'blocks', label: t('emailEditor.mode.blocks') },
                    { value: 'html', label: t('emailEditor.mode.html') },
                  ]}
                  style={{ alignSelf: 'flex-start' }}
                />
              )}
              {blocks && campaign.editor_document ? (
                <EmailEditor
                  key={`${campaign.id}:${switchMode.version}`}
                  campaignId={campaign.id}
                  initial={campaign.editor_document}
                  readOnly={locked}
                  canSend={canEdit}
                  onDirtyChange={setEditorDirty}
                />
              ) : (
                <Textarea
                  label={t('email.fields.html')}
                  description={t('email.fields.htmlHint', { example: HTML_EXAMPLE })}
                  autosize
                  minRows={8}
                  maxRows={24}
                  readOnly={locked}
                  spellCheck={false}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                  {...form.getInputProps('html_content')}
                />
              )}
              <Textarea
                label={t('email.fields.text')}
                description={t('email.fields.textHint')}
                autosize
                minRows={4}
                maxRows={16}
                readOnly={locked}
                {...form.getInputProps('text_content')}
              />
            </CardSection>
          )}
          {shows('sender') && (
            <CardSection title={t('email.edit.sender')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('email.fields.fromName')} maxLength={200} readOnly={locked} {...form.getInputProps('from_name')} />
                <TextInput
                  type="email"
                  label={t('email.fields.fromEmail')}
                  description={t('email.fields.fromEmailHint')}
                  readOnly={locked}
                  {...form.getInputProps('from_email')}
                />
                <TextInput type="email" label={t('email.fields.replyTo')} readOnly={locked} {...form.getInputProps('reply_to')} />
              </SimpleGrid>
            </CardSection>
          )}
          {shows('recipients') && !sequenceId && (
            <CardSection title={t('email.edit.audience')}>
              <Select
                label={t('email.fields.segment')}
                description={t('email.fields.segmentHint')}
                data={segmentOptions}
                value={form.values.segment_id ?? ''}
                onChange={(value) => form.setFieldValue('segment_id', value ? value : null)}
                error={form.errors.segment_id}
                readOnly={locked}
                allowDeselect={false}
                maw={420}
              />
              <RecipientsCount campaignId={campaign.id} />
            </CardSection>
          )}
          {steps.step && (
            <CampaignStepNav
              step={steps.step}
              onStep={steps.go}
              onNext={saveIfChanged}
              busy={save.isPending}
              waitingForEditor={editorDirty}
              onLeave={() => steps.go(null)}
            />
          )}
          {canEdit && !steps.step && (
            <Group justify="space-between">
              <Group gap="sm">
                <Button type="submit" loading={save.isPending}>
                  {t('email.edit.save')}
                </Button>
                <Button variant="default" onClick={() => setPreviewing(true)} disabled={form.isDirty()}>
                  {t('email.preview.open')}
                </Button>
              </Group>
              {/* A sequence's email goes with its step (deleting the step leaves it unused, the sequence's to clean). */}
              {!sent && !sequenceId && (
                <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                  {t('email.edit.delete')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {/* A sequence's email may test variants too, after its content: on every message of its step, until the rule finds a winner. */}
      {sequenceId && (
        <Stack mt="lg">
          <AbTestCard campaign={campaign} canEdit={canEdit} onDirtyChange={setAbTestDirty} sendTimeOn={false} onEnabledChange={setAbTestOn} inSequence />
        </Stack>
      )}
      <CampaignPreviewModal campaignId={campaign.id} opened={previewing} onClose={() => setPreviewing(false)} canSend={canEdit} />
      <ConfirmModal
        opened={switchTo !== null}
        title={t(switchTo === 'html' ? 'emailEditor.mode.toHtmlTitle' : 'emailEditor.mode.toBlocksTitle')}
        confirmLabel={t(switchTo === 'html' ? 'emailEditor.mode.toHtmlConfirm' : 'emailEditor.mode.toBlocksConfirm')}
        // Changes of the blocks still waiting for their autosave go first.
        loading={switchMode.isPending || (switchTo === 'html' && editorDirty)}
        onConfirm={() => switchTo && switchMode.mutate(switchTo)}
        onClose={() => setSwitchTo(null)}
      >
        {t(switchTo === 'html' ? 'emailEditor.mode.toHtmlBody' : 'emailEditor.mode.toBlocksBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={deleting}
        title={t('email.edit.deleteTitle', { name: campaign.name })}
        confirmLabel={t('email.edit.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        {t('email.edit.deleteBody')}
      </ConfirmModal>
    </>
  );
}

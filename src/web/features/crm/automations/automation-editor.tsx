import { Alert, Button, Divider, Group, Modal, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAutomation } from '../../../../contracts/crm-automations.js';
import { ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { RuleBuilder } from '../segments/rule-builder.js';
import { ActionsEditor } from './actions-editor.js';
import { WebhookSecret } from './webhook-secret.js';
import { useSaveAutomation } from './automations-api.js';
import { bodyOf, draftOf, emptyDraft, validateDraft, type TAutomationDraft } from './automation-draft.js';
import { TriggerFields } from './trigger-fields.js';

type Props = { automation: TAutomation | null; readOnly: boolean; onClose: () => void };

/** Creates or edits an automation: "When <trigger>, if <conditions>, then <actions>". Viewers see it read-only. */
export function AutomationEditor({ automation, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveAutomation();
  const form = useForm<TAutomationDraft>({
    initialValues: automation ? draftOf(automation) : emptyDraft(),
    validate: (values) => validateDraft(values, t('validation.required')),
  });
  const submit = (values: TAutomationDraft) =>
    save.mutate(
      { id: automation?.id ?? null, body: bodyOf(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('crmAutomations.saved') });
          onClose();
        },
        // Field errors ("body.actions.1.params.url") land on their inputs; the rest is a notification.
        onError: (error) => (error instanceof ApiError && error.errors.length > 0 ? form.setErrors(error.fieldErrors()) : notifyError(error, t)),
      },
    );
  const conditionErrors = Object.entries(form.errors).filter(([path]) => path.startsWith('conditions'));
  const title = readOnly ? t('crmAutomations.editor.titleView') : automation ? t('crmAutomations.editor.titleEdit') : t('crmAutomations.editor.titleNew');
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          {readOnly && <Alert color="gray">{t('crmAutomations.editor.readOnly')}</Alert>}
          <TextInput
            label={t('crmAutomations.editor.name')}
            placeholder={t('crmAutomations.editor.namePlaceholder')}
            required
            readOnly={readOnly}
            {...form.getInputProps('name')}
          />
          <Block title={t('crmAutomations.editor.when')}>
            <TriggerFields form={form} readOnly={readOnly} />
          </Block>
          <Block title={t('crmAutomations.editor.if')}>
            <Switch label={t('crmAutomations.editor.useConditions')} disabled={readOnly} {...form.getInputProps('useConditions', { type: 'checkbox' })} />
            {form.values.useConditions ? (
              <RuleBuilder value={form.values.conditions} onChange={(rules) => form.setFieldValue('conditions', rules)} readOnly={readOnly} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('crmAutomations.editor.allLeads')}
              </Text>
            )}
            {conditionErrors.length > 0 && (
              <Alert color="red" role="alert">
                {conditionErrors.map(([path, message]) => (
                  <div key={path}>{String(message)}</div>
                ))}
              </Alert>
            )}
          </Block>
          <Block title={t('crmAutomations.editor.then')}>
            <ActionsEditor form={form} readOnly={readOnly} />
            <WebhookSecret automation={automation} />
          </Block>
          <Switch label={t('crmAutomations.editor.active')} disabled={readOnly} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('crmAutomations.editor.close') : t('crmAutomations.editor.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending}>
                {t('crmAutomations.editor.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Divider />
      <Title order={4}>{title}</Title>
      {children}
    </Stack>
  );
}

import { Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES } from '../../../../contracts/crm.js';
import {
  SCORING_EVENT_TYPES,
  SCORING_POINTS_MAX,
  SCORING_POINTS_MIN,
  type TScoringEventType,
  type TScoringRule,
  type TScoringRuleKind,
} from '../../../../contracts/crm-scoring.js';
import type { TRuleCondition } from '../../../../contracts/crm-segments.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { LEADS_KEY } from '../crm-api.js';
import { SCORING_RULES_KEY } from './crm-settings-api.js';
import { FitConditionInput } from './fit-condition-input.js';
import { FormActions } from '../../../ui/form-actions.js';

/** What the modal edits: an existing rule, or a new one of a kind. */
export type TRuleEditTarget = { rule: TScoringRule } | { kind: TScoringRuleKind } | null;

type TDraft = {
  name: string;
  kind: TScoringRuleKind;
  event_type: TScoringEventType;
  interaction_type: string | null;
  condition: TRuleCondition;
  points: number | '';
  active: boolean;
};

function draftOf(target: Exclude<TRuleEditTarget, null>): TDraft {
  if ('kind' in target) {
    return {
      name: '',
      kind: target.kind,
      event_type: 'interaction_added',
      interaction_type: null,
      condition: { field: 'job_title', operator: 'contains', value: '' },
      points: 10,
      active: true,
    };
  }
  const { rule } = target;
  const interaction = rule.event_data?.interaction_type;
  return {
    name: rule.name,
    kind: rule.kind,
    event_type: (rule.event_type ?? 'interaction_added') as TScoringEventType,
    interaction_type: typeof interaction === 'string' ? interaction : null,
    condition: rule.condition ?? { field: 'job_title', operator: 'contains', value: '' },
    points: rule.points,
    active: rule.active,
  };
}

function bodyOf(draft: TDraft) {
  const common = { name: draft.name, kind: draft.kind, points: draft.points === '' ? 0 : draft.points, active: draft.active };
  if (draft.kind === 'fit') return { ...common, condition: draft.condition };
  const narrowed = draft.event_type === 'interaction_added' && draft.interaction_type;
  return { ...common, event_type: draft.event_type, event_data: narrowed ? { interaction_type: draft.interaction_type } : null };
}

/** Server field errors on the form's fields (`condition.value` shows on the condition, `event_data.…` on the interaction type). */
function formErrors(error: ApiError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = path.startsWith('condition') ? 'condition' : path.startsWith('event_data') ? 'interaction_type' : path;
    errors[field] ??= message;
  }
  return errors;
}

type Props = { target: TRuleEditTarget; onClose: () => void };

/** Adds or edits a scoring rule: an event and its points, or a condition on the lead and its points. */
export function ScoringRuleModal({ target, onClose }: Props) {
  return (
    <Modal opened={target !== null} onClose={onClose} title={<ModalTitle target={target} />} size="xl">
      {target && <RuleForm key={'rule' in target ? target.rule.id : target.kind} target={target} onClose={onClose} />}
    </Modal>
  );
}

function ModalTitle({ target }: { target: TRuleEditTarget }) {
  const { t } = useTranslation();
  if (!target) return null;
  if ('rule' in target) return <>{t('crmSettings.scoring.editRule')}</>;
  return <>{target.kind === 'event' ? t('crmSettings.scoring.newEvent') : t('crmSettings.scoring.newFit')}</>;
}

function RuleForm({ target, onClose }: { target: Exclude<TRuleEditTarget, null>; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TDraft>({ initialValues: draftOf(target) });
  const values = form.getValues();
  const save = useMutation({
    mutationFn: (draft: TDraft) =>
      'rule' in target
        ? api.patch<TScoringRule>(`/api/marketing/scoring-rules/${target.rule.id}`, bodyOf(draft))
        : api.post<TScoringRule>('/api/marketing/scoring-rules', bodyOf(draft)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('crmSettings.scoring.savedRule') });
      void queryClient.invalidateQueries({ queryKey: SCORING_RULES_KEY });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) form.setErrors(formErrors(error));
      else notifyError(error, t);
    },
  });
  return (
    <form onSubmit={form.onSubmit((draft) => save.mutate(draft))}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t(`crmSettings.scoring.kindHelp.${values.kind}`)}
        </Text>
        <TextInput label={t('crmSettings.scoring.name')} required maxLength={120} {...form.getInputProps('name')} />
        {values.kind === 'event' ? (
          <Group grow align="flex-start">
            <Select
              label={t('crmSettings.scoring.eventType')}
              data={SCORING_EVENT_TYPES.map((type) => ({ value: type, label: t(`crmSettings.scoring.eventTypes.${type}`) }))}
              allowDeselect={false}
              {...form.getInputProps('event_type')}
            />
            {values.event_type === 'interaction_added' && (
              <Select
                label={t('crmSettings.scoring.interactionType')}
                placeholder={t('crmSettings.scoring.anyInteraction')}
                data={INTERACTION_TYPES.map((type) => ({ value: type, label: t(`crmSettings.scoring.interactionTypes.${type}`) }))}
                clearable
                {...form.getInputProps('interaction_type')}
              />
            )}
          </Group>
        ) : (
          <FitConditionInput
            value={values.condition}
            onChange={(condition) => form.setFieldValue('condition', condition)}
            error={form.errors.condition as string | undefined}
          />
        )}
        <Group align="flex-end">
          <NumberInput
            label={t('crmSettings.scoring.points')}
            min={SCORING_POINTS_MIN}
            max={SCORING_POINTS_MAX}
            allowDecimal={false}
            required
            w={160}
            {...form.getInputProps('points')}
          />
          <Switch label={t('crmSettings.scoring.active')} mb={8} {...form.getInputProps('active', { type: 'checkbox' })} />
        </Group>
        <FormActions onCancel={onClose} submitLabel={t('crmSettings.save')} loading={save.isPending} />
      </Stack>
    </form>
  );
}

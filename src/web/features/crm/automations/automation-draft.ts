import { randomId } from '@mantine/hooks';
import type {
  TAutomation,
  TAutomationAction,
  TAutomationActionType,
  TAutomationCreateBody,
  TAutomationTrigger,
  TAutomationTriggerType,
} from '../../../../contracts/crm-automations.js';
import type { TLeadStatus } from '../../../../contracts/crm.js';
import type { TRuleGroup } from '../../../../contracts/crm-segments.js';

// The editor's form values: every parameter of every type present (inputs stay controlled when
// the type changes), converted to and from the contract's per-type shapes.

export type TDraftParams = {
  status: TLeadStatus;
  tag: string;
  owner_id: string;
  subject: string;
  content: string;
  title: string;
  due_in_days: number | '';
  assignee_id: string;
  url: string;
  campaign_id: string;
  sequence_id: string;
};

export type TDraftAction = { key: string; type: TAutomationActionType; params: TDraftParams };

export type TAutomationDraft = {
  name: string;
  active: boolean;
  trigger: { type: TAutomationTriggerType; status: TLeadStatus | ''; threshold: number | ''; tag: string; funnel_id: string };
  useConditions: boolean;
  conditions: TRuleGroup;
  actions: TDraftAction[];
};

const EMPTY_PARAMS: TDraftParams = {
  status: 'contacted',
  tag: '',
  owner_id: '',
  subject: '',
  content: '',
  title: '',
  due_in_days: '',
  assignee_id: '',
  url: '',
  campaign_id: '',
  sequence_id: '',
};

/** A new action of this type with empty parameters. */
export function newDraftAction(type: TAutomationActionType = 'add_tag'): TDraftAction {
  return { key: randomId(), type, params: { ...EMPTY_PARAMS } };
}

/** The form of a new automation: on lead creation, add a tag. */
export function emptyDraft(): TAutomationDraft {
  return {
    name: '',
    active: true,
    trigger: { type: 'lead_created', status: '', threshold: '', tag: '', funnel_id: '' },
    useConditions: false,
    conditions: { op: 'and', rules: [] },
    actions: [newDraftAction()],
  };
}

/** The form of a saved automation. */
export function draftOf(automation: TAutomation): TAutomationDraft {
  const trigger = automation.trigger;
  return {
    name: automation.name,
    active: automation.active,
    trigger: {
      type: trigger.type,
      status: trigger.type === 'status_changed' ? (trigger.status ?? '') : '',
      threshold: trigger.type === 'score_crossed' ? trigger.threshold : '',
      tag: trigger.type === 'tag_added' ? (trigger.tag ?? '') : '',
      funnel_id: trigger.type === 'funnel_optin' ? (trigger.funnel_id ?? '') : '',
    },
    useConditions: automation.conditions !== null,
    conditions: automation.conditions ?? { op: 'and', rules: [] },
    actions: automation.actions.map((action) => ({
      key: randomId(),
      type: action.type,
      params: { ...EMPTY_PARAMS, ...(action.params as Partial<TDraftParams>) },
    })),
  };
}

/** The request body of a draft; empty optional fields are left out. */
export function bodyOf(draft: TAutomationDraft): TAutomationCreateBody {
  const conditions = draft.useConditions && draft.conditions.rules.length > 0 ? draft.conditions : null;
  return { name: draft.name.trim(), active: draft.active, trigger: triggerOf(draft.trigger), conditions, actions: draft.actions.map(actionOf) };
}

function triggerOf(trigger: TAutomationDraft['trigger']): TAutomationTrigger {
  switch (trigger.type) {
    case 'status_changed':
      return { type: trigger.type, ...(trigger.status ? { status: trigger.status } : {}) };
    case 'score_crossed':
      // An empty threshold goes to the server as is: its error lands on the field.
      return { type: trigger.type, threshold: trigger.threshold as number };
    case 'tag_added':
      return { type: trigger.type, ...(trigger.tag.trim() ? { tag: trigger.tag.trim() } : {}) };
    case 'funnel_optin':
      return { type: trigger.type, ...(trigger.funnel_id ? { funnel_id: trigger.funnel_id } : {}) };
    default:
      return { type: trigger.type };
  }
}

function actionOf({ type, params: p }: TDraftAction): TAutomationAction {
  switch (type) {
    case 'set_status':
      return { type, params: { status: p.status } };
    case 'add_tag':
    case 'remove_tag':
      return { type, params: { tag: p.tag.trim() } };
    case 'assign_owner':
      return { type, params: { owner_id: p.owner_id } };
    case 'add_note':
      return { type, params: { content: p.content, ...(p.subject.trim() ? { subject: p.subject.trim() } : {}) } };
    case 'add_task':
      return {
        type,
        params: { title: p.title, ...(p.due_in_days === '' ? {} : { due_in_days: p.due_in_days }), ...(p.assignee_id ? { assignee_id: p.assignee_id } : {}) },
      };
    case 'call_webhook':
      return { type, params: { url: p.url.trim() } };
    case 'send_email':
      return { type, params: { campaign_id: p.campaign_id } };
    case 'enroll_in_sequence':
      return { type, params: { sequence_id: p.sequence_id } };
  }
}

/** Client-side checks of what is required, in the interface's words (the server checks everything again). */
export function validateDraft(draft: TAutomationDraft, required: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.name.trim()) errors.name = required;
  if (draft.trigger.type === 'score_crossed' && draft.trigger.threshold === '') errors['trigger.threshold'] = required;
  draft.actions.forEach(({ type, params }, i) => {
    const need = (field: keyof TDraftParams) => {
      if (String(params[field]).trim() === '') errors[`actions.${i}.params.${field}`] = required;
    };
    if (type === 'add_tag' || type === 'remove_tag') need('tag');
    if (type === 'assign_owner') need('owner_id');
    if (type === 'add_note') need('content');
    if (type === 'add_task') need('title');
    if (type === 'call_webhook') need('url');
    if (type === 'send_email') need('campaign_id');
    if (type === 'enroll_in_sequence') need('sequence_id');
  });
  return errors;
}

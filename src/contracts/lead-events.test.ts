import { describe, expect, it } from 'vitest';
import enAutomations from '../web/i18n/en/crm-automations.json' with { type: 'json' };
import enSegments from '../web/i18n/en/crm-segments.json' with { type: 'json' };
import enSettings from '../web/i18n/en/crm-settings.json' with { type: 'json' };
import frAutomations from '../web/i18n/fr/crm-automations.json' with { type: 'json' };
import frSegments from '../web/i18n/fr/crm-segments.json' with { type: 'json' };
import frSettings from '../web/i18n/fr/crm-settings.json' with { type: 'json' };
import { AUTOMATION_ACTIONS, AUTOMATION_TRIGGERS } from './automation-catalog.js';
import { AUTOMATION_ACTION_TYPES, AUTOMATION_ERROR_CODES, AUTOMATION_TRIGGER_TYPES, ZAutomationAction, ZAutomationTrigger } from './crm-automations.js';
import { SCORING_EVENT_TYPES, ZScoringEventType } from './crm-scoring.js';
import { SEGMENT_EVENT_TYPES } from './crm-segments.js';
import { ALL_LEAD_EVENT_TYPES, LEAD_EVENT_TYPES, SCORABLE_LEAD_EVENT_TYPES, SEGMENTABLE_LEAD_EVENT_TYPES, triggerOfEvent } from './lead-events.js';

// The lists scoring, segments, automations and the web use all come from the one registry, and agree.

const LANGUAGES = ['fr', 'en'] as const;
const MESSAGES: Record<string, Record<string, Record<string, unknown>>> = {
  fr: { 'crm-segments': frSegments, 'crm-settings': frSettings, 'crm-automations': frAutomations },
  en: { 'crm-segments': enSegments, 'crm-settings': enSettings, 'crm-automations': enAutomations },
};

/** A web translation file as nested objects. */
function messages(language: string, file: string): Record<string, unknown> {
  return MESSAGES[language]![file]!;
}
function label(tree: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('the lead-event registry', () => {
  it('is the source of the scoring and segment lists', () => {
    expect(SCORING_EVENT_TYPES).toEqual(SCORABLE_LEAD_EVENT_TYPES);
    expect(SEGMENT_EVENT_TYPES).toEqual(SEGMENTABLE_LEAD_EVENT_TYPES);
    expect(ZScoringEventType.options).toEqual([...SCORABLE_LEAD_EVENT_TYPES]);
    for (const type of SCORABLE_LEAD_EVENT_TYPES) expect(LEAD_EVENT_TYPES[type].scorable).toBe(true);
    // Tag and task events, missing from the old segment list, are there.
    expect(SEGMENT_EVENT_TYPES).toEqual(expect.arrayContaining(['tag_added', 'tag_removed', 'task_added', 'task_completed', 'score_changed']));
    // The scorer's own output is never scored (no loop).
    expect(SCORING_EVENT_TYPES).not.toContain('score_changed');
  });

  it('maps every event to a trigger of the catalog, and every trigger is started by some event', () => {
    for (const type of ALL_LEAD_EVENT_TYPES) {
      const trigger = triggerOfEvent(type);
      if (trigger !== null) expect(AUTOMATION_TRIGGER_TYPES, `${type} -> ${trigger}`).toContain(trigger);
    }
    for (const trigger of AUTOMATION_TRIGGER_TYPES) {
      expect(
        ALL_LEAD_EVENT_TYPES.filter((type) => triggerOfEvent(type) === trigger),
        trigger,
      ).not.toHaveLength(0);
    }
    expect(triggerOfEvent('imported')).toBe('lead_created');
    expect(triggerOfEvent('not_registered')).toBeNull();
    expect(triggerOfEvent('toString')).toBeNull();
  });

  it('gives every segment-filterable and scorable type, trigger, action and error code a label in French and English', () => {
    for (const language of LANGUAGES) {
      const segments = messages(language, 'crm-segments');
      const settings = messages(language, 'crm-settings');
      const automations = messages(language, 'crm-automations');
      for (const type of SEGMENT_EVENT_TYPES) expect(label(segments, `crmSegments.events.${type}`), `${language} ${type}`).toEqual(expect.any(String));
      for (const type of SCORING_EVENT_TYPES) {
        expect(label(settings, `crmSettings.scoring.eventTypes.${type}`), `${language} ${type}`).toEqual(expect.any(String));
      }
      for (const type of AUTOMATION_TRIGGER_TYPES)
        expect(label(automations, `crmAutomations.triggers.${type}`), `${language} ${type}`).toEqual(expect.any(String));
      for (const type of AUTOMATION_ACTION_TYPES) {
        expect(label(automations, `crmAutomations.actionTypes.${type}`), `${language} ${type}`).toEqual(expect.any(String));
      }
      // The run log names the event that triggered a run.
      for (const type of ALL_LEAD_EVENT_TYPES.filter((t) => triggerOfEvent(t) !== null)) {
        expect(label(automations, `crmAutomations.events.${type}`), `${language} ${type}`).toEqual(expect.any(String));
      }
      for (const code of AUTOMATION_ERROR_CODES)
        expect(label(automations, `crmAutomations.runs.errors.${code}`), `${language} ${code}`).toEqual(expect.any(String));
    }
  });

  it('validates each event type’s data with its schema (loose: writers may add keys)', () => {
    expect(LEAD_EVENT_TYPES.score_changed.data.safeParse({ from: 1, to: 2, cause: 'decay' }).success).toBe(true);
    expect(LEAD_EVENT_TYPES.score_changed.data.safeParse({ from: '1', to: 2, cause: 'decay' }).success).toBe(false);
    expect(LEAD_EVENT_TYPES.field_changed.data.safeParse({ field: 'tags', from: [], to: ['a'], import_id: 'x' }).success).toBe(true);
  });
});

describe('the automation catalog', () => {
  it('builds the API schemas of triggers and actions from the modules’ declarations', () => {
    expect(AUTOMATION_TRIGGER_TYPES).toEqual(Object.keys(AUTOMATION_TRIGGERS));
    expect(AUTOMATION_ACTION_TYPES).toEqual(Object.keys(AUTOMATION_ACTIONS));
    expect(ZAutomationTrigger.safeParse({ type: 'score_crossed', threshold: 50 }).success).toBe(true);
    expect(ZAutomationTrigger.safeParse({ type: 'score_crossed' }).success).toBe(false);
    expect(ZAutomationTrigger.safeParse({ type: 'lead_created', extra: 1 }).success).toBe(false);
    expect(ZAutomationAction.safeParse({ type: 'add_tag', params: { tag: 'vip' } }).success).toBe(true);
    // Declared by the email contract: "send an email" takes a campaign, "enroll in a sequence" a sequence.
    expect(ZAutomationAction.safeParse({ type: 'send_email', params: {} }).success).toBe(false);
    expect(ZAutomationAction.safeParse({ type: 'send_email', params: { campaign_id: '0190a7a2-94f1-7000-8000-000000000000' } }).success).toBe(true);
    expect(ZAutomationAction.safeParse({ type: 'enroll_in_sequence', params: {} }).success).toBe(false);
    expect(ZAutomationAction.safeParse({ type: 'enroll_in_sequence', params: { sequence_id: '0190a7a2-94f1-7000-8000-000000000000' } }).success).toBe(true);
  });
});

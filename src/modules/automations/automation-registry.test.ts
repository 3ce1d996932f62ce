import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AUTOMATION_ACTIONS } from '../../contracts/automation-catalog.js';
import { AUTOMATION_ACTION_TYPES, UNAVAILABLE_ACTION_TYPES } from '../../contracts/crm-automations.js';
import { automationActionRunner, automationTriggerMatcher, registerAutomationAction, registerAutomationTrigger } from './automation-registry.js';
import { canTrigger, triggerMatches } from './automation-triggers.js';
import './crm-steps.js';
// Every module's actions, as the app registers them (the email module's "send an email").
import '../index.js';

// Modules register how their catalog's actions run and triggers match; the registry refuses what the
// contracts do not declare, so the API's validation and the runner never disagree.

describe('the automation registry', () => {
  it('has a runner for every available action of the catalog and none for the unavailable ones', () => {
    for (const type of AUTOMATION_ACTION_TYPES) {
      const unavailable = (UNAVAILABLE_ACTION_TYPES as readonly string[]).includes(type);
      expect(automationActionRunner(type) === undefined, type).toBe(unavailable);
    }
  });

  it('refuses an action the catalog does not declare, or declared with other parameters', () => {
    const run = async () => ({ detail: null, statusCode: null });
    expect(() => registerAutomationAction({ type: 'teleport' as 'add_tag', params: AUTOMATION_ACTIONS.add_tag.params, run })).toThrow(/catalog/);
    expect(() => registerAutomationAction({ type: 'add_tag', params: z.strictObject({ tag: z.string() }), run })).toThrow(/catalog/);
    expect(() => registerAutomationTrigger({ type: 'moon_phase' as 'lead_created' })).toThrow(/catalog/);
  });

  it('matches triggers by the event types the lead-event registry maps to them, then by their parameters', () => {
    const tagsChanged = { type: 'field_changed', data: { field: 'tags', from: ['a'], to: ['a', 'vip'] } };
    expect(canTrigger(tagsChanged)).toBe(true);
    expect(canTrigger({ type: 'field_changed', data: { field: 'company', from: 'a', to: 'b' } })).toBe(false);
    expect(triggerMatches({ type: 'tag_added', tag: 'vip' }, tagsChanged)).toBe(true);
    expect(triggerMatches({ type: 'tag_added', tag: 'other' }, tagsChanged)).toBe(false);
    expect(triggerMatches({ type: 'lead_created' }, { type: 'imported', data: {} })).toBe(true);
    expect(triggerMatches({ type: 'score_crossed', threshold: 50 }, { type: 'score_changed', data: { from: 40, to: 50 } })).toBe(true);
    expect(triggerMatches({ type: 'score_crossed', threshold: 50 }, { type: 'score_changed', data: { from: 60, to: 40 } })).toBe(false);
    // A trigger whose module does not exist yet matches on the event type alone.
    expect(automationTriggerMatcher('email_opened')).toBeUndefined();
    expect(triggerMatches({ type: 'email_opened' }, { type: 'email_opened', data: {} })).toBe(true);
    expect(canTrigger({ type: 'page_visited', data: {} })).toBe(false);
  });
});

import { EMAIL_AUTOMATION_ACTIONS } from '../../../contracts/email.js';
import { businessNow } from '../../../platform/clock.js';
import { ActionFailure, registerAutomationAction } from '../../automations/index.js';
import { enrollLead } from './sequence-enrollments.service.js';
import { nudgeSequenceSteps } from './sequence.jobs.js';
import { getSequence } from './sequences.service.js';

// The automations' "enroll in a sequence" action. A lead already in the sequence, or whom the re-entry rule keeps
// out, is not an error: the run says so and goes on (an automation firing twice must not fail the second time).

registerAutomationAction({
  type: 'enroll_in_sequence',
  params: EMAIL_AUTOMATION_ACTIONS.enroll_in_sequence.params,
  run: async (ctx, params) => {
    const sequence = await getSequence(ctx.tenant, params.sequence_id).catch(() => {
      throw new ActionFailure('the sequence of this action no longer exists', 'sequence_not_found', {});
    });
    const outcome = await enrollLead(ctx.tenant, sequence, ctx.leadId, businessNow());
    if (outcome === 'sequence_draft') {
      throw new ActionFailure(`the sequence "${sequence.name}" has not been activated`, 'sequence_not_active', { sequence: sequence.name });
    }
    if (typeof outcome === 'string') return { detail: `${sequence.name} (${outcome})`, statusCode: null };
    await nudgeSequenceSteps(ctx.runtime);
    return { detail: sequence.name, statusCode: null };
  },
});

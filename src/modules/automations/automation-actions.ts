import type { TAutomationAction, TAutomationStep } from '../../contracts/crm-automations.js';
import { UNAVAILABLE_ACTION_MESSAGE } from '../../contracts/crm-automations.js';
import { AppError } from '../../platform/errors.js';
import { ActionFailure } from './automation-failure.js';
import { automationActionRunner, type TActionContext } from './automation-registry.js';
import './crm-steps.js';

// Runs an automation's actions on one lead, in order, each through the runner its module registered
// (automation-registry.ts); the run log gets each step's result, and a failure as a code with parameters.

export type { TActionContext } from './automation-registry.js';

/** Runs the actions in order; the first failure stops the run and the remaining actions are logged as skipped. */
export async function runActions(ctx: Omit<TActionContext, 'stepIndex'>, actions: TAutomationAction[]): Promise<TAutomationStep[]> {
  const steps: TAutomationStep[] = [];
  let failed = false;
  for (const [stepIndex, action] of actions.entries()) {
    const step = { type: action.type, detail: null, status_code: null, error: null, error_code: null, error_params: null };
    if (failed) {
      steps.push({ ...step, status: 'skipped' });
      continue;
    }
    try {
      const { detail, statusCode } = await runAction({ ...ctx, stepIndex }, action);
      steps.push({ ...step, status: 'succeeded', detail, status_code: statusCode });
    } catch (error) {
      failed = true;
      const failure = asFailure(error);
      steps.push({
        ...step,
        status: 'failed',
        status_code: failure.statusCode,
        error: failure.message,
        error_code: failure.code,
        error_params: failure.params,
      });
    }
  }
  return steps;
}

async function runAction(ctx: TActionContext, action: TAutomationAction) {
  const runner = automationActionRunner(action.type);
  // Refused when saving; only reachable through rows written before that rule, or a module removed since.
  if (!runner) throw new ActionFailure(UNAVAILABLE_ACTION_MESSAGE, 'action_unavailable', {});
  // Stored parameters may predate a change of their schema.
  const params = runner.params.safeParse(action.params);
  if (!params.success) throw new ActionFailure('the parameters of this action are no longer valid', 'invalid_params', {});
  return runner.run(ctx, params.data);
}

/** Any error of a step as a failure with a code: the services' AppErrors by what they mean, the rest as unexpected. */
function asFailure(error: unknown): ActionFailure {
  if (error instanceof ActionFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AppError) {
    if (error.code === 'not_found') return new ActionFailure(message, 'lead_not_found', {});
    if (error.errors?.some((e) => e.code === 'not_member' || /not a member/.test(e.message))) return new ActionFailure(message, 'not_member', {});
  }
  return new ActionFailure(message, 'unexpected', { detail: message });
}

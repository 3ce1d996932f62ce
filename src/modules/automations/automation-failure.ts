import type { TAutomationErrorCode } from '../../contracts/crm-automations.js';

/** A failed step (or run): its code and parameters (and a webhook's status code) go to the run log. */
export class ActionFailure extends Error {
  constructor(
    message: string,
    readonly code: TAutomationErrorCode,
    readonly params: Record<string, string | number>,
    readonly statusCode: number | null = null,
  ) {
    super(message);
  }
}

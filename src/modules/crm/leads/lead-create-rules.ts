import type { TLeadCreateBody } from '../../../contracts/crm.js';
import { AppError } from '../../../platform/errors.js';

const NAME_OR_EMAIL = 'give a first name, a last name, a company or an email';

/**
 * A new lead needs something to call it by: a first name, a last name, a company (a B2B lead is often
 * a company first) or an email. An empty "+ Ajouter" form used to create a lead named "—" nobody could
 * find again. A 400 names the first name and the email fields.
 */
export function assertLeadIsNamed(input: TLeadCreateBody): void {
  const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim() !== '';
  if (filled(input.first_name) || filled(input.last_name) || filled(input.company) || filled(input.email)) return;
  throw new AppError('bad_request', `A lead needs a name or an email: ${NAME_OR_EMAIL}`, {
    errors: [
      { path: 'body.first_name', message: NAME_OR_EMAIL },
      { path: 'body.email', message: NAME_OR_EMAIL },
    ],
  });
}

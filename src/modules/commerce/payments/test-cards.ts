import type { TTestCardBody } from '../../../contracts/commerce-payments.js';

// The built-in test provider's cards, as Stripe's test cards behave: 4242 4242 4242 4242 pays, 4000 0000 0000 0002
// is declined, 4000 0027 6000 3184 asks for 3-D Secure on every payment (on the buyer's page and off-session).
// Any future expiry and any 3- or 4-digit CVC; another number is declined as a real card would be in Stripe's
// test mode. Pure functions: `now` is passed in.

export const TEST_CARDS = { visa: '4242424242424242', declined: '4000000000000002', authentication: '4000002760003184' } as const;

/** What a saved test card does off-session; encoded in its payment method id (`tpm_<behaviour>_<random>`). */
export type TTestCardBehaviour = 'visa' | 'authentication';

/** The test payment page's card (contracts/commerce-payments.ts ZTestCardBody validates it). */
export type TTestCardInput = TTestCardBody;

export type TTestCardOutcome =
  | { result: 'succeeded'; behaviour: 'visa' }
  | { result: 'requires_action'; behaviour: 'authentication' }
  | { result: 'declined'; code: string; message: string };

/** The outcome of paying with this card at `now`, as Stripe's test mode answers it. */
export function testCardOutcome(card: TTestCardInput, now: Date): TTestCardOutcome {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) return declined('incorrect_number', 'The card number is incorrect.');
  if (!/^\d{3,4}$/.test(card.cvc.trim())) return declined('invalid_cvc', "The card's security code is invalid.");
  const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  if (!(card.exp_month >= 1 && card.exp_month <= 12)) return declined('invalid_expiry_month', "The card's expiration month is invalid.");
  // A card is valid through the last day of its expiry month.
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && card.exp_month < now.getUTCMonth() + 1)) {
    return declined('expired_card', 'The card has expired.');
  }
  if (number === TEST_CARDS.visa) return { result: 'succeeded', behaviour: 'visa' };
  if (number === TEST_CARDS.authentication) return { result: 'requires_action', behaviour: 'authentication' };
  if (number === TEST_CARDS.declined) return declined('card_declined', 'The card was declined.');
  return declined('card_declined', 'The card was declined: this is a test payment, use the test card 4242 4242 4242 4242.');
}

/** The behaviour of a saved test card from its payment method id, or undefined when it is not one. */
export function behaviourOf(paymentMethodId: string): TTestCardBehaviour | undefined {
  const match = /^tpm_(visa|authentication)_[A-Za-z0-9]+$/.exec(paymentMethodId);
  return match ? (match[1] as TTestCardBehaviour) : undefined;
}

function declined(code: string, message: string): TTestCardOutcome {
  return { result: 'declined', code, message };
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

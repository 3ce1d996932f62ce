import { AppError } from '../../../platform/errors.js';

// The orders' refusals, each with a reason the web app translates (errors.reasons.* in app.json).

/** The price does not exist in this workspace, is archived, belongs to an archived product, or is recurring where only one-time prices sell (bump, offers). */
export function priceUnavailable(): AppError {
  return new AppError('bad_request', 'This price cannot be sold: unknown, archived, or recurring', { reason: 'price_unavailable' });
}

/** Everything of one order is paid in one currency (the bump's or the offer's price is in another). */
export function currencyMismatch(): AppError {
  return new AppError('bad_request', 'All the prices of an order must be in the same currency', { reason: 'order_currency_mismatch' });
}

/** A one-click offer needs an order paid with a card kept for later (the order is not paid yet). */
export function orderNotPaid(): AppError {
  return new AppError('conflict', 'This order is not paid with a saved card yet', { reason: 'order_not_paid' });
}

/** Nothing left to refund (not paid, or refunded in full). */
export function orderNotRefundable(): AppError {
  return new AppError('conflict', 'This order has nothing left to refund', { reason: 'order_not_refundable' });
}

/** More than what is left to refund on the order. */
export function orderRefundTooLarge(remaining: number): AppError {
  return new AppError('bad_request', `At most ${remaining} cents are left to refund on this order`, { reason: 'refund_too_large', params: { remaining } });
}

/** Only an order of a recurring price has a subscription to cancel. */
export function orderNotSubscription(): AppError {
  return new AppError('conflict', 'This order has no subscription', { reason: 'order_not_subscription' });
}

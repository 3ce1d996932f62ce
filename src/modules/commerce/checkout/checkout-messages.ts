import type { TFunnelLanguage } from '../../../contracts/funnels.js';

// What the buyer reads when a payment does not go through, in the page's language: the provider's decline codes
// (Stripe's and the test provider's, which uses Stripe's) and the checkout's own refusals.

const MESSAGES: Record<string, Record<TFunnelLanguage, string>> = {
  card_declined: { fr: 'Votre carte a été refusée. Essayez une autre carte.', en: 'Your card was declined. Try another card.' },
  expired_card: { fr: 'Votre carte a expiré.', en: 'Your card has expired.' },
  incorrect_number: { fr: 'Le numéro de carte est incorrect.', en: 'The card number is incorrect.' },
  invalid_number: { fr: 'Le numéro de carte est incorrect.', en: 'The card number is incorrect.' },
  invalid_cvc: { fr: 'Le code de sécurité de la carte est incorrect.', en: "The card's security code is incorrect." },
  incorrect_cvc: { fr: 'Le code de sécurité de la carte est incorrect.', en: "The card's security code is incorrect." },
  invalid_expiry_month: { fr: 'Le mois d’expiration est incorrect.', en: 'The expiry month is incorrect.' },
  invalid_expiry_year: { fr: 'L’année d’expiration est incorrecte.', en: 'The expiry year is incorrect.' },
  insufficient_funds: { fr: 'Le solde de votre carte est insuffisant.', en: 'Your card has insufficient funds.' },
  payment_intent_authentication_failure: {
    fr: 'L’authentification 3-D Secure n’a pas abouti : rien n’a été débité.',
    en: 'The 3-D Secure authentication did not succeed: nothing was charged.',
  },
  authentication_required: { fr: 'Votre banque demande une authentification.', en: 'Your bank asks for authentication.' },
  no_order: {
    fr: 'Votre commande n’a pas été retrouvée sur ce navigateur : rien n’a été débité.',
    en: 'Your order was not found in this browser: nothing was charged.',
  },
  offer_unavailable: { fr: 'Cette offre n’est plus disponible.', en: 'This offer is no longer available.' },
  payments_not_configured: { fr: 'Les paiements ne sont pas encore ouverts sur cette page.', en: 'Payments are not open on this page yet.' },
  price_unavailable: { fr: 'Ce produit n’est plus en vente.', en: 'This product is no longer for sale.' },
  order_not_paid: { fr: 'Votre première commande n’est pas encore payée.', en: 'Your first order is not paid yet.' },
  payment_pending: { fr: 'Votre paiement est en cours de traitement.', en: 'Your payment is being processed.' },
};

const FALLBACK: Record<TFunnelLanguage, string> = {
  fr: 'Le paiement n’a pas abouti : rien n’a été débité. Réessayez ou utilisez une autre carte.',
  en: 'The payment did not go through: nothing was charged. Try again or use another card.',
};

export function checkoutMessage(code: string, language: TFunnelLanguage): string {
  return MESSAGES[code]?.[language] ?? FALLBACK[language];
}

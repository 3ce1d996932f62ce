// Public surface of the commerce module (issue 13): products and prices, payments, and later orders.
// Other modules import only this file.
export { productsRoutes } from './products/products.routes.js';
export { products, productPrices } from './products/products.tables.js';
export { seedProductsDemo } from './products/products.demo.js';
// Payments: one provider per workspace (Stripe, or the built-in test provider), called by checkout and orders.
export { paymentsRoutes } from './payments/payments.routes.js';
export { paymentProviderFor, testPaymentProviderFor, stripeWebhookUrl } from './payments/payment-providers.js';
export type * from './payments/payment-provider.js';
export { TestPaymentProvider } from './payments/test-provider.js';
export { TEST_CARDS } from './payments/test-cards.js';
export { testPayments } from './payments/test-payments.tables.js';
// Orders: started by the checkout, paid and fulfilled once, offers charged one click, refunds; Stripe's webhook.
export { ordersRoutes } from './orders/orders.routes.js';
export { orders, orderLines, orderRenewals, paymentEvents } from './orders/orders.tables.js';
export { startOrder, getOrder, listOrders, type TOrderRow, type TOrderLineRow, type TOrderWithLines } from './orders/orders.service.js';
export { confirmPaid, failPayment } from './orders/order-payments.js';
export { acceptOffer, type TOfferResult } from './orders/order-offers.js';
export { refundOrder } from './orders/order-refunds.js';
export { stripeWebhookRoutes } from './webhooks/stripe-webhook.js';
export { funnelSalesRoutes } from './stats/funnel-sales.routes.js';
// Checkout: what each funnel page sells, and the buyer's side of a payment on the public server.
export { pageOffersRoutes } from './checkout/page-offers.routes.js';
export { checkoutPublicRoutes } from './checkout/checkout.public-routes.js';
export { pageOffers } from './checkout/page-offers.tables.js';
export { seedCheckoutDemo } from './checkout/checkout.demo.js';
// Membership: member pages opened to a funnel's buyers (sign-in by e-mailed link, its own session on the public origin).
export { membershipPublicRoutes } from './membership/membership.public-routes.js';
export { membershipOnLeadEvents } from './membership/membership.service.js';
export { memberAccess } from './membership/member-access.tables.js';

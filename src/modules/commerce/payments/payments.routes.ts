import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPaymentsView, ZStripeCheck, ZStripeCheckBody } from '../../../contracts/commerce-payments.js';
import { AppError } from '../../../platform/errors.js';
import { tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { findCredential } from '../../credentials/index.js';
import { paymentsView } from './payment-providers.js';
import { checkStripeAccount } from './stripe-provider.js';

const tags = ['payments'];
// Keys and the account's state are the workspace admins' business, as the credentials they come from.
const admin = { role: 'admin' } as const;

/** Settings > Paiements: the provider in use and the Stripe connection check (keys are saved through /credentials/stripe). */
export function paymentsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/workspace/payments',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'The payment provider in use (Stripe, the built-in test provider, or none) and the Stripe webhook to set up',
        response: { 200: ZPaymentsView },
      },
    },
    async (req) => paymentsView(runtime, tenantOf(req, runtime)),
  );

  app.post(
    '/api/workspace/payments/stripe/check',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Calls Stripe (GET /v1/account) with the key sent, or the saved one, and describes the account',
        body: ZStripeCheckBody,
        response: { 200: ZStripeCheck },
      },
    },
    async (req) => {
      const secretKey = req.body.secret_key ?? (await findCredential(tenantOf(req, runtime), runtime.secrets, 'stripe'))?.secret_key;
      if (!secretKey) throw new AppError('conflict', 'No Stripe secret key: send one or save the keys first', { reason: 'stripe_keys_missing' });
      return checkStripeAccount(runtime.config, secretKey);
    },
  );
}

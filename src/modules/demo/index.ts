import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { randomToken } from '../../platform/auth/secrets.js';
import type { Runtime } from '../../platform/runtime.js';
import { signup, users } from '../accounts/index.js';
import { seedAdsDemo } from '../ads/index.js';
import { seedCheckoutDemo, seedProductsDemo } from '../commerce/index.js';
import { seedCrmDemo } from '../crm/index.js';
import { seedEmailDemo } from '../email/index.js';
import { seedFunnelDemo } from '../funnels/index.js';

export { demoRoutes } from './demo.routes.js';

export const DEMO_EMAIL = 'demo@example.com';

export type TDemoResult = { created: boolean; email: string; password?: string };

/**
 * On the first start of an empty install, creates a demo account and workspace so a newcomer
 * can look around at once. Modules add their own demo data here as they are built. `publicApp`, when this process
 * serves the public pages, lets the demo funnels be visited for real.
 */
export async function ensureDemoWorkspace(runtime: Runtime, publicApp?: FastifyInstance): Promise<TDemoResult> {
  const [row] = await runtime.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return { created: false, email: DEMO_EMAIL };
  // A random password rather than a well-known one: installs exposed to a network stay closed.
  const password = randomToken(12);
  // One transaction: a failed seed leaves an empty install that the next start seeds again.
  const { user, workspace } = await runtime.db.transaction(async (tx) => {
    const created = await signup(tx, {
      email: DEMO_EMAIL,
      password,
      name: 'Camille Martin',
      workspace_name: 'Atelier Démo',
      locale: 'fr',
    });
    await seedCrmDemo(tx, created.workspace.id, created.user.id);
    await seedProductsDemo(tx, created.workspace.id);
    return created;
  });
  // The campaigns go through the sending engine and the tracking service, which use their own connections (on
  // PGlite, the one connection a transaction would hold): after the commit. A failure leaves the CRM demo whole.
  try {
    await seedEmailDemo(runtime, workspace.id, user.id);
  } catch (error) {
    runtime.log.warn({ err: error }, 'demo campaigns could not be created');
  }
  // The funnels are visited through the public server (its routes, without the network), when it runs here.
  if (publicApp) {
    try {
      await seedFunnelDemo(runtime, workspace.id, user.id, publicApp);
    } catch (error) {
      runtime.log.warn({ err: error }, 'demo funnels could not be created');
    }
    // The product funnel's buyers: orders paid with the test provider, through the public server's checkout.
    try {
      await seedCheckoutDemo(runtime, workspace.id, publicApp);
    } catch (error) {
      runtime.log.warn({ err: error }, 'demo orders could not be created');
    }
  }
  // Ads: the demo export files through the report importer, and leads arriving through the campaigns' links.
  try {
    await seedAdsDemo(runtime, workspace.id, user.id);
  } catch (error) {
    runtime.log.warn({ err: error }, 'demo ad campaigns could not be created');
  }
  runtime.log.info({ email: DEMO_EMAIL }, 'demo workspace created');
  return { created: true, email: DEMO_EMAIL, password };
}

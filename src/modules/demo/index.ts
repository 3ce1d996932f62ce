import { sql } from 'drizzle-orm';
import { randomToken } from '../../platform/auth/secrets.js';
import type { Runtime } from '../../platform/runtime.js';
import { signup, users } from '../accounts/index.js';
import { seedCrmDemo } from '../crm/index.js';

export { demoRoutes } from './demo.routes.js';

export const DEMO_EMAIL = 'demo@example.com';

export type TDemoResult = { created: boolean; email: string; password?: string };

/**
 * On the first start of an empty install, creates a demo account and workspace so a newcomer
 * can look around at once. Modules add their own demo data here as they are built.
 */
export async function ensureDemoWorkspace(runtime: Runtime): Promise<TDemoResult> {
  const [row] = await runtime.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return { created: false, email: DEMO_EMAIL };
  // A random password rather than a well-known one: installs exposed to a network stay closed.
  const password = randomToken(12);
  // One transaction: a failed seed leaves an empty install that the next start seeds again.
  await runtime.db.transaction(async (tx) => {
    const { user, workspace } = await signup(tx, {
      email: DEMO_EMAIL,
      password,
      name: 'Camille Martin',
      workspace_name: 'Atelier Démo',
      locale: 'fr',
    });
    await seedCrmDemo(tx, workspace.id, user.id);
  });
  runtime.log.info({ email: DEMO_EMAIL }, 'demo workspace created');
  return { created: true, email: DEMO_EMAIL, password };
}

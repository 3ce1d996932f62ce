import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { TAuth } from '../../platform/auth/access.js';
import { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';
import { createFromTemplate } from './funnel-templates.service.js';
import { listPages } from './funnel-pages.service.js';
import { funnelEvents } from './funnels.tables.js';
import { publishFunnel } from './publishing/publish.service.js';
import { withWebinarReminderDemo } from '../email/index.js';
import { putWebinarSettings } from './webinar/webinar.service.js';

// The demo workspace's funnels: a lead magnet and a webinar made from the built-in templates and published, then
// visited through the public server itself (page views from a few dozen browsers and addresses, with UTM tags, some
// opting in), as people would. The events are then spread over the last two weeks so the charts show days.

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
];
const SOURCES = [
  '?utm_source=facebook&utm_medium=cpc&utm_campaign=guide-automne',
  '?utm_source=instagram&utm_medium=social',
  '?utm_source=newsletter&utm_medium=email',
  '',
];
const FIRST_NAMES = ['Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Jules', 'Manon', 'Nathan', 'Sarah', 'Tom', 'Zoé', 'Adam'];

/** Deterministic pseudo-random numbers: the demo is the same on every install. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedFunnelDemo(runtime: Runtime, workspaceId: string, userId: string, publicApp: FastifyInstance): Promise<void> {
  const tenant = new Tenant(runtime.db, workspaceId);
  const actor: TAuth = { via: 'session', user_id: userId, workspace_id: workspaceId, role: 'owner' };
  const rand = seeded(7);
  const plans = [
    { template: 'lead-magnet-fr', name: 'Guide gratuit : 10 clients en 30 jours', visitors: 48, optinRate: 0.35 },
    { template: 'webinar-fr', name: 'Webinar : lancer son offre en ligne', visitors: 30, optinRate: 0.4 },
    // Sold through its order form and offers by the commerce demo (products and purchases); here only its visitors.
    { template: 'product-fr', name: 'Formation : votre offre signature', visitors: 40, optinRate: 0 },
  ];
  for (const plan of plans) {
    const funnel = await createFromTemplate(tenant, actor, plan.template, plan.name);
    await publishFunnel(runtime, tenant, funnel.id);
    const pages = await listPages(tenant, funnel.id);
    const first = pages[0]!;
    const second = pages[1];
    const visits = async () => {
      for (let i = 0; i < plan.visitors; i++) {
        const headers = { 'user-agent': BROWSERS[i % BROWSERS.length]!, accept: 'text/html' };
        const remoteAddress = `198.51.100.${(i * 7 + plans.indexOf(plan) * 60) % 250}`;
        const url = `/${funnel.slug}/${first.slug}${SOURCES[Math.floor(rand() * SOURCES.length)]}`;
        await publicApp.inject({ method: 'GET', url, headers, remoteAddress });
        // A sales funnel's visitors watch the video, and half go on to the sales page.
        if (plan.optinRate === 0) {
          if (second && rand() < 0.5) await publicApp.inject({ method: 'GET', url: `/${funnel.slug}/${second.slug}`, headers, remoteAddress });
          continue;
        }
        if (rand() > plan.optinRate) continue;
        const name = FIRST_NAMES[i % FIRST_NAMES.length]!;
        const email = `${name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()}.${funnel.slug.slice(0, 8)}${i}@exemple.fr`;
        const query = new URLSearchParams(url.split('?')[1] ?? '');
        await publicApp.inject({
          method: 'POST',
          url: `/p/${first.id}/form/0`,
          headers: { ...headers, accept: 'application/json' },
          remoteAddress,
          payload: { email, first_name: name, consent: 'on', ...Object.fromEntries(query) },
        });
        if (second) await publicApp.inject({ method: 'GET', url: `/${funnel.slug}/${second.slug}`, headers, remoteAddress });
      }
    };
    if (funnel.funnel_type !== 'webinar') await visits();
    // The webinar: evergreen sessions (Tuesday, Thursday and Saturday at 19:00), its reminders by email, and
    // visitors who register for the next session (a form posted without a choice takes the next one).
    else {
      await withWebinarReminderDemo(runtime, tenant, actor, async (sequenceId) => {
        await putWebinarSettings(tenant, funnel.id, {
          mode: 'evergreen',
          sessions: [],
          schedule_days: [2, 4, 6],
          schedule_times: ['19:00'],
          timezone: null,
          min_delay_minutes: 15,
          slots_offered: 3,
          video_url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
          duration_minutes: 60,
          replay_hours: 48,
          reminder_sequence_id: sequenceId,
        });
        await visits();
      });
    }
  }
  await publicApp.flushFunnelEvents();
  // Spread over the last 14 days (today included), each visitor on one day, so the stats show a curve rather than one day.
  await runtime.db.execute(sql`
    UPDATE ${funnelEvents} SET occurred_at = occurred_at - (abs(hashtext(visitor_id)) % 14) * interval '1 day'
    WHERE workspace_id = ${workspaceId}::uuid`);
}

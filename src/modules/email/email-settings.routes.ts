import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import { ZEmailSettingsBody, ZEmailSettingsView } from '../../contracts/email-campaigns.js';
import { ZEmailDomain, ZEmailDomainBody, ZEmailDomainList, ZSmtpTestBody, ZSmtpTestResult } from '../../contracts/email-domains.js';
import { tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { addDomain, checkDomain, deleteDomain, domainWire, getDomain, listDomains } from './email-domains.service.js';
import { assertSenderAllowed } from './email-senders.js';
import { getEmailSettings, updateEmailSettings } from './email-settings.service.js';
import { campaignTransportChoice } from './email-transports.js';
import { trySmtp } from './email-smtp-test.js';

const tags = ['email settings'];
const admin = { role: 'admin' } as const;
const domainRoute = { table: 'email_domains' };

/** Settings > E-mails: throttle, UTM, default sender, sending domains with DKIM and DNS checks, the SMTP test. */
export function emailSettingsRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const view = async (tenant: ReturnType<typeof tenantOf>) => ({
    ...(await getEmailSettings(tenant.db, tenant.workspaceId)),
    delivery: (await campaignTransportChoice(runtime, tenant)).via,
    mailgun_webhook_url: `${runtime.config.publicUrl}/e/webhooks/mailgun/${tenant.workspaceId}`,
  });

  app.get(
    '/api/marketing/email-settings',
    {
      schema: {
        tags,
        summary: "The workspace's sending settings (throttle, UTM tags, default sender) and the server its campaign mail goes through",
        response: { 200: ZEmailSettingsView },
      },
    },
    async (req) => view(tenantOf(req, runtime)),
  );
  app.patch(
    '/api/marketing/email-settings',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Change the sending settings (null: no limit); a default from address must be on an allowed domain',
        body: ZEmailSettingsBody,
        response: { 200: ZEmailSettingsView },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      if (req.body.default_from_email) await assertSenderAllowed(runtime, tenant, req.body.default_from_email, 'body.default_from_email');
      await updateEmailSettings(tenant, req.body);
      return view(tenant);
    },
  );
  app.post(
    '/api/marketing/email-settings/smtp-test',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Sends one message through the workspace's SMTP server (its own, else the instance's) and says what the server answered",
        body: ZSmtpTestBody,
        response: { 200: ZSmtpTestResult },
      },
    },
    async (req) => trySmtp(runtime, tenantOf(req, runtime), req.body.to),
  );

  app.get(
    '/api/marketing/email-domains',
    { schema: { tags, summary: "The workspace's sending domains, with the DNS records to publish and the last check", response: { 200: ZEmailDomainList } } },
    async (req) => ({ items: (await listDomains(tenantOf(req, runtime))).map((row) => domainWire(runtime, row)) }),
  );
  app.post(
    '/api/marketing/email-domains',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Adds a sending domain: a DKIM key (RSA 2048) is generated; publish the records, then check them',
        body: ZEmailDomainBody,
        response: { 201: ZEmailDomain },
      },
    },
    async (req, reply) => reply.code(201).send(domainWire(runtime, await addDomain(runtime, tenantOf(req, runtime), req.body.domain))),
  );
  app.get(
    '/api/marketing/email-domains/:id',
    { config: { tenant: domainRoute }, schema: { tags, summary: 'One sending domain', params: ZIdParams, response: { 200: ZEmailDomain } } },
    async (req) => domainWire(runtime, await getDomain(tenantOf(req, runtime), req.params.id)),
  );
  app.post(
    '/api/marketing/email-domains/:id/check',
    {
      config: { access: admin, tenant: { ...domainRoute, sampleBody: {} } },
      schema: {
        tags,
        summary: 'Looks the DKIM, SPF and DMARC records up in DNS; the domain is verified once its DKIM key is found',
        params: ZIdParams,
        body: z.object({}).strict().optional(),
        response: { 200: ZEmailDomain },
      },
    },
    async (req) => domainWire(runtime, await checkDomain(runtime, tenantOf(req, runtime), req.params.id)),
  );
  app.delete(
    '/api/marketing/email-domains/:id',
    {
      config: { access: admin, tenant: domainRoute },
      schema: { tags, summary: 'Removes a sending domain and its key (409 while a campaign or the default sender uses it)', params: ZIdParams },
    },
    async (req, reply) => {
      await deleteDomain(tenantOf(req, runtime), req.params.id);
      return reply.code(204).send();
    },
  );
}

import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

/** Environment variables the product reads; every one is validated at boot. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  HOST: z.string().min(1).default('127.0.0.1'),
  APP_URL: z.url().optional(),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Marketing Platform <no-reply@localhost>'),
  /**
   * Seconds after which a campaign message claimed by a worker that never settled it (the worker died) is sent
   * again. Longer than the campaign pool's SMTP timeouts (45 s), so a slow message is never sent twice.
   */
  EMAIL_SEND_STALE_SECONDS: z.coerce.number().int().min(1).default(90),
  /**
   * Port of the inbound SMTP listener that receives bounce and complaint reports (npm start; 0 picks a free port,
   * `off` turns it off). Expose it as port 25 of BOUNCE_DOMAIN's MX host.
   */
  INBOUND_SMTP_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(2525),
  /** Domain of the envelope sender of campaign mail (bounces+<message>@BOUNCE_DOMAIN); default: PUBLIC_URL's host. */
  BOUNCE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
    .optional(),
  /**
   * DNS servers that check sending domains' records (comma-separated `ip` or `ip:port`); default: the machine's
   * resolvers.
   */
  DNS_SERVERS: z
    .string()
    .regex(/^[0-9a-f.:[\],\s]+$/i, 'must be IP addresses, with an optional port, separated by commas')
    .optional(),
  /**
   * The SPF mechanism that lets the instance's SMTP server send for a workspace's domain (`include:spf.brevo.com`,
   * `ip4:203.0.113.7`): the SPF record the product asks for must contain it. Unset: any SPF record is accepted.
   */
  SPF_INCLUDE: z
    .string()
    .regex(/^(include:|ip4:|ip6:|a:|mx:|a$|mx$)[^\s]*$/, 'must be one SPF mechanism such as include:spf.example.com')
    .optional(),
  SESSION_IDLE_DAYS: z.coerce.number().positive().default(7),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Attempts on one account from all addresses together (default: 10 × LOGIN_RATE_LIMIT_PER_MINUTE). */
  LOGIN_ACCOUNT_CEILING_PER_MINUTE: z.coerce.number().int().positive().optional(),
  /** Delay added to each login on an account tried from many addresses this minute (no captcha). */
  LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Who may create an account: anyone (open), only with an invitation (invite), nobody (closed). */
  SIGNUP: z.enum(['open', 'invite', 'closed']).default('open'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Requests per minute one IP address may make to the public server (pages, forms, tracking). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * Behind a reverse proxy: `true` (trust every hop), a number of hops, or comma-separated proxy addresses/CIDRs;
   * client IPs (rate limits, consent records) then come from X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be true, false, a number of hops or proxy addresses')
    .default('false'),
  /** PostgreSQL: longest statement of an HTTP request (platform/db/query-limits.ts). */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** PostgreSQL: longest statement outside requests (jobs, migrations). */
  JOB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  /** PGlite: largest planner cost of a query a user shapes (filters, segments) in one request. */
  QUERY_COST_LIMIT: z.coerce.number().positive().default(1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** Let automation webhooks call loopback and private-network addresses (default: only in tests). */
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z.enum(['true', 'false']).optional(),
  /** Mounts POST /api/test/clock (moves the sequences' clock on); for end-to-end tests, refused in production. */
  TEST_CLOCK: z.enum(['0', '1']).default('0'),
  /** Encrypts workspace credentials; required in production (see resolveAppSecret for the embedded default). */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  /** Comma-separated earlier APP_SECRETs, still able to decrypt during a key rotation. */
  APP_SECRET_PREVIOUS: z.string().optional(),
  /** Largest file a user may upload to the media library. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1_048_576),
  /** Store uploaded files in this S3-compatible bucket instead of the database. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /**
   * The built-in test payment provider for workspaces without Stripe keys: on by default outside production;
   * in production only with `on` (a funnel must never "sell" with a fake card by accident).
   */
  TEST_PAYMENTS: z.enum(['on', 'off']).optional(),
  /** Base URL of the Stripe API (tests point it at a local fake); unset: Stripe's own (https://api.stripe.com). */
  STRIPE_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
  // Ad networks (issue 14): the install's app credentials (README, "Connecting ad accounts"); a network without them
  // shows as "not configured". Base URLs default to the real APIs; tests point them at a local fake server.
  META_APP_ID: z.string().min(1).optional(),
  META_APP_SECRET: z.string().min(1).optional(),
  META_GRAPH_URL: httpUrl.default('https://graph.facebook.com/v21.0'),
  META_OAUTH_URL: httpUrl.default('https://www.facebook.com/v21.0/dialog/oauth'),
  GOOGLE_ADS_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_ADS_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ADS_DEVELOPER_TOKEN: z.string().min(1).optional(),
  /** A Google Ads manager account (digits) through which the customer accounts are reached, when there is one. */
  GOOGLE_ADS_LOGIN_CUSTOMER_ID: z
    .string()
    .regex(/^\d{10}$|^\d{3}-\d{3}-\d{4}$/, 'must be a Google Ads customer id (10 digits)')
    .optional(),
  GOOGLE_ADS_API_URL: httpUrl.default('https://googleads.googleapis.com/v18'),
  GOOGLE_OAUTH_URL: httpUrl.default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: httpUrl.default('https://oauth2.googleapis.com/token'),
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
  LINKEDIN_API_URL: httpUrl.default('https://api.linkedin.com/rest'),
  /** The `LinkedIn-Version` header (YYYYMM) of the versioned Marketing API. */
  LINKEDIN_API_VERSION: z
    .string()
    .regex(/^\d{6}$/, 'must be a LinkedIn API version such as 202501')
    .default('202501'),
  LINKEDIN_OAUTH_URL: httpUrl.default('https://www.linkedin.com/oauth/v2/authorization'),
  LINKEDIN_TOKEN_URL: httpUrl.default('https://www.linkedin.com/oauth/v2/accessToken'),
  // AI generation (issue 15): an OpenAI-compatible endpoint (OpenAI, Mistral, Ollama, LM Studio…). Without AI_BASE_URL
  // and AI_MODEL the built-in generator writes (no model); a workspace may set its own in its settings.
  AI_BASE_URL: httpUrl.optional(),
  AI_API_KEY: z.string().min(1).optional(),
  AI_MODEL: z.string().min(1).max(200).optional(),
  /** An image model of the same endpoint (`/images/generations`); unset: visuals are drawn on the server. */
  AI_IMAGE_MODEL: z.string().min(1).max(200).optional(),
  /** Seconds one model call may take before it is abandoned (and retried once). */
  AI_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(600).default(90),
  /** Prices in US dollars per million input and output tokens and per image, for the usage's cost; 0: free (local). */
  AI_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).max(1000).default(0),
  AI_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).max(1000).default(0),
  AI_PRICE_PER_IMAGE: z.coerce.number().min(0).max(100).default(0),
  /** A workspace's monthly caps: dollars (0: none) and tokens (0: none). */
  AI_MONTHLY_COST_CAP: z.coerce.number().min(0).max(1_000_000).default(50),
  AI_MONTHLY_TOKEN_CAP: z.coerce.number().int().min(0).default(5_000_000),
  /** Generations a member may start per hour, and a workspace per hour (all members). */
  AI_USER_GENERATIONS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  AI_WORKSPACE_GENERATIONS_PER_HOUR: z.coerce.number().int().min(1).default(100),
});

export type TConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  publicPort: number;
  host: string;
  appUrl: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  emailSendStaleSeconds: number;
  /** Undefined: no inbound listener. */
  inboundSmtpPort: number | undefined;
  bounceDomain: string;
  /** Empty: the machine's resolvers. */
  dnsServers: string[];
  spfInclude: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRateLimitPerMinute: number;
  loginAccountCeilingPerMinute: number;
  loginSlowdownMs: number;
  signup: 'open' | 'invite' | 'closed';
  bodyLimitBytes: number;
  publicRateLimitPerMinute: number;
  /** Fastify's trustProxy option. */
  trustProxy: boolean | number | string;
  statementTimeoutMs: number;
  jobStatementTimeoutMs: number;
  queryCostLimit: number;
  logLevel: string;
  demoData: boolean;
  webhookAllowPrivateAddresses: boolean;
  testClock: boolean;
  appSecret: string | undefined;
  appSecretPrevious: string[];
  fileMaxBytes: number;
  /** Set when files go to an S3-compatible bucket; undefined keeps them in the database. */
  s3: { bucket: string; region: string; endpoint?: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean } | undefined;
  /** The built-in test payment provider may run (for workspaces without Stripe keys). */
  testPayments: boolean;
  /** Where the Stripe client connects; undefined: api.stripe.com. */
  stripeApi: { host: string; port: number; protocol: 'http' | 'https' } | undefined;
  /** Ad networks' app credentials (undefined: not configured) and API addresses (modules/ads/connectors). */
  ads: TAdsEnv;
  /** AI generation (modules/ai): the installation's provider (undefined: the built-in generator), prices and caps. */
  ai: TAiEnv;
};

export type TAiEnv = {
  /** Set when AI_BASE_URL and AI_MODEL are; base URL without a trailing slash. */
  provider: { baseUrl: string; apiKey: string | undefined; model: string; imageModel: string | undefined } | undefined;
  timeoutMs: number;
  prices: { inputPerMTok: number; outputPerMTok: number; perImage: number };
  /** null: no cap. */
  monthlyCostCap: number | null;
  monthlyTokenCap: number | null;
  userGenerationsPerHour: number;
  workspaceGenerationsPerHour: number;
};

/** The ad networks' settings as read from the environment; base URLs without a trailing slash. */
export type TAdsEnv = {
  meta: { appId: string | undefined; appSecret: string | undefined; graphUrl: string; oauthUrl: string };
  google: {
    clientId: string | undefined;
    clientSecret: string | undefined;
    developerToken: string | undefined;
    /** Digits only. */
    loginCustomerId: string | undefined;
    apiUrl: string;
    oauthUrl: string;
    tokenUrl: string;
  };
  linkedin: { clientId: string | undefined; clientSecret: string | undefined; apiUrl: string; apiVersion: string; oauthUrl: string; tokenUrl: string };
};

export class ConfigError extends Error {}

const DAY_MS = 86_400_000;

/** Parses the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  // Empty strings mean "unset", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.TEST_CLOCK === '1') {
    throw new ConfigError('Invalid configuration:\n  TEST_CLOCK: end-to-end tests only, never in production');
  }
  if (e.NODE_ENV === 'production' && !e.APP_SECRET) {
    throw new ConfigError('Invalid configuration:\n  APP_SECRET: required in production (it encrypts workspace credentials)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    publicPort: e.PUBLIC_PORT,
    host: e.HOST,
    appUrl: stripSlash(e.APP_URL ?? `http://localhost:${e.PORT}`),
    publicUrl: stripSlash(e.PUBLIC_URL ?? `http://localhost:${e.PUBLIC_PORT}`),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    emailSendStaleSeconds: e.EMAIL_SEND_STALE_SECONDS,
    inboundSmtpPort: e.INBOUND_SMTP_PORT === 'off' ? undefined : e.INBOUND_SMTP_PORT,
    bounceDomain: (e.BOUNCE_DOMAIN ?? new URL(stripSlash(e.PUBLIC_URL ?? `http://localhost:${e.PUBLIC_PORT}`)).hostname).toLowerCase(),
    dnsServers: (e.DNS_SERVERS ?? '')
      .split(',')
      .map((server) => server.trim())
      .filter(Boolean),
    spfInclude: e.SPF_INCLUDE,
    sessionIdleMs: e.SESSION_IDLE_DAYS * DAY_MS,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * DAY_MS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginAccountCeilingPerMinute: e.LOGIN_ACCOUNT_CEILING_PER_MINUTE ?? e.LOGIN_RATE_LIMIT_PER_MINUTE * 10,
    loginSlowdownMs: e.LOGIN_SLOWDOWN_MS,
    signup: e.SIGNUP,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    jobStatementTimeoutMs: e.JOB_STATEMENT_TIMEOUT_MS,
    queryCostLimit: e.QUERY_COST_LIMIT,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA === 'true',
    webhookAllowPrivateAddresses: (e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ?? (e.NODE_ENV === 'test' ? 'true' : 'false')) === 'true',
    testClock: e.TEST_CLOCK === '1',
    appSecret: e.APP_SECRET,
    appSecretPrevious: (e.APP_SECRET_PREVIOUS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    fileMaxBytes: e.FILE_MAX_BYTES,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
        }
      : undefined,
    testPayments: e.TEST_PAYMENTS ? e.TEST_PAYMENTS === 'on' : e.NODE_ENV !== 'production',
    stripeApi: e.STRIPE_API_URL ? stripeApiOf(e.STRIPE_API_URL) : undefined,
    ads: {
      meta: { appId: e.META_APP_ID, appSecret: e.META_APP_SECRET, graphUrl: stripSlash(e.META_GRAPH_URL), oauthUrl: e.META_OAUTH_URL },
      google: {
        clientId: e.GOOGLE_ADS_CLIENT_ID,
        clientSecret: e.GOOGLE_ADS_CLIENT_SECRET,
        developerToken: e.GOOGLE_ADS_DEVELOPER_TOKEN,
        loginCustomerId: e.GOOGLE_ADS_LOGIN_CUSTOMER_ID?.replaceAll('-', ''),
        apiUrl: stripSlash(e.GOOGLE_ADS_API_URL),
        oauthUrl: e.GOOGLE_OAUTH_URL,
        tokenUrl: e.GOOGLE_TOKEN_URL,
      },
      linkedin: {
        clientId: e.LINKEDIN_CLIENT_ID,
        clientSecret: e.LINKEDIN_CLIENT_SECRET,
        apiUrl: stripSlash(e.LINKEDIN_API_URL),
        apiVersion: e.LINKEDIN_API_VERSION,
        oauthUrl: e.LINKEDIN_OAUTH_URL,
        tokenUrl: e.LINKEDIN_TOKEN_URL,
      },
    },
    ai: {
      provider:
        e.AI_BASE_URL && e.AI_MODEL ? { baseUrl: stripSlash(e.AI_BASE_URL), apiKey: e.AI_API_KEY, model: e.AI_MODEL, imageModel: e.AI_IMAGE_MODEL } : undefined,
      timeoutMs: e.AI_TIMEOUT_SECONDS * 1000,
      prices: { inputPerMTok: e.AI_PRICE_INPUT_PER_MTOK, outputPerMTok: e.AI_PRICE_OUTPUT_PER_MTOK, perImage: e.AI_PRICE_PER_IMAGE },
      monthlyCostCap: e.AI_MONTHLY_COST_CAP > 0 ? e.AI_MONTHLY_COST_CAP : null,
      monthlyTokenCap: e.AI_MONTHLY_TOKEN_CAP > 0 ? e.AI_MONTHLY_TOKEN_CAP : null,
      userGenerationsPerHour: e.AI_USER_GENERATIONS_PER_HOUR,
      workspaceGenerationsPerHour: e.AI_WORKSPACE_GENERATIONS_PER_HOUR,
    },
  };
}

function stripeApiOf(url: string): NonNullable<TConfig['stripeApi']> {
  const parsed = new URL(url);
  const protocol = parsed.protocol === 'http:' ? 'http' : 'https';
  return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : protocol === 'http' ? 80 : 443, protocol };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Deployment mistakes worth a warning at boot (not an error: a single-host trial must still start).
 * Cookies ignore ports, so an admin app and a public server on one host name are one site for the
 * browser: published pages would be same-site with the admin app.
 */
export function configWarnings(config: Pick<TConfig, 'env' | 'appUrl' | 'publicUrl'>): string[] {
  const warnings: string[] = [];
  if (config.env === 'production' && new URL(config.appUrl).hostname === new URL(config.publicUrl).hostname) {
    warnings.push(
      `APP_URL and PUBLIC_URL share the host name ${new URL(config.appUrl).hostname}: serve the public server on another host name ` +
        '(e.g. APP_URL=https://app.example.com, PUBLIC_URL=https://pages.example.com) so published pages are never same-site with the admin app (SECURITY.md)',
    );
  }
  return warnings;
}

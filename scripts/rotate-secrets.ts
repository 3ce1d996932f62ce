// `npm run secrets:rotate`: after APP_SECRET changed (the old value moved to APP_SECRET_PREVIOUS), re-encrypts
// every workspace credential, webhook signing secret (workspace webhooks, automations) and ad connection's tokens with the new key. Safe to run twice.
import { createRuntime } from '../src/boot.js';
import { rotateCredentials } from '../src/modules/credentials/index.js';
import { rotateWebhookSecrets } from '../src/modules/webhooks/index.js';
import { rotateAutomationWebhookSecrets } from '../src/modules/automations/index.js';
import { rotateAdConnectionTokens } from '../src/modules/ads/index.js';
import { loadConfig } from '../src/platform/config.js';

const config = loadConfig();
const runtime = await createRuntime(config, { supervise: false });
try {
  const credentials = await rotateCredentials(runtime.db, runtime.secrets);
  const webhooks = await rotateWebhookSecrets(runtime.db, runtime.secrets);
  const automations = await rotateAutomationWebhookSecrets(runtime.db, runtime.secrets);
  const adConnections = await rotateAdConnectionTokens(runtime.db, runtime.secrets);
  runtime.log.info(
    { credentials, webhooks, automations, adConnections, key: runtime.secrets.currentKeyId },
    'secrets re-encrypted with the current APP_SECRET',
  );
  if (credentials.unreadable + webhooks.unreadable + automations.unreadable + adConnections.unreadable > 0) {
    runtime.log.error('some values open with no configured key: put the secret that wrote them in APP_SECRET_PREVIOUS and run again');
    process.exitCode = 1;
  }
} finally {
  await runtime.queue.stop();
  runtime.mailer.close();
  await runtime.database.close();
}

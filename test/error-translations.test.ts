import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_DELIVERY_ERROR_CODES } from '../src/contracts/webhooks.js';

// The server's errors say why in codes (AppError reasons, field error codes); the web app translates them
// (errors.reasons.* and validation.codes.* of src/web/i18n/<lang>/app.json). This reads the server's sources,
// so a new reason or code without its French and English sentence fails here.

type TAppMessages = { errors: { reasons: Record<string, string> }; validation: { codes: Record<string, string> } };
const messages = (lang: 'fr' | 'en') => JSON.parse(readFileSync(`src/web/i18n/${lang}/app.json`, 'utf8')) as TAppMessages;

describe('error translations', () => {
  it('has a French and an English sentence for every reason and field code the server sends', () => {
    const sources = execSync(`grep -rlE "new AppError|message: '" src/platform src/modules --include=*.ts --exclude=*.test.ts`, { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const reasons = new Set([...sources.matchAll(/new AppError\([^;]*?reason: '([a-z_]+)'/g)].map(([, name]) => name!));
    const codes = new Set([...sources.matchAll(/message: '[^']*', code: '([a-z_]+)'/g)].map(([, name]) => name!));
    expect(reasons.size).toBeGreaterThan(20);
    expect(codes.size).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      const { errors, validation } = messages(lang);
      for (const name of reasons) if (!errors.reasons[name]) missing.push(`${lang}: errors.reasons.${name}`);
      for (const name of codes) if (!validation.codes[name]) missing.push(`${lang}: validation.codes.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a French and an English sentence for every webhook delivery error code', () => {
    const missing: string[] = [];
    for (const lang of ['fr', 'en'] as const) {
      const settings = JSON.parse(readFileSync(`src/web/i18n/${lang}/settings.json`, 'utf8')) as {
        settings: { webhooks: { deliveries: { errors?: Record<string, string> } } };
      };
      const sentences = settings.settings.webhooks.deliveries.errors ?? {};
      for (const code of WEBHOOK_DELIVERY_ERROR_CODES) if (!sentences[code]) missing.push(`${lang}: settings.webhooks.deliveries.errors.${code}`);
    }
    expect(missing).toEqual([]);
  });
});

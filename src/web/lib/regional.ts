// Time zones and currencies the browser knows, for the workspace settings and the sign-up defaults.

/** Every IANA time zone of the browser (`Europe/Paris`…). */
export function timeZoneOptions(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

/** Every ISO 4217 currency with its name in `locale` ("EUR — euro"), the usual ones first. */
export function currencyOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const usual = ['EUR', 'CHF', 'CAD', 'USD', 'GBP', 'XOF', 'MAD', 'TND', 'DZD'];
  const all = Intl.supportedValuesOf('currency');
  const ordered = [...usual.filter((c) => all.includes(c)), ...all.filter((c) => !usual.includes(c))];
  return ordered.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}

/** The browser's time zone, when it has one. */
export function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** Currencies of the regions our users write from; others start in euros and change it in settings. */
const CURRENCY_OF_REGION: Record<string, string> = {
  FR: 'EUR',
  BE: 'EUR',
  LU: 'EUR',
  MC: 'EUR',
  DE: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  PT: 'EUR',
  IE: 'EUR',
  AT: 'EUR',
  CH: 'CHF',
  CA: 'CAD',
  US: 'USD',
  GB: 'GBP',
  SN: 'XOF',
  CI: 'XOF',
  ML: 'XOF',
  BF: 'XOF',
  BJ: 'XOF',
  TG: 'XOF',
  NE: 'XOF',
  CM: 'XAF',
  GA: 'XAF',
  CG: 'XAF',
  MA: 'MAD',
  TN: 'TND',
  DZ: 'DZD',
};

/** The currency of the browser's region (fr-CH → CHF), when we know it. */
export function browserCurrency(): string | undefined {
  for (const language of navigator.languages ?? [navigator.language]) {
    const region = new Intl.Locale(language).maximize().region;
    if (region && CURRENCY_OF_REGION[region]) return CURRENCY_OF_REGION[region];
  }
  return undefined;
}

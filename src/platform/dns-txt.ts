import { Resolver } from 'node:dns/promises';

// TXT lookups for checking a sending domain's records. A resolver per check (its servers come from DNS_SERVERS,
// or the machine's), with a short timeout: a check answers within seconds even when a server does not.

export type TTxtLookup = {
  /** Each record's strings joined (DNS splits long values, such as a DKIM key, into 255-byte strings). */
  records: string[];
  /** Why DNS gave no answer (a timeout, a refusal); null when it answered, even that the name has no TXT. */
  error: string | null;
};

/** Codes meaning "this name has no TXT record": an answer, not a failure. */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export async function lookupTxt(name: string, servers: string[]): Promise<TTxtLookup> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers.length > 0) resolver.setServers(servers);
  try {
    const answers = await resolver.resolveTxt(name);
    return { records: answers.map((strings) => strings.join('')), error: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
    return NO_RECORD.has(code) ? { records: [], error: null } : { records: [], error: code };
  }
}

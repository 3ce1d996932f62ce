import type { SendMailOptions } from 'nodemailer';
import DKIM from 'nodemailer/lib/dkim/index.js';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { leadContext } from './email-merge-fields.js';
import { renderMessage, type TCampaignContent, type TCompiledCampaign, type TLinkTracker, type TRenderedMessage } from './email-render.js';
import type { TSender } from './email-senders.js';

// One campaign message from its recipient to the bytes written on the SMTP connection: Liquid, tracked links,
// nodemailer's MIME composition and the DKIM signature. Plain data in, a Buffer out; the only database work is the
// link ids, asked of the caller. (Composing on worker threads was measured and dropped: on two cores shared with
// PostgreSQL it sent fewer messages per second and took 100 MB more; ARCHITECTURE.md, "The send path".)

/** What composing a campaign's messages needs, prepared once per sender slice. */
export type TComposeSetup = {
  content: TCampaignContent;
  campaignId: string;
  workspace: { name: string; legal_name: string; postal_address: string };
  sender: TSender;
  listId: string;
  /**
   * nodemailer's transfer encoding of the bodies and headers, chosen once per campaign by nodemailer's own rule
   * (quoted-printable for mostly Latin text, else base64): left to nodemailer, it counts every letter of every
   * message again (a match array of each letter: a fifth of a message's sending cost).
   */
  textEncoding: 'quoted-printable' | 'base64';
};

/** A message's signed URLs and addresses (email-tracking-urls.ts), computed once per message. */
export type TMessageAddresses = {
  urls: { open: string; unsubscribe: string; /** The click URL of a link: this prefix, then the link's id. */ clickPrefix: string };
  bounce: string;
  unsubscribeMailto: string;
};

export type TComposeMessage = {
  id: string;
  email: string;
  lead: Record<string, unknown>;
  /** Extra merge fields of this message (a webinar's `webinar.*`); never replaces lead, workspace or campaign. */
  mergeData?: Record<string, unknown> | null;
  addresses: TMessageAddresses;
};

/** nodemailer's message options, with the one its types leave out (MailComposer reads it). */
export type TMail = SendMailOptions & { baseBoundary: string };

/** nodemailer's rule (mime-node `_getTextEncoding`): more Latin letters than other characters is quoted-printable. */
export function textEncodingOf(template: string): 'quoted-printable' | 'base64' {
  const latin = template.match(/[a-z]/gi)?.length ?? 0;
  // eslint-disable-next-line no-control-regex -- control characters are what this counts
  const other = template.match(/[\x00-\x08\x0B\x0C\x0E-\x1F\u0080-\uFFFF]/g)?.length ?? 0;
  return other < latin ? 'quoted-printable' : 'base64';
}

/**
 * One recipient's message: Liquid with the lead's fields, tracked links, the open pixel. `linkIds` gives the id of
 * each destination (absent: not tracked, left as written).
 */
export function renderFor(
  setup: TComposeSetup,
  compiled: TCompiledCampaign,
  message: Pick<TComposeMessage, 'lead' | 'addresses' | 'mergeData'>,
  linkIds: (destinations: string[]) => Promise<Map<string, string>>,
): Promise<TRenderedMessage> {
  const { urls } = message.addresses;
  const trackLinks: TLinkTracker = async (destinations) => {
    const ids = await linkIds(destinations.filter((url) => url !== urls.unsubscribe));
    return new Map([...ids].map(([url, linkId]) => [url, `${urls.clickPrefix}${linkId}`]));
  };
  return renderMessage(
    compiled,
    {
      ...message.mergeData,
      ...leadContext(message.lead),
      workspace: setup.workspace,
      campaign: { name: setup.content.name },
      unsubscribe_url: urls.unsubscribe,
    },
    { openPixelUrl: urls.open, trackLinks },
  );
}

/** What nodemailer is given for one message: its envelope, headers and bodies. */
export function mailOf(setup: TComposeSetup, message: Pick<TComposeMessage, 'id' | 'email' | 'addresses'>, rendered: TRenderedMessage): TMail {
  const { addresses } = message;
  return {
    from: setup.sender.from,
    replyTo: setup.sender.replyTo,
    to: message.email,
    // VERP: bounce reports come back to an address naming this message (the inbound listener reads them).
    envelope: { from: addresses.bounce, to: message.email },
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    textEncoding: setup.textEncoding,
    // Stable per message: a copy resent after a crash carries the same Message-ID.
    messageId: `<${message.id}@${setup.sender.domain}>`,
    // The MIME boundaries' unique part, from the message id (nodemailer draws random bytes for each part otherwise,
    // a system call each: measured a tenth of a message's cost on this machine).
    baseBoundary: message.id.replace(/-/g, ''),
    headers: {
      // One List-Unsubscribe (RFC 2369; nodemailer's `list` would write one header per address): the one-click URL,
      // with the POST of RFC 8058 beside it, and a mailto for mail clients that only write (the inbound listener
      // unsubscribes on it). Folded between the two; both are ASCII. List-Id (RFC 2919) as is (nodemailer would
      // turn it into a URL).
      'List-Unsubscribe': { prepared: true, value: `<${addresses.urls.unsubscribe}>,\r\n <${addresses.unsubscribeMailto}>` },
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': { prepared: true, value: setup.listId },
      'X-Campaign-Id': setup.campaignId,
    },
  };
}

/** nodemailer's default list (RFC 6376 §5.4) and List-Unsubscribe-Post, which RFC 8058 requires signed. */
const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

/**
 * The message as written on the connection: composed in memory (nodemailer streams a composed message in many
 * small socket writes, a third of its cost) and, from a workspace's own domain, signed with its key, the list
 * headers included (RFC 8058 asks for it).
 */
export async function composeRaw(mail: TMail, dkim: TSender['dkim']): Promise<Buffer> {
  const raw = await new MailComposer(mail).compile().build();
  if (!dkim) return raw;
  const signed = new DKIM({ ...dkim, headerFieldNames: DKIM_SIGNED_HEADERS }).sign(raw);
  const chunks: Buffer[] = [];
  for await (const chunk of signed) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

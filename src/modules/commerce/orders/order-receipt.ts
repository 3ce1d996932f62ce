import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { sendMail } from '../../../platform/mail/mail.jobs.js';
import type { Runtime } from '../../../platform/runtime.js';
import { funnels } from '../../funnels/index.js';
import { workspaces } from '../../workspaces/index.js';
import type { TOrderLineRow, TOrderRow } from './orders.service.js';
import { escapeHtml } from '../../../platform/http/escape-html.js';

// The buyer's receipt: what was paid now (the order, or one accepted offer), with the seller's legal name and postal
// address (the workspace's, as on its marketing mail). Queued in the fulfilment's transaction: one receipt per
// payment, none for a rolled-back one.

type TLanguage = 'fr' | 'en';

/** Queues the receipt of `lines` (just paid) of this order, through the platform outbox in the caller's transaction. */
export async function sendReceipt(runtime: Pick<Runtime, 'mailer' | 'queue'>, db: Db, order: TOrderRow, lines: TOrderLineRow[]): Promise<void> {
  const [workspace] = await db
    .select({ name: workspaces.name, legal_name: workspaces.legal_name, postal_address: workspaces.postal_address })
    .from(workspaces)
    .where(eq(workspaces.id, order.workspace_id));
  const [funnel] = order.funnel_id
    ? await db
        .select({ language: funnels.language })
        .from(funnels)
        .where(and(eq(funnels.workspace_id, order.workspace_id), eq(funnels.id, order.funnel_id)))
    : [];
  const language: TLanguage = funnel?.language === 'en' ? 'en' : 'fr';
  const mail = receiptMail({
    language,
    order,
    lines,
    seller: workspace?.legal_name || workspace?.name || '',
    address: workspace?.postal_address ?? '',
  });
  await sendMail(runtime, { workspaceId: order.workspace_id, category: 'order_receipt', to: order.buyer_email, ...mail }, { db });
}

/** The receipt's subject, text and HTML (pure: tested through the outbox). */
export function receiptMail(input: { language: TLanguage; order: TOrderRow; lines: TOrderLineRow[]; seller: string; address: string }) {
  const { language, order, lines } = input;
  const fr = language === 'fr';
  const money = (cents: number) => new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB', { style: 'currency', currency: order.currency }).format(cents / 100);
  const total = lines.reduce((sum, line) => sum + line.amount_cents, 0);
  const tax = lines.reduce((sum, line) => sum + line.tax_cents, 0);
  const date = new Intl.DateTimeFormat(fr ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
  const subject = fr ? `Votre reçu – commande n° ${order.number}` : `Your receipt – order #${order.number}`;
  const hello = fr ? `Bonjour${order.buyer_name ? ` ${order.buyer_name}` : ''},` : `Hello${order.buyer_name ? ` ${order.buyer_name}` : ''},`;
  const intro = fr ? `Merci pour votre achat du ${date}. Voici votre reçu :` : `Thank you for your purchase on ${date}. Here is your receipt:`;
  const rows = lines.map((line) => `${line.description} : ${money(line.amount_cents)}`);
  const totals = [`${fr ? 'Total payé' : 'Total paid'} : ${money(total)}`, ...(tax > 0 ? [`${fr ? 'dont TVA' : 'including VAT'} : ${money(tax)}`] : [])];
  const footer = [input.seller, input.address].filter(Boolean).join(' – ');
  const text = [hello, '', intro, ...rows, '', ...totals, '', `${fr ? 'Commande' : 'Order'} ${order.number}`, footer].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a">
<p>${escapeHtml(hello)}</p><p>${escapeHtml(intro)}</p>
<table style="width:100%;border-collapse:collapse">${lines
    .map(
      (line) =>
        `<tr><td style="padding:4px 0">${escapeHtml(line.description)}</td><td style="text-align:right">${escapeHtml(money(line.amount_cents))}</td></tr>`,
    )
    .join('')}</table>
${totals.map((row) => `<p style="margin:4px 0"><strong>${escapeHtml(row)}</strong></p>`).join('')}
<p style="font-size:13px;color:#4a4a4a">${escapeHtml(`${fr ? 'Commande' : 'Order'} ${order.number}`)}<br>${escapeHtml(footer)}</p></body></html>`;
  return { subject, text, html };
}

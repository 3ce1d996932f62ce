// What the demo's emails (campaigns and sequences) are made of.

/** A person's mail client (machines are recognized by their user agent and left out of the rates). */
export const PERSON = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

const FOOTER = `<p style="font-size:12px;color:#555">{{ workspace.legal_name }} · {{ workspace.postal_address }}<br>
<a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

export function body(title: string, paragraphs: string[], links: [string, string][]): string {
  return `<div style="font-family:Arial,sans-serif;max-width:600px;margin:auto;color:#1f2328">
<h1 style="font-size:22px">${title}</h1>
<p>Bonjour {{ lead.first_name | default: "à vous" }},</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${links.map(([href, label]) => `<p><a href="${href}" style="background:#1c5fb8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${label}</a></p>`).join('\n')}
${FOOTER}</div>`;
}

// Escaping for the HTML the public server writes itself (page heads, the form error page): text and double-quoted
// attribute values. The builder's own markup is never escaped here: it is parsed and serialized (render-page.ts).

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

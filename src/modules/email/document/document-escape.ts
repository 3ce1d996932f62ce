// Escaping for the MJML we write, Liquid-aware: a Liquid tag (`{{ … }}`, `{% … %}`) is copied as written so the
// renderer still reads it after MJML (which copies attribute values and mj-text content as they are).

const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/;

/** Text between tags: `&`, `<` and `>` escaped outside Liquid tags. */
export function escapeText(value: string): string {
  return value
    .split(LIQUID)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/**
 * An attribute value written between double quotes. Outside Liquid, `"` becomes `&quot;`; inside, `"` becomes `'`
 * (Liquid takes either quote, and `&quot;` would reach the renderer as is and break the tag).
 */
export function escapeAttribute(value: string): string {
  return value
    .split(LIQUID)
    .map((part, i) => (i % 2 === 1 ? part.replace(/"/g, "'") : escapeText(part).replace(/"/g, '&quot;')))
    .join('');
}

import DOMPurify from 'dompurify';

// A text block's HTML as the editor shows it. The server stores only an allow-list of tags (text-html.ts), but a
// Liquid tag is kept as written, and entities inside one decode to markup (`{{ '&lt;img onerror=…&gt;' }}`): what
// another member's browser draws goes through DOMPurify first, with the same allow-list.

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'u', 'a', 'ul', 'ol', 'li', 'h1', 'h2', 'h3'];

export function safeTextHtml(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'target'], ALLOW_DATA_ATTR: false });
}

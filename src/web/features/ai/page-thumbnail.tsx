import { Box } from '@mantine/core';

/** Pages are drawn at desktop width then scaled into the card: a picture of the page, not something to use. */
const PAGE_WIDTH = 1280;
const PAGE_HEIGHT = 900;
const SCALE = 0.2;

/** A builder page (body markup and its CSS) as a document for a frame. */
export function pageDocument(html: string, css: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${html}</body></html>`;
}

/**
 * A generated page's first screen, scaled down. The frame is sandboxed with no permission (nothing in it runs,
 * it cannot navigate) and hidden from assistive technology and the keyboard: the page's name and title say the same.
 */
export function PageThumbnail({ html, css }: { html: string; css: string }) {
  return (
    <Box
      aria-hidden
      style={{
        width: PAGE_WIDTH * SCALE,
        height: PAGE_HEIGHT * SCALE,
        flexShrink: 0,
        overflow: 'hidden',
        borderRadius: 'var(--mantine-radius-sm)',
        border: '1px solid var(--mantine-color-default-border)',
        background: '#fff',
      }}
    >
      <iframe
        srcDoc={pageDocument(html, css)}
        title=""
        sandbox=""
        loading="lazy"
        tabIndex={-1}
        style={{ width: PAGE_WIDTH, height: PAGE_HEIGHT, border: 0, transform: `scale(${SCALE})`, transformOrigin: 'top left', pointerEvents: 'none' }}
      />
    </Box>
  );
}

import { MAX_CAMPAIGN_HTML } from '../../../contracts/email-campaigns.js';
import type { TEmailDocument } from '../../../contracts/email-document.js';
import { AppError } from '../../../platform/errors.js';
import { documentToMjml } from './document-mjml.js';
import { sanitizeTextHtml } from './text-html.js';

// The block editor's document compiled to the campaign's HTML, on the server, by the `mjml` package: the HTML the
// preview, the test send and every message then render with Liquid (email-render.ts). Liquid tags pass through MJML
// unchanged (document-escape.ts).

/** The document as stored: each text block's HTML reduced to the allowed tags (the web app shows it as HTML). */
export function normalizeDocument(doc: TEmailDocument): TEmailDocument {
  return {
    ...doc,
    sections: doc.sections.map((section) => ({
      ...section,
      columns: section.columns.map((column) => ({
        ...column,
        blocks: column.blocks.map((block) => (block.type === 'text' ? { ...block, html: sanitizeTextHtml(block.html) } : block)),
      })),
    })),
  };
}

/**
 * Loads MJML ahead, in a process that serves the API: loading it takes about 0.6 s of the event loop, which the
 * first save of a block campaign would otherwise wait for (a worker process never loads it).
 */
export async function preloadDocumentCompiler(): Promise<void> {
  await import('mjml');
}

/** Responsive HTML of a document; a document MJML cannot compile, or too large a result, is a 400 on `editor_document`. */
export async function compileDocument(doc: TEmailDocument): Promise<string> {
  let html: string;
  try {
    // Loaded at the first compilation: MJML and what it brings take 56 MB, which a worker process (it never
    // compiles a document) does not carry.
    const { default: mjml2html } = await import('mjml');
    // MJML's warnings (soft validation) do not stop the compilation; only an exception does.
    ({ html } = await mjml2html(documentToMjml(doc), { validationLevel: 'soft', keepComments: false, fonts: {} }));
  } catch (error) {
    throw invalidDocument(`the document does not compile: ${(error as Error).message}`);
  }
  if (html.length > MAX_CAMPAIGN_HTML) throw invalidDocument('the compiled HTML is larger than 512 KB: split the content into several campaigns');
  return html;
}

function invalidDocument(detail: string): AppError {
  return new AppError('bad_request', `Invalid editor document: ${detail}`, {
    errors: [{ path: 'body.editor_document', message: 'the block document does not compile', code: 'email_document', params: { detail } }],
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../../test/harness.js';
import { starterDocument, type TEmailBlockOf, type TEmailDocument } from '../../../contracts/email-document.js';
import { compileDocument, normalizeDocument } from './document-compile.js';
import { documentToMjml } from './document-mjml.js';
import { sanitizeTextHtml } from './text-html.js';

// The block editor's document: compiled to responsive HTML by MJML on the server, Liquid surviving it, text
// blocks reduced to the allowed tags, a bad document a 400 naming the field, and the campaign's HTML, preview and
// copy following the document.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BASE = '/api/marketing/email-campaigns';
const GREETING = '{{ lead.first_name | default: "ami" }}';

/** Two sections: a text, an image, a button with Liquid in its link and label, a divider; two columns; social and footer. */
function sampleDocument(): TEmailDocument {
  return {
    version: 1,
    settings: { background_color: '#f4f5f7', width: 600, font_family: 'georgia', text_color: '#1f2328', link_color: '#1c5fb8' },
    sections: [
      {
        id: 's1',
        background_color: '#ffffff',
        padding: 24,
        columns: [
          {
            id: 'c1',
            blocks: [
              {
                id: 'b1',
                type: 'text',
                html: `<h1>Les nouveautés</h1><p>Bonjour ${GREETING} &amp; bienvenue, <a href="https://exemple.fr/a?x=1&y=2">lire</a></p>`,
              },
              { id: 'b2', type: 'image', src: 'https://exemple.fr/photo.png', alt: 'Une "photo"', href: '', width: 300, align: 'center' },
              {
                id: 'b3',
                type: 'button',
                label: `Je réserve, ${GREETING}`,
                href: 'https://exemple.fr/reserver?lead={{ lead.id }}&ref="x"',
                background_color: '#1c5fb8',
                text_color: '#ffffff',
                align: 'center',
              },
              { id: 'b4', type: 'divider', color: '#dddddd', thickness: 2 },
              { id: 'b5', type: 'spacer', height: 24 },
            ],
          },
        ],
      },
      {
        id: 's2',
        background_color: '#eeeeee',
        padding: 16,
        columns: [
          { id: 'c2', blocks: [{ id: 'b6', type: 'text', html: '<p>Colonne de gauche</p>' }] },
          {
            id: 'c3',
            blocks: [
              {
                id: 'b7',
                type: 'social',
                align: 'center',
                links: [
                  { network: 'facebook', href: 'https://facebook.com/atelier' },
                  { network: 'tiktok', href: 'https://tiktok.com/@atelier' },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 's3',
        background_color: '#f4f5f7',
        padding: 16,
        columns: [
          {
            id: 'c4',
            blocks: [{ id: 'b8', type: 'footer', text: '{{ workspace.legal_name }}\n{{ workspace.postal_address }}', unsubscribe_label: 'Se désinscrire' }],
          },
        ],
      },
    ],
  };
}

describe('block document to HTML', () => {
  it('compiles every block to responsive HTML, Liquid unchanged in texts, labels and links', async () => {
    const html = await compileDocument(sampleDocument());
    expect(html).toContain('<h1 style="margin:0 0 12px;font-size:28px;line-height:1.25">Les nouveautés</h1>');
    expect(html).toContain(`Bonjour ${GREETING} &amp; bienvenue`);
    expect(html).toContain('href="https://exemple.fr/a?x=1&amp;y=2" target="_blank" style="color:#1c5fb8"');
    expect(html).toMatch(/<img[^>]*alt="Une &quot;photo&quot;"[^>]*src="https:\/\/exemple.fr\/photo.png"/);
    // The button: Liquid kept in its link (double quotes inside a tag become single ones) and in its label.
    expect(html).toContain(`href="https://exemple.fr/reserver?lead={{ lead.id }}&amp;ref=&quot;x&quot;"`);
    expect(html).toContain(`Je réserve, ${GREETING}`);
    expect(html).toContain('background:#1c5fb8');
    expect(html).toMatch(/border-top:solid 2px #dddddd/);
    expect(html).toContain('href="https://facebook.com/atelier"');
    expect(html).not.toContain('sharer.php');
    expect(html).toContain('{{ workspace.legal_name }}<br>{{ workspace.postal_address }}<br><a href="{{ unsubscribe_url }}"');
    expect(html).toContain('Georgia');
    // Two columns side by side on a desktop, stacked on a phone: MJML's media query.
    expect(html).toMatch(/@media only screen and \(min-width:480px\)\s*\{[\s\S]*?\.mj-column-per-50 \{ width:50% !important/);
    expect(html).toContain('max-width:600px');
  });

  it('writes Liquid in an attribute with single quotes, so the renderer still reads it', () => {
    const doc = sampleDocument();
    doc.sections[0]!.columns[0]!.blocks[2] = {
      ...(doc.sections[0]!.columns[0]!.blocks[2] as TEmailBlockOf<'button'>),
      href: `https://exemple.fr/?n=${GREETING}`,
    };
    expect(documentToMjml(doc)).toContain(`href="https://exemple.fr/?n={{ lead.first_name | default: 'ami' }}"`);
  });

  it('keeps only the allowed tags and links of a text block', () => {
    const dirty =
      '<div onclick="x()">Un <b>gras</b> <i>italique</i> <span style="color:red">rouge</span></div>' +
      '<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>' +
      '<a href="javascript:alert(1)">piège</a> <a href="javascript:{{ x }}">piège 2</a> <a href="{{ unsubscribe_url }}" onmouseover="x">ok</a>' +
      '<ul><li>un</li></ul><h2>Titre</h2><!-- note -->';
    expect(sanitizeTextHtml(dirty)).toBe(
      '<p>Un <strong>gras</strong> <em>italique</em> rouge</p>piège piège 2 <a href="{{ unsubscribe_url }}" target="_blank">ok</a><ul><li>un</li></ul><h2>Titre</h2>',
    );
    expect(sanitizeTextHtml('a < b &amp; c > d')).toBe('a &lt; b &amp; c &gt; d');
  });
});

describe('campaigns written in the block editor', () => {
  const campaign = { name: 'Blocs', subject: 'Bonjour', preheader: '' };

  it('compiles the document into html_content at create and at every change, and previews it for a lead', async () => {
    const ws = await signUp(t.app);
    const doc = sampleDocument();
    const res = await ws.client.post(BASE, { ...campaign, html_content: '<p>ignoré</p>', editor_document: doc });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.html_content).toContain('Les nouveautés');
    expect(created.html_content).not.toContain('ignoré');
    expect(created.editor_document).toEqual(normalizeDocument(doc));

    // A change of the document changes the HTML; html_content alone cannot drift from the document.
    doc.sections[0]!.columns[0]!.blocks[0] = { id: 'b1', type: 'text', html: '<p>Nouveau texte <script>x</script></p>' };
    const changed = (await ws.client.patch(`${BASE}/${created.id}`, { editor_document: doc })).json();
    expect(changed.html_content).toContain('Nouveau texte');
    expect(changed.html_content).not.toContain('Les nouveautés');
    expect(changed.editor_document.sections[0].columns[0].blocks[0].html).toBe('<p>Nouveau texte </p>');
    const drift = (await ws.client.patch(`${BASE}/${created.id}`, { html_content: '<p>à la main</p>' })).json();
    expect(drift.html_content).toContain('Nouveau texte');

    // The preview renders the compiled HTML for the chosen lead.
    const lead = await ws.client.post('/api/marketing/leads', { first_name: 'Ada', email: `ada-blocs-${Date.now()}@exemple.fr` });
    expect(lead.statusCode, lead.body).toBe(201);
    const preview = (await ws.client.post(`${BASE}/${created.id}/preview`, { lead_id: lead.json().id })).json();
    expect(preview.html).toContain('Je réserve, Ada');
    expect(preview.html).toMatch(/href="https:\/\/exemple.fr\/reserver\?lead=[0-9a-f-]{36}&amp;ref=&quot;x&quot;"/);
    expect(preview.html).toContain('/e/u/preview');
    expect(preview.text).toContain('Nouveau texte');

    // The copy keeps the document and its HTML.
    const copy = (await ws.client.post(`${BASE}/${created.id}/duplicate`, {})).json();
    expect(copy.editor_document).toEqual(changed.editor_document);
    expect(copy.html_content).toBe(changed.html_content);
  });

  it('switches to raw HTML with editor_document null, and back to blocks', async () => {
    const ws = await signUp(t.app);
    const created = (await ws.client.post(BASE, { ...campaign, editor_document: sampleDocument() })).json();
    const raw = (await ws.client.patch(`${BASE}/${created.id}`, { editor_document: null, html_content: '<p>Écrit à la main</p>' })).json();
    expect(raw).toMatchObject({ editor_document: null, html_content: '<p>Écrit à la main</p>' });
    const starter = starterDocument({
      headingHtml: '<h1>Titre</h1>',
      bodyHtml: '<p>Texte</p>',
      buttonLabel: 'Bouton',
      buttonHref: 'https://exemple.fr',
      unsubscribeLabel: 'Se désinscrire',
    });
    const blocks = (await ws.client.patch(`${BASE}/${created.id}`, { editor_document: starter })).json();
    expect(blocks.html_content).toContain('Bouton');
    expect(blocks.html_content).toContain('{{ unsubscribe_url }}');
  });

  it('refuses a bad document with a 400 naming the field', async () => {
    const ws = await signUp(t.app);
    const doc = sampleDocument();
    doc.sections[0]!.columns[0]!.blocks[2] = { ...(doc.sections[0]!.columns[0]!.blocks[2] as TEmailBlockOf<'button'>), href: 'javascript:alert(1)' };
    const res = await ws.client.post(BASE, { ...campaign, editor_document: doc });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.editor_document.sections.0.columns.0.blocks.2.href', code: 'href' })]);

    const unknown = await ws.client.post(BASE, { ...campaign, editor_document: { ...sampleDocument(), sections: [{ id: 'x', columns: [] }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toContain('body.editor_document.sections.0.background_color');

    // More blocks than a document holds (MJML compiles on the request's thread): refused before compiling.
    const huge = sampleDocument();
    huge.sections = Array.from({ length: 8 }, (_, s) => ({
      id: `s${s}`,
      background_color: '#ffffff',
      padding: 8,
      columns: Array.from({ length: 4 }, (_, c) => ({
        id: `c${s}${c}`,
        blocks: Array.from({ length: 10 }, (_, b) => ({ id: `b${s}${c}${b}`, type: 'spacer' as const, height: 8 })),
      })),
    }));
    const tooBig = await ws.client.post(BASE, { ...campaign, editor_document: huge });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors).toEqual([
      expect.objectContaining({ path: 'body.editor_document.sections', message: expect.stringContaining('at most 300 blocks') }),
    ]);

    // Liquid that does not parse is caught on the compiled HTML, as for hand-written HTML.
    const broken = sampleDocument();
    broken.sections[0]!.columns[0]!.blocks[0] = { id: 'b1', type: 'text', html: '<p>Bonjour {{ lead.first_name </p>' };
    const liquid = await ws.client.post(BASE, { ...campaign, editor_document: broken });
    expect(liquid.statusCode).toBe(400);
    expect(liquid.json().errors[0]).toMatchObject({ path: 'body.html_content', code: 'liquid_syntax' });
  });
});

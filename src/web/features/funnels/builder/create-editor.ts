import grapesjs, { type AssetsCustomData, type Editor, type EditorConfig } from 'grapesjs';
import grapesFr from 'grapesjs/locale/fr.mjs';
import type { TFunnelLanguage, TFunnelPage } from '../../../../contracts/funnels.js';
import type { TBlockTexts } from './blocks/block-types.js';
import { registerBlocks } from './blocks/index.js';
import { canvasCss } from './canvas-css.js';
import { registerComponentTypes } from './components/index.js';
import { projectDataOf, splitCss } from './page-content.js';
import { sanitizeHtml, sanitizeProjectData } from './sanitize.js';

export type TPanelElements = {
  canvas: HTMLElement;
  blocks: HTMLElement;
  layers: HTMLElement;
  selectors: HTMLElement;
  styles: HTMLElement;
  traits: HTMLElement;
};

export const DEVICES = ['desktop', 'tablet', 'phone'] as const;
export type TDevice = (typeof DEVICES)[number];

type TOptions = {
  page: TFunnelPage;
  language: TFunnelLanguage;
  /** The interface's language (GrapesJS's own panels follow it). */
  uiLanguage: 'fr' | 'en';
  texts: TBlockTexts;
  elements: TPanelElements;
  /** Opens and closes the media library when GrapesJS asks for a picture (an image block, a background). */
  assets: { open: (request: AssetsCustomData) => void; close: () => void };
};

/**
 * The page's content as GrapesJS loads it: the saved builder document (cleaned), or, for a page written as HTML only
 * (a template, an import), its HTML and CSS (cleaned), which GrapesJS parses into components and rules.
 */
function initialContent(page: TFunnelPage): Pick<EditorConfig, 'projectData' | 'components' | 'style'> {
  if (page.builder_document) return { projectData: sanitizeProjectData(projectDataOf(page.builder_document), sanitizeHtml) };
  return { components: sanitizeHtml(page.html_content), style: splitCss(page.css_content).builder };
}

/**
 * A GrapesJS editor for one page, its panels rendered into the builder's own elements. Its storage is off (the
 * builder saves through the API), scripts stay out of the canvas (allowScripts off, unsafe attributes off, every
 * HTML cleaned first: sanitize.ts), and nothing is fetched from elsewhere (no icon font, no telemetry).
 */
export function createBuilderEditor({ page, language, uiLanguage, texts, elements, assets }: TOptions): Editor {
  const editor = grapesjs.init({
    container: elements.canvas,
    height: '100%',
    width: 'auto',
    ...initialContent(page),
    storageManager: false,
    noticeOnUnload: false,
    telemetry: false,
    cssIcons: '',
    showDevices: false,
    panels: { defaults: [] },
    undoManager: { trackSelection: false },
    deviceManager: {
      default: 'desktop',
      devices: [
        { id: 'desktop', name: texts.ui('funnelBuilder.devices.desktop'), width: '' },
        { id: 'tablet', name: texts.ui('funnelBuilder.devices.tablet'), width: '768px', widthMedia: '992px' },
        { id: 'phone', name: texts.ui('funnelBuilder.devices.phone'), width: '375px', widthMedia: '480px' },
      ],
    },
    blockManager: { appendTo: elements.blocks },
    layerManager: { appendTo: elements.layers },
    // Not `appendTo`: GrapesJS 0.23.6 loads its selector manager twice, and both would draw their class list there.
    selectorManager: { componentFirst: true },
    styleManager: { appendTo: elements.styles },
    traitManager: { appendTo: elements.traits },
    // The media library is ours (asset-library.tsx): GrapesJS only says when to open it.
    assetManager: { custom: { open: assets.open, close: assets.close }, upload: false, embedAsBase64: false },
    parser: {
      optionsHtml: { allowScripts: false, allowUnsafeAttr: false, allowUnsafeAttrValue: false, preParser: (html: string) => sanitizeHtml(html) },
    },
    canvasCss: canvasCss(texts.ui),
    i18n: { locale: uiLanguage, detectLocale: false, localeFallback: 'en', messages: { fr: grapesFr } },
    plugins: [(instance: Editor) => registerComponentTypes(instance, texts), (instance: Editor) => registerBlocks(instance, texts, language)],
  });
  elements.selectors.appendChild(editor.Selectors.render([]));
  return editor;
}

/**
 * The user's custom CSS, drawn in the canvas by a style element of its own (it is not part of GrapesJS's rules),
 * after GrapesJS's rules as on the public page, where it comes last.
 */
export function showCustomCss(editor: Editor, css: string): void {
  const doc = editor.Canvas.getDocument();
  if (!doc?.body) return;
  let style = doc.getElementById('mk-custom-css');
  if (!style) {
    style = doc.createElement('style');
    style.id = 'mk-custom-css';
  }
  doc.body.appendChild(style);
  style.textContent = css;
}

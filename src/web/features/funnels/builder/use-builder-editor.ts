import { useQueryClient } from '@tanstack/react-query';
import type { AssetsCustomData, Editor } from 'grapesjs';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunnel, TFunnelPage } from '../../../../contracts/funnels.js';
import { currentLanguage } from '../../../app/i18n.js';
import { pageKey } from './builder-api.js';
import { createBuilderEditor, showCustomCss, type TPanelElements } from './create-editor.js';
import { composeCss, CUSTOM_CSS_KEY, type TPageContent } from './page-content.js';
import { PageSaver } from './page-saver.js';

/** The page's own code, edited in the Code window: kept outside GrapesJS (page-content.ts says why). */
export type TCustomCode = { css: string; js: string };

type TOptions = {
  funnel: TFunnel;
  page: TFunnelPage;
  canEdit: boolean;
  elements: RefObject<TPanelElements | null>;
  code: RefObject<TCustomCode>;
};

/** Everything the builder saves, read from the editor and the custom code now. */
function collect(editor: Editor, code: TCustomCode): TPageContent {
  return {
    builder_document: { ...editor.getProjectData(), [CUSTOM_CSS_KEY]: code.css },
    html_content: editor.getHtml(),
    css_content: composeCss(editor.getCss() ?? '', code.css),
    js_content: code.js,
  };
}

/**
 * The GrapesJS editor of a page, for the builder's lifetime: created once its panels' elements exist, the autosave
 * started once the page is loaded (nothing counts as a change before), Ctrl/Cmd+S bound (inside the canvas too), and
 * on closing the last changes sent before the editor goes. Also the media library requests GrapesJS makes.
 */
export function useBuilderEditor({ funnel, page, canEdit, elements, code }: TOptions) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [editor, setEditor] = useState<Editor | null>(null);
  const [saver, setSaver] = useState<PageSaver | null>(null);
  const [assetRequest, setAssetRequest] = useState<AssetsCustomData | null>(null);
  // Read when the editor is created, never a reason to create it again.
  const setup = useRef({ funnel, page, canEdit });

  useEffect(() => {
    const els = elements.current;
    if (!els) return;
    const { funnel: f, page: p, canEdit: editable } = setup.current;
    const uiLanguage = currentLanguage();
    const texts = { ui: i18n.getFixedT(uiLanguage), page: i18n.getFixedT(f.language) };
    const instance = createBuilderEditor({
      page: p,
      language: f.language,
      uiLanguage,
      texts,
      elements: els,
      assets: { open: (data) => setAssetRequest(data), close: () => setAssetRequest(null) },
    });
    let pageSaver: PageSaver | null = null;
    instance.on('load', () => {
      showCustomCss(instance, code.current.css);
      if (editable) {
        pageSaver = new PageSaver({
          funnelId: f.id,
          pageId: p.id,
          collect: () => collect(instance, code.current),
          onSaved: (saved) => queryClient.setQueryData(pageKey(f.id, saved.id), saved),
        });
        const current = pageSaver;
        instance.on('update', () => current.changed());
        instance.Keymaps.add('mk:save', '⌘+s, ctrl+s', () => void current.save(), { prevent: true });
      }
      setEditor(instance);
      setSaver(pageSaver);
    });
    return () => {
      pageSaver?.leave();
      instance.destroy();
      setEditor(null);
      setSaver(null);
      setAssetRequest(null);
    };
  }, [elements, code, i18n, queryClient]);

  return { editor, saver, assetRequest };
}

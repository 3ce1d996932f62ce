import { Box, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Editor } from 'grapesjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunnelLanguage } from '../../../../contracts/funnels.js';
import { AiRewriteItems, useAiRewrite } from '../../email/editor/ai-rewrite-menu.js';
import type { TRewriteChoice } from '../../email/editor/ai-rewrite-text.js';
import { addAiRewriteAction, type TRteSelection } from './ai-rewrite-action.js';

const WORKING_ID = 'builder-ai-rewrite';

/**
 * The page builder's "IA" menu: GrapesJS's text toolbar gets an "IA" button (ai-rewrite-action.ts) and this menu opens
 * under it, on the text selected in the canvas. The page's language is the one assumed for a text too short to tell.
 */
export function BuilderAiRewrite({ editor, language }: { editor: Editor | null; language: TFunnelLanguage }) {
  const { t } = useTranslation();
  const { run } = useAiRewrite();
  const [selection, setSelection] = useState<TRteSelection | null>(null);
  const label = t('funnelBuilder.ai.button');

  useEffect(() => (editor ? addAiRewriteAction(editor, { label, onOpen: setSelection }) : undefined), [editor, label]);

  const choose = async (choice: TRewriteChoice) => {
    const current = selection;
    setSelection(null);
    if (!current) return;
    // The toolbar is GrapesJS's: the wait is shown as a notification rather than on its button.
    notifications.show({ id: WORKING_ID, loading: true, autoClose: false, withCloseButton: false, message: t('emailEditor.ai.working') });
    const answer = await run(current.text, choice, language);
    notifications.hide(WORKING_ID);
    if (answer !== null && !current.replace(answer)) notifications.show({ color: 'orange', message: t('emailEditor.ai.selectionLost') });
  };

  const anchor = selection?.anchor;
  return (
    <Menu opened={selection !== null} onChange={(opened) => !opened && setSelection(null)} position="bottom-start" withinPortal shadow="md" width={240}>
      <Menu.Target>
        {/* An invisible box over GrapesJS's "IA" button, for the menu to open under it. */}
        <Box
          aria-hidden
          style={{
            position: 'fixed',
            left: anchor?.left ?? 0,
            top: anchor?.top ?? 0,
            width: anchor?.width ?? 0,
            height: anchor?.height ?? 0,
            pointerEvents: 'none',
          }}
        />
      </Menu.Target>
      {/* GrapesJS ends the text's editing on any mousedown in the page outside its toolbar: not in this menu. */}
      <Menu.Dropdown onMouseDown={(event) => event.stopPropagation()}>
        {selection && selection.text.trim() !== '' ? (
          <AiRewriteItems onChoose={(choice) => void choose(choice)} />
        ) : (
          <Menu.Label>{t('emailEditor.ai.selectFirst')}</Menu.Label>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

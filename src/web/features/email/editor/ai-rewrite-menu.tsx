import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsMaximize, IconArrowsMinimize, IconLanguage, IconMoodSmile, IconPencil, IconSparkles } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAiLanguage } from '../../../../contracts/ai.js';
import { currentLanguage } from '../../../app/i18n.js';
import { notifyError } from '../../../lib/errors.js';
import { rewriteText } from '../../settings/ai/ai-api.js';
import { useToneOptions } from '../../ai/tone-options.js';
import { MAX_REWRITE_LENGTH, rangeStillIn, replaceRangeWithText, rewriteRequest, type TRewriteChoice } from './ai-rewrite-text.js';

/**
 * The choices of the editors' "IA" menu (email editor and page builder): rewrite, shorten, lengthen, change the tone
 * (a sub-menu of tones), translate to English or French.
 */
export function AiRewriteItems({ onChoose }: { onChoose: (choice: TRewriteChoice) => void }) {
  const { t } = useTranslation();
  const tones = useToneOptions();
  return (
    <>
      <Menu.Label>{t('emailEditor.ai.title')}</Menu.Label>
      <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onChoose({ action: 'rewrite' })}>
        {t('emailEditor.ai.rewrite')}
      </Menu.Item>
      <Menu.Item leftSection={<IconArrowsMinimize size={16} aria-hidden />} onClick={() => onChoose({ action: 'shorten' })}>
        {t('emailEditor.ai.shorten')}
      </Menu.Item>
      <Menu.Item leftSection={<IconArrowsMaximize size={16} aria-hidden />} onClick={() => onChoose({ action: 'lengthen' })}>
        {t('emailEditor.ai.lengthen')}
      </Menu.Item>
      <Menu.Sub>
        <Menu.Sub.Target>
          <Menu.Sub.Item leftSection={<IconMoodSmile size={16} aria-hidden />}>{t('emailEditor.ai.changeTone')}</Menu.Sub.Item>
        </Menu.Sub.Target>
        <Menu.Sub.Dropdown>
          {tones.map((tone) => (
            <Menu.Item key={tone.value} onClick={() => onChoose({ action: 'change_tone', tone: tone.value })}>
              {tone.label}
            </Menu.Item>
          ))}
        </Menu.Sub.Dropdown>
      </Menu.Sub>
      <Menu.Divider />
      <Menu.Item leftSection={<IconLanguage size={16} aria-hidden />} onClick={() => onChoose({ action: 'translate', to: 'en' })}>
        {t('emailEditor.ai.toEnglish')}
      </Menu.Item>
      <Menu.Item leftSection={<IconLanguage size={16} aria-hidden />} onClick={() => onChoose({ action: 'translate', to: 'fr' })}>
        {t('emailEditor.ai.toFrench')}
      </Menu.Item>
    </>
  );
}

/**
 * Asks the API for a rewrite of a selected text: the answer's text, or null after showing why not (nothing selected,
 * too long, refused: a translation needs a model, a cap reached…) as the app's notifications.
 */
export function useAiRewrite() {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: rewriteText });
  const run = async (text: string, choice: TRewriteChoice, fallback: TAiLanguage): Promise<string | null> => {
    if (text.trim() === '') {
      notifications.show({ color: 'orange', message: t('emailEditor.ai.selectFirst') });
      return null;
    }
    if (text.length > MAX_REWRITE_LENGTH) {
      notifications.show({ color: 'orange', message: t('emailEditor.ai.tooLong', { max: MAX_REWRITE_LENGTH }) });
      return null;
    }
    try {
      const answer = await mutation.mutateAsync(rewriteRequest(text, choice, fallback));
      return answer.text.trim() || null;
    } catch (error) {
      notifyError(error, t);
      return null;
    }
  };
  return { run, pending: mutation.isPending };
}

/**
 * The email editor's "IA" button, in a text block's toolbar: the selection is remembered when the button is pressed
 * (the menu takes the focus), rewritten by the API, and replaced by the answer as plain text; `onReplaced` then
 * reports the block's new content.
 */
export function AiRewriteMenu({ area, onReplaced }: { area: RefObject<HTMLDivElement | null>; onReplaced: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useAiRewrite();
  const selected = useRef<Range | null>(null);
  const [hasSelection, setHasSelection] = useState(false);

  const remember = () => {
    const current = window.getSelection();
    const range = current && current.rangeCount > 0 ? current.getRangeAt(0) : null;
    const inside = range !== null && area.current !== null && !range.collapsed && rangeStillIn(area.current, range);
    selected.current = inside ? range.cloneRange() : null;
    setHasSelection(inside && range.toString().trim() !== '');
  };
  const choose = async (choice: TRewriteChoice) => {
    const range = selected.current;
    const text = range?.toString() ?? '';
    const answer = await run(text, choice, currentLanguage());
    if (answer === null || !range) return;
    const el = area.current;
    // The block was changed or left while waiting: the answer has nowhere safe to go.
    if (!el || !rangeStillIn(el, range)) {
      notifications.show({ color: 'orange', message: t('emailEditor.ai.selectionLost') });
      return;
    }
    replaceRangeWithText(el, range, answer);
    selected.current = null;
    onReplaced();
  };

  return (
    <Menu position="bottom-start" withinPortal shadow="md" width={240}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="violet"
          size="compact-sm"
          leftSection={<IconSparkles size={14} aria-hidden />}
          loading={pending}
          aria-label={t('emailEditor.ai.menu')}
          onMouseDown={(event) => {
            // Keeps the text selected in the block while the menu opens.
            event.preventDefault();
            remember();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') remember();
          }}
        >
          {t('emailEditor.ai.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {hasSelection ? <AiRewriteItems onChoose={(choice) => void choose(choice)} /> : <Menu.Label>{t('emailEditor.ai.selectFirst')}</Menu.Label>}
      </Menu.Dropdown>
    </Menu>
  );
}

import { ActionIcon, Button, Group, Input, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import {
  IconBold,
  IconH1,
  IconH2,
  IconItalic,
  IconLink,
  IconLinkOff,
  IconList,
  IconListNumbers,
  IconPilcrow,
  IconUnderline,
  type Icon,
} from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedHref } from '../../../../contracts/email-document.js';
import { AiRewriteMenu } from './ai-rewrite-menu.js';
import classes from './email-editor.module.css';
import { safeTextHtml } from './safe-html.js';

type Props = { label: string; description?: string; value: string; onChange: (html: string) => void };

/**
 * A text block's words with a few formats (bold, italic, underline, two heading levels, lists, links): an editable
 * area and the browser's own editing commands. Paste brings plain text only; the server keeps the same allow-list
 * (modules/email/document/text-html.ts) whatever reaches it.
 */
export function RichTextField({ label, description, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLDivElement>(null);
  const emitted = useRef<string | null>(null);
  const selection = useRef<Range | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('https://');

  // The area is left alone while one types; a value from elsewhere (undo, another block) replaces its content.
  useEffect(() => {
    if (area.current && value !== emitted.current) {
      area.current.innerHTML = safeTextHtml(value);
      emitted.current = value;
    }
  }, [value]);

  const emit = () => {
    const html = area.current?.innerHTML ?? '';
    emitted.current = html;
    onChange(html);
  };
  const command = (name: string, argument?: string) => {
    area.current?.focus();
    restoreSelection();
    document.execCommand(name, false, argument);
    emit();
  };
  const rememberSelection = () => {
    const current = window.getSelection();
    if (current && current.rangeCount > 0 && area.current?.contains(current.anchorNode)) selection.current = current.getRangeAt(0).cloneRange();
  };
  const restoreSelection = () => {
    const current = window.getSelection();
    if (selection.current && current) {
      current.removeAllRanges();
      current.addRange(selection.current);
    }
  };
  const tools: [Icon, string, () => void][] = [
    [IconBold, t('emailEditor.fields.bold'), () => command('bold')],
    [IconItalic, t('emailEditor.fields.italic'), () => command('italic')],
    [IconUnderline, t('emailEditor.fields.underline'), () => command('underline')],
    [IconH1, t('emailEditor.fields.heading1'), () => command('formatBlock', 'h1')],
    [IconH2, t('emailEditor.fields.heading2'), () => command('formatBlock', 'h2')],
    [IconPilcrow, t('emailEditor.fields.paragraph'), () => command('formatBlock', 'p')],
    [IconList, t('emailEditor.fields.bulletList'), () => command('insertUnorderedList')],
    [IconListNumbers, t('emailEditor.fields.numberedList'), () => command('insertOrderedList')],
    [IconLinkOff, t('emailEditor.fields.unlink'), () => command('unlink')],
  ];
  const hrefOk = isAllowedHref(href);

  return (
    <Input.Wrapper label={label} description={description} id={id}>
      <Stack gap={4} mt={4}>
        <Group gap={2} role="toolbar" aria-label={label}>
          {tools.map(([ToolIcon, name, run]) => (
            <Tooltip key={name} label={name} openDelay={400}>
              <ActionIcon variant="subtle" color="gray" size="md" aria-label={name} onMouseDown={(event) => event.preventDefault()} onClick={run}>
                <ToolIcon size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ))}
          <Popover opened={linkOpen} onChange={setLinkOpen} position="bottom" withArrow trapFocus>
            <Popover.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="md"
                aria-label={t('emailEditor.fields.link')}
                onMouseDown={(event) => {
                  event.preventDefault();
                  rememberSelection();
                }}
                onClick={() => setLinkOpen((open) => !open)}
              >
                <IconLink size={16} aria-hidden />
              </ActionIcon>
            </Popover.Target>
            <Popover.Dropdown>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  if (!hrefOk) return;
                  setLinkOpen(false);
                  command('createLink', href.trim());
                }}
              >
                <Group gap="xs" align="flex-end">
                  <TextInput
                    label={t('emailEditor.fields.linkPrompt')}
                    value={href}
                    onChange={(event) => setHref(event.currentTarget.value)}
                    error={href && !hrefOk ? t('emailEditor.fields.invalidUrl') : undefined}
                    data-autofocus
                    w={240}
                  />
                  <Button type="submit" disabled={!hrefOk}>
                    {t('emailEditor.fields.apply')}
                  </Button>
                </Group>
              </form>
            </Popover.Dropdown>
          </Popover>
          <AiRewriteMenu area={area} onReplaced={emit} />
        </Group>
        <div
          ref={area}
          id={id}
          className={classes.richText}
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline
          aria-label={label}
          tabIndex={0}
          onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
          onInput={emit}
          onKeyUp={rememberSelection}
          onMouseUp={rememberSelection}
          onBlur={rememberSelection}
          onPaste={(event) => {
            event.preventDefault();
            document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
          }}
        />
      </Stack>
    </Input.Wrapper>
  );
}

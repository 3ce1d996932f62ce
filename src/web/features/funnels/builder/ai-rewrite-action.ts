import type { Editor, RichTextEditorAction } from 'grapesjs';
import { rangeStillIn, replaceRangeWithText } from '../../email/editor/ai-rewrite-text.js';

export const AI_RTE_ACTION = 'mk-ai-rewrite';

/** GrapesJS's own rich text editor (its class is not exported). */
type TRte = Parameters<RichTextEditorAction['result']>[0];

/** A text selected in the canvas when "IA" was pressed: its words, where the button is, how to put an answer in its place. */
export type TRteSelection = {
  text: string;
  /** The button's box in the app's window (the menu opens under it). */
  anchor: DOMRect;
  /** Replaces the selection with plain text; false when the text being edited changed meanwhile (nothing done). */
  replace: (text: string) => boolean;
};

/**
 * Adds "IA" to GrapesJS's rich text toolbar (shown while a text is edited in the canvas). Pressing it hands the
 * selection to `onOpen`, which shows our menu; the answer replaces the selection as text through the browser's
 * editing command, so GrapesJS sees an input like typing and keeps it when editing ends. Returns the undo.
 */
export function addAiRewriteAction(editor: Editor, { label, onOpen }: { label: string; onOpen: (selection: TRteSelection) => void }): () => void {
  editor.RichTextEditor.add(AI_RTE_ACTION, {
    // A fixed word, not user data: safe as the button's HTML.
    icon: '<span style="font-weight:700;font-size:11px;letter-spacing:0.02em">IA</span>',
    attributes: { title: label, 'aria-label': label, role: 'button', 'data-testid': 'rte-ai' },
    result: (rte, action) => onOpen(selectionOf(rte, action.btn)),
  });
  return () => {
    // Leaving the builder, React runs the builder's own clean-up (editor.destroy()) before this one, and a destroyed
    // editor has no RichTextEditor any more (reading it threw: a CI failure). Only a live editor needs the button off.
    const rte = editor.RichTextEditor as Editor['RichTextEditor'] | undefined;
    rte?.remove(AI_RTE_ACTION);
  };
}

function selectionOf(rte: TRte, button: HTMLElement | undefined): TRteSelection {
  const el = rte.el;
  const current = rte.selection();
  const live = current && current.rangeCount > 0 ? current.getRangeAt(0) : null;
  const range = live && !live.collapsed && rangeStillIn(el, live) ? live.cloneRange() : null;
  return {
    text: range?.toString() ?? '',
    anchor: button?.getBoundingClientRect() ?? el.getBoundingClientRect(),
    replace: (text) => {
      // Editing ended or moved to another text while the answer was on its way: GrapesJS has saved that text already.
      if (!range || !rte.enabled || rte.el !== el || !rangeStillIn(el, range)) return false;
      replaceRangeWithText(el, range, text);
      return true;
    },
  };
}

import type { Editor } from 'grapesjs';
import type { TBlockTexts } from '../blocks/block-types.js';
import { registerCountdownType } from './countdown-type.js';
import { registerFormTypes } from './form-types.js';
import { registerMarkerTypes } from './marker-types.js';
import { registerVideoType } from './video-type.js';

/**
 * Teaches GrapesJS our blocks' elements (by their `data-mk` attribute), so pages from templates or pasted HTML get the
 * same names and settings as blocks dropped from the palette. Registered before the page is loaded.
 */
export function registerComponentTypes(editor: Editor, texts: TBlockTexts): void {
  registerMarkerTypes(editor, texts);
  registerVideoType(editor, texts);
  registerCountdownType(editor, texts);
  registerFormTypes(editor, texts);
}

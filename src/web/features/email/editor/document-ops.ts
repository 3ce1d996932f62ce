import {
  DEFAULT_FOOTER_TEXT,
  newBlockId,
  type TEmailBlock,
  type TEmailBlockType,
  type TEmailColumn,
  type TEmailDocument,
  type TEmailSection,
} from '../../../../contracts/email-document.js';

// Pure changes of the block document: each returns a new document (the history keeps the old one) and leaves the
// input untouched. Positions are (section, column, index) found from ids, so a change never needs the caller's indexes.

/** Where a block sits. */
export type TBlockPlace = { section: number; column: number; index: number };

/** The words a new block starts with, in the author's language. */
export type TBlockTexts = { text: string; button: string; unsubscribe: string };

/** A new block of `type`, with its defaults. */
export function newBlock(type: TEmailBlockType, texts: TBlockTexts): TEmailBlock {
  const id = newBlockId();
  switch (type) {
    case 'text':
      return { id, type, html: `<p>${escapeHtml(texts.text)}</p>` };
    case 'image':
      return { id, type, src: '', alt: '', href: '', width: null, align: 'center' };
    case 'button':
      return { id, type, label: texts.button, href: 'https://', background_color: '#1c5fb8', text_color: '#ffffff', align: 'center' };
    case 'divider':
      return { id, type, color: '#d0d7de', thickness: 1 };
    case 'spacer':
      return { id, type, height: 24 };
    case 'social':
      return { id, type, links: [{ network: 'facebook', href: 'https://facebook.com/' }], align: 'center' };
    case 'footer':
      return { id, type, text: DEFAULT_FOOTER_TEXT, unsubscribe_label: texts.unsubscribe };
  }
}

/** A new section of `count` empty columns. */
export function newSection(count: number, background = '#ffffff'): TEmailSection {
  return { id: newBlockId(), background_color: background, padding: 24, columns: Array.from({ length: count }, () => ({ id: newBlockId(), blocks: [] })) };
}

export function findBlock(doc: TEmailDocument, id: string): { block: TEmailBlock; place: TBlockPlace } | null {
  for (const [s, section] of doc.sections.entries()) {
    for (const [c, column] of section.columns.entries()) {
      const index = column.blocks.findIndex((block) => block.id === id);
      if (index >= 0) return { block: column.blocks[index]!, place: { section: s, column: c, index } };
    }
  }
  return null;
}

export function findColumn(doc: TEmailDocument, id: string): { section: number; column: number } | null {
  for (const [s, section] of doc.sections.entries()) {
    const c = section.columns.findIndex((column) => column.id === id);
    if (c >= 0) return { section: s, column: c };
  }
  return null;
}

function withColumn(doc: TEmailDocument, s: number, c: number, change: (column: TEmailColumn) => TEmailColumn): TEmailDocument {
  return {
    ...doc,
    sections: doc.sections.map((section, i) =>
      i === s ? { ...section, columns: section.columns.map((column, j) => (j === c ? change(column) : column)) } : section,
    ),
  };
}

/**
 * Adds a block after the block `afterId` (the selected one) or, without one, at the end of the content: the first
 * column of the last section that holds no footer (a new section before the footer when there is none).
 */
export function insertBlock(doc: TEmailDocument, block: TEmailBlock, afterId: string | null): TEmailDocument {
  const after = afterId ? findBlock(doc, afterId) : null;
  if (after) return insertAt(doc, block, after.place.section, after.place.column, after.place.index + 1);
  const s = doc.sections.findLastIndex((section) => !section.columns.some((column) => column.blocks.some((b) => b.type === 'footer')));
  if (s >= 0) return insertAt(doc, block, s, 0, doc.sections[s]!.columns[0]!.blocks.length);
  const section = { ...newSection(1), columns: [{ id: newBlockId(), blocks: [block] }] };
  return { ...doc, sections: [section, ...doc.sections] };
}

export function insertAt(doc: TEmailDocument, block: TEmailBlock, s: number, c: number, index: number): TEmailDocument {
  return withColumn(doc, s, c, (column) => ({ ...column, blocks: [...column.blocks.slice(0, index), block, ...column.blocks.slice(index)] }));
}

export function updateBlock(doc: TEmailDocument, id: string, change: Partial<TEmailBlock>): TEmailDocument {
  const found = findBlock(doc, id);
  if (!found) return doc;
  const { section, column, index } = found.place;
  return withColumn(doc, section, column, (col) => ({
    ...col,
    blocks: col.blocks.map((block, i) => (i === index ? ({ ...block, ...change } as TEmailBlock) : block)),
  }));
}

export function removeBlock(doc: TEmailDocument, id: string): TEmailDocument {
  const found = findBlock(doc, id);
  if (!found) return doc;
  const { section, column } = found.place;
  return withColumn(doc, section, column, (col) => ({ ...col, blocks: col.blocks.filter((block) => block.id !== id) }));
}

/** A copy of the block right after it; returns the document and the copy's id. */
export function duplicateBlock(doc: TEmailDocument, id: string): { doc: TEmailDocument; id: string | null } {
  const found = findBlock(doc, id);
  if (!found) return { doc, id: null };
  const copy = { ...structuredClone(found.block), id: newBlockId() };
  const { section, column, index } = found.place;
  return { doc: insertAt(doc, copy, section, column, index + 1), id: copy.id };
}

/** Moves a block to position `index` of column `columnId` (the index counted before the block leaves its place). */
export function moveBlock(doc: TEmailDocument, id: string, columnId: string, index: number): TEmailDocument {
  const found = findBlock(doc, id);
  const target = findColumn(doc, columnId);
  if (!found || !target) return doc;
  const sameColumn = found.place.section === target.section && found.place.column === target.column;
  const to = sameColumn && found.place.index < index ? index - 1 : index;
  if (sameColumn && to === found.place.index) return doc;
  return insertAt(removeBlock(doc, id), found.block, target.section, target.column, to);
}

/** Moves a block one place up or down in its column, or into the previous or next section's first column at its edge. */
export function nudgeBlock(doc: TEmailDocument, id: string, delta: -1 | 1): TEmailDocument {
  const found = findBlock(doc, id);
  if (!found) return doc;
  const { section, column, index } = found.place;
  const length = doc.sections[section]!.columns[column]!.blocks.length;
  if (index + delta >= 0 && index + delta < length) return moveBlock(doc, id, doc.sections[section]!.columns[column]!.id, delta > 0 ? index + 2 : index - 1);
  const next = doc.sections[section + delta];
  if (!next) return doc;
  const nextColumn = next.columns[0]!;
  return moveBlock(doc, id, nextColumn.id, delta > 0 ? 0 : nextColumn.blocks.length);
}

export function moveSection(doc: TEmailDocument, id: string, index: number): TEmailDocument {
  const from = doc.sections.findIndex((section) => section.id === id);
  if (from < 0) return doc;
  const to = from < index ? index - 1 : index;
  if (to === from) return doc;
  const sections = doc.sections.filter((section) => section.id !== id);
  sections.splice(to, 0, doc.sections[from]!);
  return { ...doc, sections };
}

export function updateSection(doc: TEmailDocument, id: string, change: Partial<Omit<TEmailSection, 'id' | 'columns'>>): TEmailDocument {
  return { ...doc, sections: doc.sections.map((section) => (section.id === id ? { ...section, ...change } : section)) };
}

/** Gives a section `count` columns: blocks of removed columns join the last one kept. */
export function setSectionColumns(doc: TEmailDocument, id: string, count: number): TEmailDocument {
  return {
    ...doc,
    sections: doc.sections.map((section) => {
      if (section.id !== id || section.columns.length === count) return section;
      if (count > section.columns.length) {
        return {
          ...section,
          columns: [...section.columns, ...Array.from({ length: count - section.columns.length }, () => ({ id: newBlockId(), blocks: [] }))],
        };
      }
      const kept = section.columns.slice(0, count);
      const moved = section.columns.slice(count).flatMap((column) => column.blocks);
      const last = kept[count - 1]!;
      return { ...section, columns: [...kept.slice(0, -1), { ...last, blocks: [...last.blocks, ...moved] }] };
    }),
  };
}

export function removeSection(doc: TEmailDocument, id: string): TEmailDocument {
  return { ...doc, sections: doc.sections.filter((section) => section.id !== id) };
}

export function duplicateSection(doc: TEmailDocument, id: string): TEmailDocument {
  const index = doc.sections.findIndex((section) => section.id === id);
  if (index < 0) return doc;
  const source = doc.sections[index]!;
  const copy: TEmailSection = {
    ...structuredClone(source),
    id: newBlockId(),
    columns: source.columns.map((column) => ({ id: newBlockId(), blocks: column.blocks.map((block) => ({ ...structuredClone(block), id: newBlockId() })) })),
  };
  return { ...doc, sections: [...doc.sections.slice(0, index + 1), copy, ...doc.sections.slice(index + 1)] };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

import { useDndContext, useDraggable, useDroppable } from '@dnd-kit/core';
import { IconArrowDown, IconArrowUp, IconCopy, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_FONTS, type TEmailColumn, type TEmailDocument, type TEmailSection } from '../../../../contracts/email-document.js';
import { BlockView } from './block-view.js';
import type { TSelection } from './email-editor.js';
import classes from './email-editor.module.css';

/** What the canvas asks the editor to do. */
export type TCanvasActions = {
  select: (selection: TSelection) => void;
  duplicateBlock: (id: string) => void;
  removeBlock: (id: string) => void;
  nudgeBlock: (id: string, delta: -1 | 1) => void;
  duplicateSection: (id: string) => void;
  removeSection: (id: string) => void;
  nudgeSection: (id: string, delta: -1 | 1) => void;
};

type Props = {
  doc: TEmailDocument;
  selection: TSelection;
  invalidIds: Set<string>;
  readOnly: boolean;
  actions: TCanvasActions;
};

/**
 * The email drawn in React, close to what MJML makes of it (the preview shows the exact message): sections with
 * their columns and blocks; each block and section has a drag handle (mouse, touch, or Space and the arrows) and
 * its own buttons to edit, move, copy and delete it.
 */
export function EditorCanvas({ doc, selection, invalidIds, readOnly, actions }: Props) {
  const { t } = useTranslation();
  const { settings } = doc;
  const paper: CSSProperties = {
    maxWidth: settings.width,
    fontFamily: EMAIL_FONTS[settings.font_family],
    color: settings.text_color,
    fontSize: 16,
    lineHeight: 1.5,
  };
  return (
    <div className={classes.canvasWrap} style={{ background: settings.background_color }} role="region" aria-label={t('emailEditor.canvas.label')}>
      <div className={classes.paper} style={{ ...paper, ['--link-color' as string]: settings.link_color }}>
        {doc.sections.length === 0 && (
          <div className={classes.emptyColumn}>
            {t('emailEditor.canvas.emptyDocument')} {t('emailEditor.canvas.emptyDocumentHint')}
          </div>
        )}
        {doc.sections.map((section, index) => (
          <div key={section.id}>
            {!readOnly && <SectionSlot index={index} />}
            <SectionView
              section={section}
              n={index + 1}
              last={index === doc.sections.length - 1}
              selection={selection}
              invalidIds={invalidIds}
              readOnly={readOnly}
              actions={actions}
            />
          </div>
        ))}
        {!readOnly && <SectionSlot index={doc.sections.length} />}
      </div>
    </div>
  );
}

function SectionSlot({ index }: { index: number }) {
  const { active } = useDndContext();
  const { setNodeRef, isOver } = useDroppable({ id: `sslot:${index}`, data: { accepts: 'section', index } });
  const on = active?.data.current?.kind === 'section';
  return <div ref={setNodeRef} className={classes.slot} data-active={on || undefined} data-over={(on && isOver) || undefined} aria-hidden />;
}

type TSectionProps = {
  section: TEmailSection;
  n: number;
  last: boolean;
  selection: TSelection;
  invalidIds: Set<string>;
  readOnly: boolean;
  actions: TCanvasActions;
};

function SectionView({ section, n, last, selection, invalidIds, readOnly, actions }: TSectionProps) {
  const { t } = useTranslation();
  const name = t('emailEditor.canvas.section', { n });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `section:${section.id}`,
    data: { kind: 'section', id: section.id, name },
    disabled: readOnly,
  });
  const selected = selection?.kind === 'section' && selection.id === section.id;
  return (
    <div
      ref={setNodeRef}
      className={classes.section}
      data-selected={selected || undefined}
      data-dragging={isDragging || undefined}
      style={{ background: section.background_color, padding: `${section.padding}px 0`, opacity: isDragging ? 0.4 : undefined }}
      onClick={readOnly ? undefined : () => actions.select({ kind: 'section', id: section.id })}
    >
      {!readOnly && (
        <div className={classes.sectionTools} onClick={(event) => event.stopPropagation()}>
          <button
            type="button"
            ref={setActivatorNodeRef}
            className={`${classes.tool} ${classes.handle}`}
            {...attributes}
            {...listeners}
            aria-label={t('emailEditor.canvas.dragSection', { n })}
          >
            <IconGripVertical size={16} aria-hidden />
          </button>
          <Tool label={t('emailEditor.canvas.selectSection', { n })} onClick={() => actions.select({ kind: 'section', id: section.id })}>
            <IconPencil size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.moveUp')} (${name})`} onClick={() => actions.nudgeSection(section.id, -1)} disabled={n === 1}>
            <IconArrowUp size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.moveDown')} (${name})`} onClick={() => actions.nudgeSection(section.id, 1)} disabled={last}>
            <IconArrowDown size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.duplicate')} (${name})`} onClick={() => actions.duplicateSection(section.id)}>
            <IconCopy size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.delete')} (${name})`} onClick={() => actions.removeSection(section.id)}>
            <IconTrash size={16} aria-hidden />
          </Tool>
        </div>
      )}
      <div className={classes.columns}>
        {section.columns.map((column) => (
          <ColumnView key={column.id} column={column} selection={selection} invalidIds={invalidIds} readOnly={readOnly} actions={actions} />
        ))}
      </div>
    </div>
  );
}

function ColumnView({ column, selection, invalidIds, readOnly, actions }: Omit<TSectionProps, 'section' | 'n' | 'last'> & { column: TEmailColumn }) {
  const { t } = useTranslation();
  const empty = useDroppable({
    id: `slot:${column.id}:0:empty`,
    data: { accepts: 'block', columnId: column.id, index: 0 },
    disabled: readOnly || column.blocks.length > 0,
  });
  return (
    <div className={classes.column}>
      {column.blocks.length === 0 && !readOnly && (
        <div ref={empty.setNodeRef} className={classes.emptyColumn} data-over={empty.isOver || undefined}>
          {t('emailEditor.canvas.emptyColumn')}
        </div>
      )}
      {column.blocks.map((block, index) => (
        <div key={block.id}>
          {!readOnly && index > 0 && <BlockSlot columnId={column.id} index={index} />}
          {!readOnly && index === 0 && <BlockSlot columnId={column.id} index={0} />}
          <BlockItem
            id={block.id}
            selected={selection?.kind === 'block' && selection.id === block.id}
            invalid={invalidIds.has(block.id)}
            readOnly={readOnly}
            actions={actions}
            name={t(`emailEditor.blocks.${block.type}`)}
          >
            <BlockView block={block} />
          </BlockItem>
        </div>
      ))}
      {!readOnly && column.blocks.length > 0 && <BlockSlot columnId={column.id} index={column.blocks.length} />}
    </div>
  );
}

function BlockSlot({ columnId, index }: { columnId: string; index: number }) {
  const { active } = useDndContext();
  const { setNodeRef, isOver } = useDroppable({ id: `slot:${columnId}:${index}`, data: { accepts: 'block', columnId, index } });
  const on = active?.data.current?.kind === 'block';
  return <div ref={setNodeRef} className={classes.slot} data-active={on || undefined} data-over={(on && isOver) || undefined} aria-hidden />;
}

type TBlockItemProps = {
  id: string;
  name: string;
  selected: boolean;
  invalid: boolean;
  readOnly: boolean;
  actions: TCanvasActions;
  children: ReactNode;
};

function BlockItem({ id, name, selected, invalid, readOnly, actions, children }: TBlockItemProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `block:${id}`,
    data: { kind: 'block', id, name },
    disabled: readOnly,
  });
  return (
    <div
      ref={setNodeRef}
      className={classes.block}
      data-selected={selected || undefined}
      data-invalid={invalid || undefined}
      data-dragging={isDragging || undefined}
      data-block-id={id}
      onClick={
        readOnly
          ? undefined
          : (event) => {
              event.stopPropagation();
              actions.select({ kind: 'block', id });
            }
      }
    >
      {!readOnly && (
        <div className={classes.blockTools}>
          <button
            type="button"
            ref={setActivatorNodeRef}
            className={`${classes.tool} ${classes.handle}`}
            {...attributes}
            {...listeners}
            aria-label={t('emailEditor.canvas.dragBlock', { name })}
          >
            <IconGripVertical size={16} aria-hidden />
          </button>
          <Tool label={t('emailEditor.canvas.selectBlock', { name })} onClick={() => actions.select({ kind: 'block', id })}>
            <IconPencil size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.moveUp')} (${name})`} onClick={() => actions.nudgeBlock(id, -1)}>
            <IconArrowUp size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.moveDown')} (${name})`} onClick={() => actions.nudgeBlock(id, 1)}>
            <IconArrowDown size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.duplicate')} (${name})`} onClick={() => actions.duplicateBlock(id)}>
            <IconCopy size={16} aria-hidden />
          </Tool>
          <Tool label={`${t('emailEditor.actions.delete')} (${name})`} onClick={() => actions.removeBlock(id)}>
            <IconTrash size={16} aria-hidden />
          </Tool>
        </div>
      )}
      {/* A picture of the email: nothing in it takes the focus or a click (the block's own buttons do). */}
      <div className={classes.blockBody} inert>
        {children}
      </div>
    </div>
  );
}

function Tool({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      className={classes.tool}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {children}
    </button>
  );
}

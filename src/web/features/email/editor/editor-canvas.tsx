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
          <ItemTools
            handle={{ ref: setActivatorNodeRef, attributes, listeners, label: t('emailEditor.canvas.dragSection', { n }) }}
            selectLabel={t('emailEditor.canvas.selectSection', { n })}
            name={name}
            onSelect={() => actions.select({ kind: 'section', id: section.id })}
            onMove={(by) => actions.nudgeSection(section.id, by)}
            first={n === 1}
            last={last}
            onDuplicate={() => actions.duplicateSection(section.id)}
            onRemove={() => actions.removeSection(section.id)}
          />
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
          <ItemTools
            handle={{ ref: setActivatorNodeRef, attributes, listeners, label: t('emailEditor.canvas.dragBlock', { name }) }}
            selectLabel={t('emailEditor.canvas.selectBlock', { name })}
            name={name}
            onSelect={() => actions.select({ kind: 'block', id })}
            onMove={(by) => actions.nudgeBlock(id, by)}
            onDuplicate={() => actions.duplicateBlock(id)}
            onRemove={() => actions.removeBlock(id)}
          />
        </div>
      )}
      {/* A picture of the email: nothing in it takes the focus or a click (the block's own buttons do). */}
      <div className={classes.blockBody} inert>
        {children}
      </div>
    </div>
  );
}

type THandle = { ref: (element: HTMLElement | null) => void; attributes: object; listeners: object | undefined; label: string };

/** A section's or a block's buttons: the drag handle, then edit, move up and down, copy and delete, each named for it. */
function ItemTools(props: {
  handle: THandle;
  selectLabel: string;
  name: string;
  onSelect: () => void;
  onMove: (by: -1 | 1) => void;
  first?: boolean;
  last?: boolean;
  onDuplicate: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { handle, name } = props;
  return (
    <>
      <button
        type="button"
        ref={handle.ref}
        className={`${classes.tool} ${classes.handle}`}
        {...handle.attributes}
        {...handle.listeners}
        aria-label={handle.label}
      >
        <IconGripVertical size={16} aria-hidden />
      </button>
      <Tool label={props.selectLabel} onClick={props.onSelect}>
        <IconPencil size={16} aria-hidden />
      </Tool>
      <Tool label={`${t('emailEditor.actions.moveUp')} (${name})`} onClick={() => props.onMove(-1)} disabled={props.first}>
        <IconArrowUp size={16} aria-hidden />
      </Tool>
      <Tool label={`${t('emailEditor.actions.moveDown')} (${name})`} onClick={() => props.onMove(1)} disabled={props.last}>
        <IconArrowDown size={16} aria-hidden />
      </Tool>
      <Tool label={`${t('emailEditor.actions.duplicate')} (${name})`} onClick={props.onDuplicate}>
        <IconCopy size={16} aria-hidden />
      </Tool>
      <Tool label={`${t('emailEditor.actions.delete')} (${name})`} onClick={props.onRemove}>
        <IconTrash size={16} aria-hidden />
      </Tool>
    </>
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

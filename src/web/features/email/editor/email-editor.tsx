import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { ActionIcon, Button, Drawer, Group, Menu, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowForwardUp, IconColumns, IconCopy, IconEye, IconPlus, IconSettings, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type MouseEventHandler, type TouchEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countBlocks,
  EMAIL_BLOCK_TYPES,
  MAX_DOCUMENT_BLOCKS,
  MAX_DOCUMENT_SECTIONS,
  ZEmailDocument,
  type TEmailBlockType,
  type TEmailDocument,
} from '../../../../contracts/email-document.js';
import { CampaignPreviewModal } from '../campaigns/campaign-preview-modal.js';
import { BLOCK_ICONS } from './block-meta.js';
import { BlockProperties, SectionProperties, SettingsProperties } from './block-properties.js';
import * as ops from './document-ops.js';
import { EditorCanvas, type TCanvasActions } from './editor-canvas.js';
import classes from './email-editor.module.css';
import { SaveStatus } from './save-status.js';
import { slotKeyboardCoordinates } from './slot-keyboard.js';
import { useAutosave } from './use-autosave.js';
import { useDocumentHistory } from './use-document-history.js';

/** What the property panel shows. */
export type TSelection = { kind: 'block' | 'section'; id: string } | { kind: 'settings' } | null;

type Props = {
  campaignId: string;
  initial: TEmailDocument;
  /** A sent campaign, or a viewer: the email is shown, nothing changes. */
  readOnly: boolean;
  /** Whether the preview offers the test send. */
  canSend: boolean;
  /** Told whether changes wait to be saved (the send panel waits for them). */
  onDirtyChange?: (dirty: boolean) => void;
};

/** Drop places accept what is dragged: blocks go between blocks, sections between sections. */
const collision: CollisionDetection = (args) =>
  closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => c.data.current?.accepts === args.active.data.current?.kind) });

/**
 * The block editor of a campaign: a palette (buttons, or a "+ Ajouter un bloc" menu on a phone), the email drawn as
 * sections, columns and blocks that drag (mouse, touch, keyboard) and a property panel (a drawer on a phone); undo and
 * redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z), autosave, and the server's preview with the test send.
 */
export function EmailEditor({ campaignId, initial, readOnly, canSend, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const { doc, change, undo, redo, canUndo, canRedo } = useDocumentHistory(initial);
  const autosave = useAutosave(campaignId, doc, !readOnly);
  const [selection, setSelection] = useState<TSelection>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [dragName, setDragName] = useState<string | null>(null);
  const texts = { text: t('emailEditor.defaults.text'), button: t('emailEditor.defaults.button'), unsubscribe: t('emailEditor.defaults.unsubscribe') };

  useEffect(() => onDirtyChange?.(autosave.dirty), [autosave.dirty, onDirtyChange]);

  // Blocks (and sections) a rule of the document refuses: outlined in red until fixed.
  const validation = useMemo(() => ZEmailDocument.safeParse(doc), [doc]);
  const invalidIds = useMemo(() => {
    const ids = new Set<string>();
    for (const issue of validation.error?.issues ?? []) {
      const [, s, , c, , b] = issue.path as (string | number)[];
      const section = typeof s === 'number' ? doc.sections[s] : undefined;
      const block = typeof c === 'number' && typeof b === 'number' ? section?.columns[c]?.blocks[b] : undefined;
      if (block) ids.add(block.id);
      else if (section) ids.add(section.id);
    }
    return ids;
  }, [validation, doc]);

  const select = useCallback(
    (next: TSelection) => {
      setSelection(next);
      if (phone && next) setDrawerOpen(true);
    },
    [phone],
  );

  // Undo and redo from the keyboard, except inside a field (which has its own).
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.key.toLowerCase() !== 'z' && event.key.toLowerCase() !== 'y')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      if (event.key.toLowerCase() === 'y' || event.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, undo, redo]);

  /** Whether `blocks` more blocks and `sections` more sections still fit a document; says why not when not. */
  const fits = (blocks: number, sections = 0) => {
    if (countBlocks(doc) + blocks <= MAX_DOCUMENT_BLOCKS && doc.sections.length + sections <= MAX_DOCUMENT_SECTIONS) return true;
    notifications.show({ color: 'red', message: t('emailEditor.limits.full', { blocks: MAX_DOCUMENT_BLOCKS, sections: MAX_DOCUMENT_SECTIONS }) });
    return false;
  };
  const addBlock = (type: TEmailBlockType) => {
    if (!fits(1)) return;
    const block = ops.newBlock(type, texts);
    change((d) => ops.insertBlock(d, block, selection?.kind === 'block' ? selection.id : null));
    select({ kind: 'block', id: block.id });
  };
  const addSection = (count: number) => {
    if (!fits(0, 1)) return;
    const section = ops.newSection(count);
    change((d) => {
      const after = selection?.kind === 'section' ? d.sections.findIndex((s) => s.id === selection.id) + 1 : 0;
      // Without a chosen section, before the footer's section (the last one) when there is one.
      const index =
        after > 0 ? after : Math.max(0, d.sections.length - (d.sections.at(-1)?.columns.some((c) => c.blocks.some((b) => b.type === 'footer')) ? 1 : 0));
      return { ...d, sections: [...d.sections.slice(0, index), section, ...d.sections.slice(index)] };
    });
    select({ kind: 'section', id: section.id });
  };

  const actions: TCanvasActions = {
    select,
    duplicateBlock: (id) => {
      if (!fits(1)) return;
      const result = ops.duplicateBlock(doc, id);
      change(() => result.doc);
      if (result.id) setSelection({ kind: 'block', id: result.id });
    },
    removeBlock: (id) => {
      change((d) => ops.removeBlock(d, id));
      if (selection?.kind === 'block' && selection.id === id) closeSelection();
    },
    nudgeBlock: (id, delta) => change((d) => ops.nudgeBlock(d, id, delta)),
    duplicateSection: (id) => {
      const section = doc.sections.find((s) => s.id === id);
      if (section && fits(countBlocks({ sections: [section] }), 1)) change((d) => ops.duplicateSection(d, id));
    },
    removeSection: (id) => {
      change((d) => ops.removeSection(d, id));
      if (selection?.kind === 'section' && selection.id === id) closeSelection();
    },
    nudgeSection: (id, delta) =>
      change((d) => {
        const index = d.sections.findIndex((s) => s.id === id);
        return ops.moveSection(d, id, delta > 0 ? index + 2 : index - 1);
      }),
  };
  function closeSelection() {
    setSelection(null);
    setDrawerOpen(false);
  }

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: slotKeyboardCoordinates }),
  );
  const onDragStart = (event: DragStartEvent) => setDragName((event.active.data.current?.name as string | undefined) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragName(null);
    const from = active.data.current as { kind: string; id?: string; type?: TEmailBlockType } | undefined;
    const to = over?.data.current as { columnId?: string; index: number } | undefined;
    if (!from || !to) return;
    if (from.kind === 'section' && from.id) change((d) => ops.moveSection(d, from.id!, to.index));
    else if (from.kind === 'block' && to.columnId) {
      if (from.id) change((d) => ops.moveBlock(d, from.id!, to.columnId!, to.index));
      else if (from.type) {
        const block = ops.newBlock(from.type, texts);
        change((d) => {
          const place = ops.findColumn(d, to.columnId!);
          return place ? ops.insertAt(d, block, place.section, place.column, to.index) : d;
        });
        select({ kind: 'block', id: block.id });
      }
    }
  };
  const accessibility = {
    screenReaderInstructions: { draggable: t('emailEditor.dnd.instructions') },
    announcements: {
      onDragStart: ({ active }: { active: { data: { current?: Record<string, unknown> } } }) =>
        t('emailEditor.dnd.start', { name: String(active.data.current?.name ?? '') }),
      onDragOver: () => t('emailEditor.dnd.over'),
      onDragEnd: ({ active, over }: { active: { data: { current?: Record<string, unknown> } }; over: unknown }) =>
        over ? t('emailEditor.dnd.end', { name: String(active.data.current?.name ?? '') }) : t('emailEditor.dnd.cancel'),
      onDragCancel: () => t('emailEditor.dnd.cancel'),
    },
  };

  const panel = <PropertyPanel doc={doc} selection={selection} change={change} actions={actions} />;
  const openPreview = async () => {
    await autosave.flush();
    setPreviewing(true);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragName(null)}
      accessibility={accessibility}
    >
      <Stack gap="sm">
        {!readOnly && (
          <Group gap="xs" justify="space-between" wrap="wrap" role="toolbar" aria-label={t('emailEditor.toolbar.label')}>
            <Group gap={6} wrap="wrap">
              {phone ? (
                <Menu position="bottom-start" withinPortal>
                  <Menu.Target>
                    <Button leftSection={<IconPlus size={16} aria-hidden />}>{t('emailEditor.palette.add')}</Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {EMAIL_BLOCK_TYPES.map((type) => {
                      const BlockIcon = BLOCK_ICONS[type];
                      return (
                        <Menu.Item key={type} leftSection={<BlockIcon size={16} aria-hidden />} onClick={() => addBlock(type)}>
                          {t(`emailEditor.blocks.${type}`)}
                        </Menu.Item>
                      );
                    })}
                    <Menu.Divider />
                    <Menu.Label>{t('emailEditor.palette.sections')}</Menu.Label>
                    {[1, 2].map((count) => (
                      <Menu.Item key={count} leftSection={<IconColumns size={16} aria-hidden />} onClick={() => addSection(count)}>
                        {t('emailEditor.palette.section', { count })}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              ) : (
                <>
                  {EMAIL_BLOCK_TYPES.map((type) => (
                    <PaletteButton key={type} type={type} onAdd={() => addBlock(type)} />
                  ))}
                  <Menu position="bottom-start" withinPortal>
                    <Menu.Target>
                      <Button variant="default" size="xs" leftSection={<IconColumns size={16} aria-hidden />}>
                        {t('emailEditor.palette.sections')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {[1, 2, 3, 4].map((count) => (
                        <Menu.Item key={count} onClick={() => addSection(count)}>
                          {t('emailEditor.palette.section', { count })}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </>
              )}
            </Group>
            <Group gap={6} wrap="wrap">
              <SaveStatus state={autosave.state} doc={doc} onRetry={() => void autosave.flush()} />
              <Tooltip label={t('emailEditor.toolbar.undo')}>
                <ActionIcon variant="default" size="lg" aria-label={t('emailEditor.toolbar.undo')} onClick={undo} disabled={!canUndo}>
                  <IconArrowBackUp size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('emailEditor.toolbar.redo')}>
                <ActionIcon variant="default" size="lg" aria-label={t('emailEditor.toolbar.redo')} onClick={redo} disabled={!canRedo}>
                  <IconArrowForwardUp size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('emailEditor.toolbar.settings')}>
                <ActionIcon variant="default" size="lg" aria-label={t('emailEditor.toolbar.settings')} onClick={() => select({ kind: 'settings' })}>
                  <IconSettings size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Button variant="light" leftSection={<IconEye size={16} aria-hidden />} onClick={() => void openPreview()}>
                {t('emailEditor.toolbar.preview')}
              </Button>
            </Group>
          </Group>
        )}
        {!readOnly && !phone && (
          <Text size="xs" c="dimmed">
            {t('emailEditor.palette.hint')}
          </Text>
        )}
        <div className={classes.layout}>
          <EditorCanvas doc={doc} selection={selection} invalidIds={invalidIds} readOnly={readOnly} actions={actions} />
          {!readOnly && !phone && (
            <Paper withBorder p="sm" radius="md" className={classes.panel} component="aside" aria-label={t('emailEditor.panel.title')}>
              {panel}
            </Paper>
          )}
        </div>
        {readOnly && (
          <Group>
            <Button variant="light" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setPreviewing(true)}>
              {t('emailEditor.toolbar.preview')}
            </Button>
          </Group>
        )}
      </Stack>
      <DragOverlay dropAnimation={null}>{dragName ? <div className={classes.overlay}>{dragName}</div> : null}</DragOverlay>
      {phone && !readOnly && (
        <Drawer
          opened={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          position="bottom"
          size="85%"
          title={t('emailEditor.panel.title')}
          closeButtonProps={{ 'aria-label': t('emailEditor.panel.close') }}
        >
          {panel}
        </Drawer>
      )}
      <CampaignPreviewModal campaignId={campaignId} opened={previewing} onClose={() => setPreviewing(false)} canSend={canSend} />
    </DndContext>
  );
}

/** A block of the palette: a click adds it, a drag drops it where it should go. */
function PaletteButton({ type, onAdd }: { type: TEmailBlockType; onAdd: () => void }) {
  const { t } = useTranslation();
  const name = t(`emailEditor.blocks.${type}`);
  const { setNodeRef, listeners } = useDraggable({ id: `palette:${type}`, data: { kind: 'block', type, name } });
  const BlockIcon = BLOCK_ICONS[type];
  return (
    <Button
      ref={setNodeRef}
      variant="default"
      size="xs"
      leftSection={<BlockIcon size={16} aria-hidden />}
      aria-label={t('emailEditor.palette.addBlock', { name })}
      onClick={onAdd}
      // Only the mouse and touch drag from here: Enter and Space keep adding the block.
      onMouseDown={listeners?.onMouseDown as MouseEventHandler | undefined}
      onTouchStart={listeners?.onTouchStart as TouchEventHandler | undefined}
    >
      {name}
    </Button>
  );
}

type TPanelProps = {
  doc: TEmailDocument;
  selection: TSelection;
  change: (update: (doc: TEmailDocument) => TEmailDocument, mergeKey?: string) => void;
  actions: TCanvasActions;
};

function PropertyPanel({ doc, selection, change, actions }: TPanelProps) {
  const { t } = useTranslation();
  if (selection?.kind === 'settings') {
    return (
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('emailEditor.panel.settings')}
        </Title>
        <SettingsProperties settings={doc.settings} onChange={(settings, key) => change((d) => ({ ...d, settings: { ...d.settings, ...settings } }), key)} />
      </Stack>
    );
  }
  if (selection?.kind === 'section') {
    const index = doc.sections.findIndex((s) => s.id === selection.id);
    const section = doc.sections[index];
    if (section) {
      return (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('emailEditor.panel.section', { n: index + 1 })}
          </Title>
          <SectionProperties
            section={section}
            onChange={(values, key) => change((d) => ops.updateSection(d, section.id, values), key)}
            onColumns={(count) => change((d) => ops.setSectionColumns(d, section.id, count))}
          />
        </Stack>
      );
    }
  }
  const found = selection?.kind === 'block' ? ops.findBlock(doc, selection.id) : null;
  if (!found) {
    return (
      <Text size="sm" c="dimmed">
        {t('emailEditor.panel.nothing')}
      </Text>
    );
  }
  const { block } = found;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h4">
          {t('emailEditor.panel.block', { name: t(`emailEditor.blocks.${block.type}`) })}
        </Title>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('emailEditor.actions.duplicate')}>
            <ActionIcon variant="subtle" color="gray" aria-label={t('emailEditor.actions.duplicate')} onClick={() => actions.duplicateBlock(block.id)}>
              <IconCopy size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('emailEditor.actions.delete')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('emailEditor.actions.delete')} onClick={() => actions.removeBlock(block.id)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <BlockProperties key={block.id} block={block} onChange={(values, key) => change((d) => ops.updateBlock(d, block.id, values), key)} />
    </Stack>
  );
}

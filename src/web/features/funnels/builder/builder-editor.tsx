import 'grapesjs/dist/css/grapes.min.css';
import { Loader, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { Component } from 'grapesjs';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunnel, TFunnelPage } from '../../../../contracts/funnels.js';
import { notifyError } from '../../../lib/errors.js';
import { BuilderAiRewrite } from './ai-rewrite-popover.js';
import { AssetLibrary } from './asset-library.js';
import { fetchBuilderPage, pageKey, usePublishFunnel } from './builder-api.js';
import { BuilderHeader } from './builder-header.js';
import classes from './builder.module.css';
import { CodeModal } from './code-modal.js';
import { refreshTraits } from './components/refresh-traits.js';
import { showCustomCss, type TDevice, type TPanelElements } from './create-editor.js';
import { initialCustomCss } from './page-content.js';
import type { TSaveState } from './page-saver.js';
import { SaveStatus } from './save-status.js';
import { useBuilderEditor, type TCustomCode } from './use-builder-editor.js';

type Props = { funnel: TFunnel; page: TFunnelPage; canEdit: boolean };

/**
 * The page builder: GrapesJS in the middle, its palette and layers on the left, style and settings on the right, our
 * bar on top. Saves by itself (page-saver.ts); publishing saves first, then publishes the funnel.
 */
export function BuilderEditor({ funnel, page, canEdit }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refs = {
    canvas: useRef<HTMLDivElement>(null),
    blocks: useRef<HTMLDivElement>(null),
    layers: useRef<HTMLDivElement>(null),
    selectors: useRef<HTMLDivElement>(null),
    styles: useRef<HTMLDivElement>(null),
    traits: useRef<HTMLDivElement>(null),
  };
  const elements = useRef<TPanelElements | null>(null);
  const code = useRef<TCustomCode>({ css: initialCustomCss(page), js: page.js_content });
  // The panels' elements, known before the editor's effect runs (layout effects come first).
  useLayoutEffect(() => {
    const { canvas, blocks, layers, selectors, styles, traits } = refs;
    if (canvas.current && blocks.current && layers.current && selectors.current && styles.current && traits.current) {
      elements.current = {
        canvas: canvas.current,
        blocks: blocks.current,
        layers: layers.current,
        selectors: selectors.current,
        styles: styles.current,
        traits: traits.current,
      };
    }
  });
  const { editor, saver, assetRequest } = useBuilderEditor({ funnel, page, canEdit, elements, code });
  const [saveState, setSaveState] = useState<TSaveState>({ kind: 'saved' });
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [device, setDevice] = useState<TDevice>('desktop');
  const [selected, setSelected] = useState<Component | null>(null);
  const [leftTab, setLeftTab] = useState<string | null>('blocks');
  const [rightTab, setRightTab] = useState<string | null>('style');
  const [codeOpen, setCodeOpen] = useState(false);
  const publish = usePublishFunnel(funnel.id);

  useEffect(() => saver?.subscribe(setSaveState), [saver]);

  // Undo and redo availability, and what is selected (our blocks open their settings).
  useEffect(() => {
    if (!editor) return;
    const refreshHistory = () => setHistory({ canUndo: editor.UndoManager.hasUndo(), canRedo: editor.UndoManager.hasRedo() });
    const onUndoRedo = () => refreshTraits(editor.getSelected());
    const onToggle = () => {
      const component = editor.getSelected() ?? null;
      setSelected(component);
      refreshTraits(component);
      if (component?.getType().startsWith('mk-')) setRightTab('settings');
    };
    editor.on('update undo redo', refreshHistory);
    editor.on('undo redo', onUndoRedo);
    editor.on('component:toggled', onToggle);
    return () => {
      editor.off('update undo redo', refreshHistory);
      editor.off('undo redo', onUndoRedo);
      editor.off('component:toggled', onToggle);
    };
  }, [editor]);

  // Leaving with changes not saved: the browser asks, and the save starts; a hidden tab saves at once.
  useEffect(() => {
    if (!saver) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.dirty) return;
      void saver.save();
      event.preventDefault();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && saver.dirty) void saver.save();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saver]);

  const chooseDevice = (next: TDevice) => {
    editor?.Devices.select(next);
    setDevice(next);
  };

  // A preview wider than the room left by the panels (a tablet on a screen under 1280 px) is scaled down to fit, not
  // cut: GrapesJS's zoom scales its frames area, which is enlarged by as much so that, scaled, it fills the canvas again.
  useEffect(() => {
    if (!editor) return;
    const fit = () => {
      const width = parseInt(String(editor.Devices.getSelected()?.get('width') ?? ''), 10);
      const room = (refs.canvas.current?.clientWidth ?? 0) - 4;
      const zoom = width > 0 && room > 0 && room < width ? Math.floor((room / width) * 1000) / 1000 : 1;
      // Only when it changes (a zoom change makes GrapesJS recompute its canvas offsets).
      if (Math.abs(editor.Canvas.getZoom() - zoom * 100) < 0.01) return;
      editor.Canvas.setZoom(zoom * 100);
      const area = refs.canvas.current?.querySelector<HTMLElement>('.gjs-cv-canvas__frames');
      if (area) {
        area.style.transformOrigin = zoom < 1 ? '0 0' : '';
        area.style.width = area.style.height = zoom < 1 ? `${100 / zoom}%` : '';
      }
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [editor, device, refs.canvas]);

  const applyCode = (next: TCustomCode) => {
    setCodeOpen(false);
    if (next.css === code.current.css && next.js === code.current.js) return;
    code.current = next;
    if (editor) showCustomCss(editor, next.css);
    saver?.changed();
  };

  const onPublish = async () => {
    if (!saver) return;
    if (!(await saver.save())) {
      notifications.show({ color: 'red', message: t('funnelBuilder.publish.notSaved') });
      return;
    }
    publish.mutate(undefined, {
      onSuccess: async (published) => {
        notifications.show({ color: 'teal', title: t('funnelBuilder.publish.done'), message: published.public_url ?? t('funnelBuilder.publish.doneHint') });
        // The page's public address is known now (the builder keeps its own content).
        const fresh = await fetchBuilderPage(funnel.id, page.id).catch(() => null);
        if (fresh) queryClient.setQueryData(pageKey(funnel.id, page.id), fresh);
      },
      onError: (error) => notifyError(error, t),
    });
  };

  const status = canEdit ? <SaveStatus state={saveState} onRetry={() => void saver?.save()} /> : null;

  return (
    <div className={classes.root} data-testid="funnel-builder">
      <BuilderHeader
        funnel={funnel}
        page={page}
        canEdit={canEdit}
        ready={editor !== null}
        device={device}
        onDevice={chooseDevice}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={() => editor?.UndoManager.undo()}
        onRedo={() => editor?.UndoManager.redo()}
        onCode={() => setCodeOpen(true)}
        onPublish={() => void onPublish()}
        publishing={publish.isPending}
        status={status}
      />
      <div className={classes.body}>
        {/* Hidden tabs stay in the DOM (display: none, not React's Activity): GrapesJS renders its panels into them once. */}
        <aside className={classes.left} aria-label={t('funnelBuilder.panels.left')}>
          <Tabs value={leftTab} onChange={setLeftTab} className={classes.tabs} keepMounted keepMountedMode="display-none">
            <Tabs.List grow>
              <Tabs.Tab value="blocks">{t('funnelBuilder.panels.blocks')}</Tabs.Tab>
              <Tabs.Tab value="layers">{t('funnelBuilder.panels.layers')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="blocks" className={classes.tabPanel}>
              <Text size="xs" c="dimmed" className={classes.hint}>
                {t('funnelBuilder.palette.hint')}
              </Text>
              <div ref={refs.blocks} data-testid="builder-blocks" />
            </Tabs.Panel>
            <Tabs.Panel value="layers" className={classes.tabPanel}>
              <div ref={refs.layers} />
            </Tabs.Panel>
          </Tabs>
        </aside>
        <main className={classes.canvas} aria-label={t('funnelBuilder.panels.canvas')}>
          <div ref={refs.canvas} style={{ height: '100%' }} />
          {!editor && (
            <div className={classes.loading} role="status" aria-label={t('app.loading')}>
              <Loader />
            </div>
          )}
        </main>
        <aside className={classes.right} aria-label={t('funnelBuilder.panels.right')}>
          <Tabs value={rightTab} onChange={setRightTab} className={classes.tabs} keepMounted keepMountedMode="display-none">
            <Tabs.List grow>
              <Tabs.Tab value="style">{t('funnelBuilder.panels.style')}</Tabs.Tab>
              <Tabs.Tab value="settings">{t('funnelBuilder.panels.settings')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="style" className={classes.tabPanel}>
              {!selected && (
                <Text size="sm" c="dimmed" className={classes.hint}>
                  {t('funnelBuilder.panels.nothingSelected')}
                </Text>
              )}
              <div ref={refs.selectors} />
              <div ref={refs.styles} />
            </Tabs.Panel>
            <Tabs.Panel value="settings" className={classes.tabPanel}>
              <Text size="sm" c="dimmed" className={classes.hint}>
                {selected ? t('funnelBuilder.panels.settingsOf', { name: selected.getName() }) : t('funnelBuilder.panels.nothingSelected')}
              </Text>
              <div ref={refs.traits} data-testid="builder-traits" />
            </Tabs.Panel>
          </Tabs>
        </aside>
      </div>
      <CodeModal opened={codeOpen} initial={code.current} onClose={() => setCodeOpen(false)} onApply={applyCode} />
      <AssetLibrary request={assetRequest} />
      {canEdit && <BuilderAiRewrite editor={editor} language={funnel.language} />}
    </div>
  );
}

import type { Component, Editor } from 'grapesjs';
import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts } from '../blocks/block-types.js';
import { isPlayableVideo, normalizeVideo, providerOf, VIDEO_PROVIDERS, type TVideoProvider } from './video-source.js';

export const VIDEO_TYPE = 'mk-video';

const PLAY_ICON = '<svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true"><path fill="currentColor" d="M8 5v14l11-7z"/></svg>';

/**
 * The video block: `data-provider` and `data-video` chosen in its settings (a pasted YouTube or Vimeo address is
 * reduced to its id, and switches the provider). The canvas shows a still card, never the player: an embedded
 * player would load a third party's script into the builder; the public page gets the real one.
 */
export function registerVideoType(editor: Editor, { ui }: TBlockTexts): void {
  const providerLabels: Record<TVideoProvider, string> = {
    youtube: 'YouTube',
    vimeo: 'Vimeo',
    file: ui('funnelBuilder.traits.video.file'),
  };
  editor.Components.addType(VIDEO_TYPE, {
    isComponent: (el) => el.nodeType === 1 && el.getAttribute(BLOCK_ATTRIBUTE) === BLOCK_KINDS.video,
    model: {
      defaults: {
        name: ui('funnelBuilder.components.video'),
        droppable: false,
        traits: [
          {
            type: 'select',
            name: 'data-provider',
            label: ui('funnelBuilder.traits.video.provider'),
            options: VIDEO_PROVIDERS.map((id) => ({ id, label: providerLabels[id] })),
          },
          {
            type: 'text',
            name: 'data-video',
            label: ui('funnelBuilder.traits.video.video'),
            placeholder: ui('funnelBuilder.traits.video.placeholder'),
            getValue: ({ component }: { component: Component }) => component.getAttributes()['data-video'] ?? '',
            setValue: ({ component, value }: { component: Component; value: unknown }) => {
              const input = String(value ?? '');
              const provider = providerOf(input) ?? (component.getAttributes()['data-provider'] as TVideoProvider | undefined) ?? 'youtube';
              component.addAttributes({ 'data-provider': provider, 'data-video': normalizeVideo(provider, input) });
            },
          },
        ],
      },
    },
    view: {
      init() {
        this.listenTo(this.model, 'change:attributes', this.renderPreview);
      },
      onRender() {
        this.renderPreview();
      },
      /** The still card: which video, or what to do; never part of the saved page (the model has no children). */
      renderPreview() {
        const el = this.el as HTMLElement;
        const attributes = this.model.getAttributes();
        const provider = String(attributes['data-provider'] ?? 'youtube');
        const video = String(attributes['data-video'] ?? '');
        const known = (VIDEO_PROVIDERS as readonly string[]).includes(provider) ? providerLabels[provider as TVideoProvider] : provider;
        const doc = el.ownerDocument;
        el.querySelector(':scope > .mk-builder-preview')?.remove();
        const preview = doc.createElement('div');
        preview.className = 'mk-builder-preview';
        const play = doc.createElement('span');
        play.className = 'mk-builder-play';
        play.innerHTML = PLAY_ICON;
        const title = doc.createElement('strong');
        const note = doc.createElement('span');
        note.className = 'mk-builder-note';
        if (!video) {
          title.textContent = ui('funnelBuilder.preview.videoEmpty');
          note.textContent = ui('funnelBuilder.preview.videoHint');
        } else {
          title.textContent = `${known} · ${video}`;
          note.textContent = isPlayableVideo(provider, video) ? ui('funnelBuilder.preview.videoLive') : ui('funnelBuilder.preview.videoInvalid');
        }
        preview.append(play, title, note);
        el.appendChild(preview);
      },
    },
  });
}

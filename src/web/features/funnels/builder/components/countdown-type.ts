import type { Component, Editor, TraitProperties } from 'grapesjs';
import { BLOCK_ATTRIBUTE, BLOCK_KINDS } from '../../../../../contracts/funnel-blocks.js';
import type { TBlockTexts } from '../blocks/block-types.js';
import { DEFAULT_COUNTDOWN_MINUTES } from '../blocks/conversion.js';
import { countdownParts, isoToLocal, localToIso } from './countdown-time.js';

export const COUNTDOWN_TYPE = 'mk-countdown';

type TMode = 'fixed' | 'evergreen';

/**
 * The countdown: to a date and time for everyone (`fixed`), or a number of minutes from each visitor's first view
 * (`evergreen`), and the text that replaces it at zero. Its settings show only what its mode uses. The canvas shows
 * the figures it would start from, still: the public runtime makes them run.
 */
export function registerCountdownType(editor: Editor, { ui }: TBlockTexts): void {
  const traitsFor = (mode: TMode): TraitProperties[] => [
    {
      type: 'select',
      name: 'data-mode',
      label: ui('funnelBuilder.traits.countdown.mode'),
      options: [
        { id: 'evergreen', label: ui('funnelBuilder.traits.countdown.evergreen') },
        { id: 'fixed', label: ui('funnelBuilder.traits.countdown.fixed') },
      ],
    },
    mode === 'fixed'
      ? {
          // The input of a text trait takes the trait's type: a native date and time picker.
          type: 'datetime-local',
          name: 'data-until',
          label: ui('funnelBuilder.traits.countdown.until'),
          getValue: ({ component }: { component: Component }) => isoToLocal(component.getAttributes()['data-until'] as string | undefined),
          setValue: ({ component, value }: { component: Component; value: unknown }) => {
            const iso = localToIso(String(value ?? ''));
            if (iso) component.addAttributes({ 'data-until': iso });
            else component.removeAttributes('data-until');
          },
        }
      : { type: 'number', name: 'data-minutes', label: ui('funnelBuilder.traits.countdown.minutes'), min: 1, max: 100_000 },
    { type: 'text', name: 'data-expired-text', label: ui('funnelBuilder.traits.countdown.expired') },
  ];
  editor.TraitManager.addType('datetime-local', {});
  editor.Components.addType(COUNTDOWN_TYPE, {
    isComponent: (el) => el.nodeType === 1 && el.getAttribute(BLOCK_ATTRIBUTE) === BLOCK_KINDS.countdown,
    model: {
      defaults: { name: ui('funnelBuilder.components.countdown'), droppable: false, traits: traitsFor('evergreen') },
      init() {
        this.setTraits(traitsFor(this.mode()));
        this.on('change:attributes:data-mode', () => {
          const mode = this.mode();
          // Switching to a fixed date with none set: tomorrow at the same time, rather than an empty countdown.
          if (mode === 'fixed' && !this.getAttributes()['data-until']) {
            this.addAttributes({ 'data-until': localToIso(isoToLocal(new Date(Date.now() + 86_400_000).toISOString())) });
          }
          if (mode === 'evergreen' && !this.getAttributes()['data-minutes']) this.addAttributes({ 'data-minutes': String(DEFAULT_COUNTDOWN_MINUTES) });
          this.setTraits(traitsFor(mode));
        });
      },
      mode(): TMode {
        return this.getAttributes()['data-mode'] === 'fixed' ? 'fixed' : 'evergreen';
      },
    },
    view: {
      init() {
        this.listenTo(this.model, 'change:attributes', this.renderFigures);
      },
      onRender() {
        this.renderFigures();
      },
      /** Writes the starting figures into the units' elements (display only: the saved markup keeps its zeros). */
      renderFigures() {
        const parts = countdownParts(this.model.getAttributes(), new Date());
        for (const unit of (this.el as HTMLElement).querySelectorAll<HTMLElement>('[data-unit]')) {
          const value = parts[unit.dataset.unit as keyof typeof parts];
          if (value !== undefined) unit.textContent = value;
        }
      },
    },
  });
}

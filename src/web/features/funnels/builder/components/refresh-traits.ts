import type { Component } from 'grapesjs';

/**
 * Re-reads the settings whose value comes from the markup (a custom `getValue`): GrapesJS reads them when the trait is
 * created and keeps its input, so after a change elsewhere (another setting adding a field, undo) they would show an
 * old value.
 */
export function refreshTraits(component: Component | undefined | null): void {
  for (const trait of component?.getTraits() ?? []) {
    if (trait.get('getValue')) trait.targetUpdated();
  }
}

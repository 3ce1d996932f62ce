import 'i18next';
import type { TTranslation } from './resources.js';

// Typed keys: t('nav.crm') is checked at compile time against the French resources.
declare module 'i18next' {
  // Module augmentation only works with declaration merging, which needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TTranslation };
  }
}

import enAds from './en/ads.json';
import enAi from './en/ai.json';
import enApp from './en/app.json';
import enCrm from './en/crm.json';
import enCrmAutomations from './en/crm-automations.json';
import enCrmContacts from './en/crm-contacts.json';
import enCrmImport from './en/crm-import.json';
import enCrmRecord from './en/crm-record.json';
import enCrmSegments from './en/crm-segments.json';
import enCrmSettings from './en/crm-settings.json';
import enDashboard from './en/dashboard.json';
import enEmail from './en/email.json';
import enEmailEditor from './en/email-editor.json';
import enAuth from './en/auth.json';
import enFunnels from './en/funnels.json';
import enCommerce from './en/commerce.json';
import enFunnelBuilder from './en/funnel-builder.json';
import enModules from './en/modules.json';
import enSettings from './en/settings.json';
import frAds from './fr/ads.json';
import frAi from './fr/ai.json';
import frApp from './fr/app.json';
import frCrm from './fr/crm.json';
import frCrmAutomations from './fr/crm-automations.json';
import frCrmContacts from './fr/crm-contacts.json';
import frCrmImport from './fr/crm-import.json';
import frCrmRecord from './fr/crm-record.json';
import frCrmSegments from './fr/crm-segments.json';
import frCrmSettings from './fr/crm-settings.json';
import frDashboard from './fr/dashboard.json';
import frEmail from './fr/email.json';
import frEmailEditor from './fr/email-editor.json';
import frAuth from './fr/auth.json';
import frFunnels from './fr/funnels.json';
import frCommerce from './fr/commerce.json';
import frFunnelBuilder from './fr/funnel-builder.json';
import frModules from './fr/modules.json';
import frSettings from './fr/settings.json';

// French is the reference: English must provide every key French has (checked by `satisfies`).
const fr = {
  ...frApp,
  ...frAuth,
  ...frModules,
  ...frDashboard,
  ...frEmail,
  ...frEmailEditor,
  ...frFunnels,
  ...frCommerce,
  ...frAds,
  ...frAi,
  ...frFunnelBuilder,
  ...frSettings,
  ...frCrm,
  ...frCrmAutomations,
  ...frCrmContacts,
  ...frCrmImport,
  ...frCrmRecord,
  ...frCrmSegments,
  ...frCrmSettings,
};
const en = {
  ...enApp,
  ...enAuth,
  ...enModules,
  ...enDashboard,
  ...enEmail,
  ...enEmailEditor,
  ...enFunnels,
  ...enCommerce,
  ...enAds,
  ...enAi,
  ...enFunnelBuilder,
  ...enSettings,
  ...enCrm,
  ...enCrmAutomations,
  ...enCrmContacts,
  ...enCrmImport,
  ...enCrmRecord,
  ...enCrmSegments,
  ...enCrmSettings,
} satisfies typeof fr;

export const SUPPORTED_LANGUAGES = ['fr', 'en'] as const;
export type TLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

export type TTranslation = typeof fr;

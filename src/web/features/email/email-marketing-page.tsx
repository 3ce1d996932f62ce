import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';

/** /email-marketing: campaigns, sequences and contacts, not built yet. */
export function EmailMarketingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('email.title')} description={t('email.description')} />
      <ComingSoon sections={t('email.sections', { returnObjects: true })} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';

/** /ads: multi-platform ad campaigns, not built yet. */
export function AdsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('ads.title')} description={t('ads.description')} />
      <ComingSoon sections={t('ads.sections', { returnObjects: true })} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';

/** /funnels: the sales funnels module, not built yet. */
export function FunnelsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('funnels.title')} description={t('funnels.description')} />
      <ComingSoon sections={t('funnels.sections', { returnObjects: true })} />
    </>
  );
}

import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLeadFilter } from '../../../../contracts/crm.js';
import { exportUrl } from './import-api.js';

/** "Exporter": downloads the leads of the filter (all leads without one) as a CSV that re-imports as is. */
export function ExportButton({ filter }: { filter?: TLeadFilter }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={exportUrl(filter)} download variant="default" title={t('crmImport.exportHint')}>
      {t('crmImport.exportButton')}
    </Button>
  );
}

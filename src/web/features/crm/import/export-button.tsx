import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLeadFilter } from '../../../../contracts/crm.js';
import { exportUrl } from './import-api.js';

/**
 * "Exporter": downloads the leads of the filter (all leads without one) as a CSV that re-imports as is.
 * With a count it is the Contacts tab's "export these N leads" (the table's current filter).
 */
export function ExportButton({ filter, count }: { filter?: TLeadFilter; count?: number }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={exportUrl(filter)} download variant="default" size={count === undefined ? undefined : 'xs'} title={t('crmImport.exportHint')}>
      {count === undefined ? t('crmImport.exportButton') : t('crmImport.exportFiltered', { count })}
    </Button>
  );
}

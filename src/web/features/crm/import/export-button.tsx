import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../../contracts/crm-imports.js';
import type { TLeadFilter } from '../../../../contracts/crm.js';
import { exportUrl } from './import-api.js';

/**
 * "Exporter": downloads the leads of the filter (all leads without one), as an Excel (France) file (`;`,
 * French headers and statuses) or the standard CSV that re-imports as is.
 * With a count it is the Contacts tab's "export these N leads" (the table's current filter).
 */
export function ExportButton({ filter, count }: { filter?: TLeadFilter; count?: number }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={count === undefined ? undefined : 'xs'} rightSection={<IconChevronDown size={14} />}>
          {count === undefined ? t('crmImport.exportButton') : t('crmImport.exportFiltered', { count })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ExportItems filter={filter} />
      </Menu.Dropdown>
    </Menu>
  );
}

/** One menu item per export format (also used by the CRM header's menu on a phone). */
export function ExportItems({ filter }: { filter?: TLeadFilter }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Excel (France) first: what most French users want to open. */}
      {[...EXPORT_FORMATS].reverse().map((format) => (
        <Menu.Item
          key={format}
          component="a"
          href={exportUrl(filter, format)}
          download
          leftSection={<IconDownload size={14} />}
          title={t(`crmImport.exportFormats.${format}Hint`)}
        >
          {t(`crmImport.exportFormats.${format}`)}
        </Menu.Item>
      ))}
    </>
  );
}

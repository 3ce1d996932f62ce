import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDotsVertical, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportButton, ExportItems } from './import/export-button.js';

type Props = { canEdit: boolean; onAdd: () => void; onImport: () => void };

/** The CRM header's actions: "+ Ajouter", "Importer", "Exporter"; on a phone the last two go into a menu so the header stays on one row. */
export function CrmActions({ canEdit, onAdd, onImport }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const add = canEdit && (
    <Button onClick={onAdd} style={{ flexShrink: 0 }}>
      {t('crmBoard.add.button')}
    </Button>
  );
  if (phone) {
    return (
      <Group gap="xs" wrap="nowrap">
        {add}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label={t('crmImport.moreActions')}>
              <IconDotsVertical size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canEdit && (
              <Menu.Item leftSection={<IconUpload size={14} />} onClick={onImport}>
                {t('crmImport.importButton')}
              </Menu.Item>
            )}
            <ExportItems />
          </Menu.Dropdown>
        </Menu>
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap">
      {add}
      {canEdit && (
        <Button variant="default" onClick={onImport}>
          {t('crmImport.importButton')}
        </Button>
      )}
      <ExportButton />
    </Group>
  );
}

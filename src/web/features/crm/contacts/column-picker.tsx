import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TColumn } from './contacts-columns.js';

type Props = { available: TColumn[]; chosen: string[]; onChange: (columns: string[]) => void };

/** "Colonnes": which columns the table shows (the name always stays: it opens the lead). */
export function ColumnPicker({ available, chosen, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (key: string) =>
    onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : available.map((c) => c.key).filter((k) => k === key || chosen.includes(k)));
  const firstCustom = available.findIndex((c) => c.key.startsWith('custom.'));
  return (
    <Popover position="bottom-start" shadow="md" width={240} trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('crmContacts.toolbar.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6}>
            {available.map((column, i) => (
              <div key={column.key}>
                {i === firstCustom && (
                  <Text size="xs" c="dimmed" mt="xs" mb={4}>
                    {t('crmContacts.toolbar.customFields')}
                  </Text>
                )}
                <Checkbox
                  label={column.label}
                  checked={column.key === 'name' || chosen.includes(column.key)}
                  disabled={column.key === 'name'}
                  onChange={() => toggle(column.key)}
                />
              </div>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_PREFIX, IMPORT_LEAD_FIELDS, type TImportMapping } from '../../../../contracts/crm-imports.js';
import type { TCustomField } from '../../../../contracts/crm.js';
import type { TCsvPreview } from './csv-preview.js';

type Props = { preview: TCsvPreview; customFields: TCustomField[]; mapping: TImportMapping; onChange: (mapping: TImportMapping) => void };

/**
 * One line per CSV column: its name, a few values, and the lead field it fills (each field once).
 * On a phone each column is a card with the select at full width (a three-column table cut the selects off).
 */
export function MappingTable({ preview, customFields, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const used = new Set(Object.values(mapping));
  const options = (header: string) => {
    const item = (value: string, label: string) => ({ value, label, disabled: used.has(value) && mapping[header] !== value });
    return [
      { group: t('crmImport.mapping.standard'), items: IMPORT_LEAD_FIELDS.map((field) => item(field, t(`crmImport.fields.${field}`))) },
      ...(customFields.length > 0
        ? [{ group: t('crmImport.mapping.custom'), items: customFields.map((f) => item(`${CUSTOM_FIELD_PREFIX}${f.key}`, f.label)) }]
        : []),
    ];
  };
  const setTarget = (header: string, target: string | null) => {
    const next = { ...mapping };
    if (target) next[header] = target;
    else delete next[header];
    onChange(next);
  };
  const sample = (index: number) =>
    preview.rows
      .map((row) => row[index]?.trim())
      .filter(Boolean)
      .slice(0, 3)
      .join(' · ');
  const select = (header: string) => (
    <Select
      aria-label={t('crmImport.mapping.fieldFor', { column: header })}
      placeholder={t('crmImport.mapping.ignore')}
      data={options(header)}
      value={mapping[header] ?? null}
      onChange={(value) => setTarget(header, value)}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
    />
  );
  if (phone) {
    return (
      <Stack gap="xs">
        {preview.headers.map((header, index) =>
          header === '' ? null : (
            <Paper key={`${index}-${header}`} withBorder p="xs" radius="md">
              <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {header}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1} mb={4}>
                {sample(index)}
              </Text>
              {select(header)}
            </Paper>
          ),
        )}
      </Stack>
    );
  }
  return (
    <Table withTableBorder striped verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('crmImport.mapping.column')}</Table.Th>
          <Table.Th>{t('crmImport.mapping.sample')}</Table.Th>
          <Table.Th w={260}>{t('crmImport.mapping.field')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.headers.map((header, index) =>
          header === '' ? null : (
            <Table.Tr key={`${index}-${header}`}>
              <Table.Td fw={500}>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {sample(index)}
                </Text>
              </Table.Td>
              <Table.Td>{select(header)}</Table.Td>
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}

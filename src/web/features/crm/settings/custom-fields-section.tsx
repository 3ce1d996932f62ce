import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../../ui/row-actions.js';
import type { TCustomField } from '../../../../contracts/crm.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { TitledSection } from '../../../ui/titled-section.js';
import { useConfirmedDelete } from '../../settings/use-confirmed-delete.js';
import { CUSTOM_FIELDS_KEY, useCustomFields } from '../crm-api.js';
import { CustomFieldModal, type TFieldEditTarget } from './custom-field-modal.js';
import { QueryTable } from '../../../ui/query-table.js';

/** Custom lead fields: list, add, edit and delete (administrators; others read). */
export function CustomFieldsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const [editing, setEditing] = useState<TFieldEditTarget>(null);
  const deletion = useConfirmedDelete<TCustomField>({
    basePath: '/api/marketing/custom-fields',
    queryKey: CUSTOM_FIELDS_KEY,
    successMessage: t('crmSettings.customFields.deleted'),
  });
  return (
    <TitledSection id="crm-custom-fields-title" title={t('crmSettings.customFields.title')}>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" maw={720}>
          {t('crmSettings.customFields.description')}
        </Text>
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('crmSettings.customFields.add')}
          </Button>
        )}
      </Group>
      {!canEdit && (
        <Text size="sm" c="dimmed">
          {t('crmSettings.customFields.adminOnly')}
        </Text>
      )}
      <QueryTable
        query={fields}
        empty={t('crmSettings.customFields.none')}
        minWidth={600}
        spacing="xs"
        labelledBy="crm-custom-fields-title"
        headers={[
          t('crmSettings.customFields.label'),
          t('crmSettings.customFields.key'),
          t('crmSettings.customFields.type'),
          t('crmSettings.customFields.options'),
          ...(canEdit ? [t('crmSettings.actions')] : []),
        ]}
        row={(field) => (
          <Table.Tr key={field.id}>
            <Table.Td>{field.label}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {field.key}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{t(`crmSettings.customFields.types.${field.field_type}`)}</Badge>
            </Table.Td>
            <Table.Td>{field.options.join(', ')}</Table.Td>
            {canEdit && (
              <Table.Td>
                <RowActions name={field.label} onEdit={() => setEditing(field)} onDelete={() => deletion.ask(field)} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      <CustomFieldModal target={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deletion.pending !== null}
        title={t('crmSettings.customFields.deleteTitle')}
        confirmLabel={t('crmSettings.delete')}
        loading={deletion.isPending}
        onConfirm={deletion.confirm}
        onClose={deletion.cancel}
      >
        {t('crmSettings.customFields.deleteBody', { label: deletion.pending?.label ?? '' })}
      </ConfirmModal>
    </TitledSection>
  );
}

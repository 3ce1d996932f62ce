import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadUpdateBody } from '../../../../contracts/crm.js';
import { notifyError } from '../../../lib/errors.js';
import { leadKey, useUpdateLead } from './lead-drawer-api.js';

/**
 * Saves one change of a lead (a field, a stage) on its own and confirms it with an "Annuler" that puts the
 * previous values back. The caller passes the change and what undoes it; a refusal is thrown to the caller,
 * which shows it in place.
 */
export function useSaveLeadChange(lead: TLead) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateLead(lead.id);
  const apply = async (body: TLeadUpdateBody) => {
    const saved = await update.mutateAsync(body);
    queryClient.setQueryData(leadKey(lead.id), saved);
    return saved;
  };
  return async (change: TLeadUpdateBody, undo: TLeadUpdateBody, what: string) => {
    await apply(change);
    const id = `lead-change-${lead.id}-${Date.now()}`;
    notifications.show({
      id,
      color: 'green',
      message: (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm">{t('crmRecord.savedField', { field: what })}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              notifications.hide(id);
              apply(undo).then(
                () => notifications.show({ color: 'gray', message: t('crmRecord.undone', { field: what }) }),
                (error: unknown) => notifyError(error, t),
              );
            }}
          >
            {t('crmRecord.undo')}
          </Button>
        </Group>
      ),
    });
  };
}

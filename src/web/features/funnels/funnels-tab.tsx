import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFilter, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_TYPES, type TFunnel, type TFunnelType } from '../../../contracts/funnels.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { FunnelCard } from './funnel-card.js';
import { useFunnels } from './funnels-api.js';
import { useDeleteFunnel, useDuplicateFunnel, useFunnelPublication } from './use-funnel-mutations.js';

type Props = { canEdit: boolean; onCreate: () => void; onBrowseTemplates: () => void };

/** "Mes Tunnels": the workspace's funnels as cards, newest first, with a type filter and "Charger plus". */
export function FunnelsTab({ canEdit, onCreate, onBrowseTemplates }: Props) {
  const { t } = useTranslation();
  const [funnelType, setFunnelType] = useState<TFunnelType | null>(null);
  const funnels = useFunnels(funnelType);
  const duplicate = useDuplicateFunnel();
  const publication = useFunnelPublication();
  const remove = useDeleteFunnel();
  const [deleting, setDeleting] = useState<TFunnel | null>(null);
  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('funnelList.list.type')}
          placeholder={t('funnelList.list.allTypes')}
          leftSection={<IconFilter size={16} aria-hidden />}
          data={FUNNEL_TYPES.map((value) => ({ value, label: t(`funnelList.types.${value}`) }))}
          value={funnelType}
          onChange={(value) => setFunnelType(value as TFunnelType | null)}
          clearable
          w={220}
        />
      </Group>
      <QueryState query={funnels}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return funnelType ? (
              <EmptyState
                compact
                message={t('funnelList.list.noMatch')}
                actions={[{ label: t('funnelList.list.clearFilter'), onClick: () => setFunnelType(null) }]}
              />
            ) : (
              <EmptyState
                icon={<IconTemplate size={30} stroke={1.5} />}
                title={t('funnelList.list.emptyTitle')}
                message={t('funnelList.list.empty')}
                actions={
                  canEdit
                    ? [
                        { label: t('funnelList.create.button'), icon: <IconPlus size={16} aria-hidden />, onClick: onCreate, primary: true },
                        { label: t('funnelList.list.browseTemplates'), onClick: onBrowseTemplates },
                      ]
                    : []
                }
              />
            );
          }
          return (
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {items.map((funnel) => (
                  <FunnelCard
                    key={funnel.id}
                    funnel={funnel}
                    canEdit={canEdit}
                    duplicating={duplicate.isPending && duplicate.variables?.id === funnel.id}
                    onDuplicate={duplicate.mutate}
                    onPublication={(target, action) => publication.mutate({ funnel: target, action })}
                    onDelete={setDeleting}
                  />
                ))}
              </SimpleGrid>
              {funnels.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={funnels.isFetchingNextPage} onClick={() => void funnels.fetchNextPage()}>
                    {t('funnelList.list.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <ConfirmModal
        opened={deleting !== null}
        title={t('funnelList.view.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('funnelList.view.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      >
        {t(deleting?.is_active ? 'funnelList.view.deleteBodyPublished' : 'funnelList.view.deleteBody')}
      </ConfirmModal>
    </Stack>
  );
}

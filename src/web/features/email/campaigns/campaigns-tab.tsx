import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EMAIL_CAMPAIGN_STATUSES, type TEmailCampaign, type TEmailCampaignStatus, type TEmailCampaignSummary } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, useCampaigns } from '../email-api.js';
import { CampaignCard } from './campaign-card.js';

type Props = { canEdit: boolean; onCreate: () => void };

/** The campaigns as cards, newest first, with a status filter and a search on name and subject. */
export function CampaignsTab({ canEdit, onCreate }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TEmailCampaignStatus | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const campaigns = useCampaigns({ status, q });
  const duplicate = useDuplicate();
  const filtered = status !== null || q.trim() !== '';

  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('email.list.search')}
          placeholder={t('email.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={320}
          style={{ flexGrow: 1 }}
        />
        <Select
          label={t('email.list.status')}
          placeholder={t('email.list.allStatuses')}
          data={EMAIL_CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`email.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as TEmailCampaignStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <QueryState query={campaigns}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return filtered ? (
              <EmptyState compact message={t('email.list.noMatch')} />
            ) : (
              <EmptyState
                title={t('email.list.emptyTitle')}
                message={t('email.list.empty')}
                actions={canEdit ? [{ label: t('email.create.button'), icon: <IconPlus size={16} aria-hidden />, onClick: onCreate, primary: true }] : []}
              />
            );
          }
          return (
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {items.map((campaign) => (
                  <CampaignCard
                    key={campaign.id}
                    campaign={campaign}
                    canEdit={canEdit}
                    duplicating={duplicate.isPending && duplicate.variables?.id === campaign.id}
                    onDuplicate={duplicate.mutate}
                  />
                ))}
              </SimpleGrid>
              {campaigns.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={campaigns.isFetchingNextPage} onClick={() => void campaigns.fetchNextPage()}>
                    {t('email.list.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** "Dupliquer": a new draft named "<name> (copie)" in the reader's language, opened at once. */
function useDuplicate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (campaign: TEmailCampaignSummary) =>
      api.post<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaign.id}/duplicate`, { name: t('email.copyName', { name: campaign.name }).slice(0, 200) }),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void navigate(`/email-marketing/campaigns/${copy.id}`);
    },
    onError: (error) => notifyError(error, t),
  });
}

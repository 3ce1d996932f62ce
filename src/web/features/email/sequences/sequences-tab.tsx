import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEQUENCE_STATUSES, type TSequenceStatus } from '../../../../contracts/email-sequences.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { SequenceCard } from './sequence-card.js';
import { useSequences } from './sequences-api.js';

type Props = { canEdit: boolean; onCreate: () => void };

/** The "Séquences" tab: the sequences as cards, newest first, with a status filter. */
export function SequencesTab({ canEdit, onCreate }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TSequenceStatus | null>(null);
  const sequences = useSequences(status);
  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('email.list.status')}
          placeholder={t('email.list.allStatuses')}
          data={SEQUENCE_STATUSES.map((value) => ({ value, label: t(`email.sequences.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as TSequenceStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <QueryState query={sequences}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return status ? (
              <EmptyState compact message={t('email.sequences.list.noMatch')} />
            ) : (
              <EmptyState
                icon={<IconTimeline size={30} stroke={1.5} />}
                title={t('email.sequences.list.emptyTitle')}
                message={t('email.sequences.list.empty')}
                actions={
                  canEdit ? [{ label: t('email.sequences.create.button'), icon: <IconPlus size={16} aria-hidden />, onClick: onCreate, primary: true }] : []
                }
              />
            );
          }
          return (
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {items.map((sequence) => (
                  <SequenceCard key={sequence.id} sequence={sequence} />
                ))}
              </SimpleGrid>
              {sequences.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={sequences.isFetchingNextPage} onClick={() => void sequences.fetchNextPage()}>
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

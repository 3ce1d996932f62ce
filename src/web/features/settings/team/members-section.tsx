import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMember } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { QueryState } from '../../../ui/query-state.js';
import { MemberRow } from './member-row.js';
import { MEMBERS_KEY } from '../query-keys.js';
import { RemoveMemberModal } from './remove-member-modal.js';
import { TitledSection } from '../../../ui/titled-section.js';

/** The workspace's members; admins change roles and remove people from here. */
export function MembersSection() {
  const { t } = useTranslation();
  const members = useQuery({ queryKey: MEMBERS_KEY, queryFn: () => api.get<TMember[]>('/api/workspace/members') });
  const [removing, setRemoving] = useState<TMember | null>(null);

  return (
    <TitledSection id="members-title" title={t('settings.team.members')}>
      <QueryState query={members}>
        {(list) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.team.name')}</Table.Th>
                  <Table.Th>{t('settings.team.email')}</Table.Th>
                  <Table.Th>{t('settings.team.role')}</Table.Th>
                  <Table.Th>{t('settings.team.since')}</Table.Th>
                  <Table.Th>{t('settings.team.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((member) => (
                  <MemberRow key={member.id} member={member} onRemove={() => setRemoving(member)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} />
    </TitledSection>
  );
}

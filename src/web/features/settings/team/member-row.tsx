import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../contracts/common.js';
import type { TMember } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatDate } from '../../../lib/format.js';
import { isAdmin, ME_KEY, useSignedInMe } from '../../auth/session.js';
import { ALL_ROLES, asRole, GRANTABLE_ROLES, roleOptions } from '../role-options.js';
import { MEMBERS_KEY } from '../query-keys.js';

type Props = { member: TMember; onRemove: () => void };

/** One member; editable by admins, except owners (only owners touch owners) and oneself (use Leave). */
export function MemberRow({ member, onRemove }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const self = member.user_id === me.user?.id;
  const allowedRoles: readonly TRole[] = me.role === 'owner' ? ALL_ROLES : GRANTABLE_ROLES;
  const editable = isAdmin(me.role) && !self && (member.role !== 'owner' || me.role === 'owner');

  const changeRole = useMutation({
    mutationFn: (role: TRole) => api.patch<TMember>(`/api/workspace/members/${member.id}`, { role }),
    onSuccess: async (updated) => {
      notifications.show({
        color: 'teal',
        message: t('settings.team.roleChanged', { name: updated.name, role: t(`roles.${updated.role}`) }),
      });
      await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => notifyError(error, t),
  });

  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500} span>
          {member.name}
        </Text>
        {self && (
          <Badge ml="xs" variant="light" size="sm">
            {t('common.you')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        {editable ? (
          <NativeSelect
            aria-label={t('settings.team.accessOf', { name: member.name })}
            value={member.role}
            disabled={changeRole.isPending}
            data={roleOptions(allowedRoles, t)}
            onChange={(event) => {
              const role = asRole(event.currentTarget.value, allowedRoles);
              if (role && role !== member.role) changeRole.mutate(role);
            }}
            size="xs"
            w={170}
          />
        ) : (
          <Badge variant="outline">{t(`roles.${member.role}`)}</Badge>
        )}
      </Table.Td>
      <Table.Td>{formatDate(member.created_at, false)}</Table.Td>
      <Table.Td>
        {editable && (
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('settings.team.remove')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

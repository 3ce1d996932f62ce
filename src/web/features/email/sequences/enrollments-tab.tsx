import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ENROLLMENT_STATES, flattenSteps, type TEnrollment, type TEnrollmentState, type TSequence } from '../../../../contracts/email-sequences.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { useDescribeStep } from './describe-step.js';
import { EnrollLeadModal } from './enroll-lead-modal.js';
import { enrollmentsKey, SEQUENCES_KEY, SEQUENCES_PATH, useEnrollments, useSequenceEmails } from './sequences-api.js';

const STATE_COLORS = { active: 'blue', completed: 'teal', exited: 'gray' } as const;

/** "Inscriptions": who is in the sequence, where each lead is and when its step runs; enroll and remove by hand. */
export function EnrollmentsTab({ sequence, canEdit }: { sequence: TSequence; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TEnrollmentState | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState<TEnrollment | null>(null);
  const enrollments = useEnrollments(sequence.id, state);
  const describe = useDescribeStep(useSequenceEmails(sequence.steps));
  const stepsById = new Map(flattenSteps(sequence.steps).map(({ step }) => [step.id, step]));
  const remove = useMutation({
    mutationFn: (enrollment: TEnrollment) => api.delete(`${SEQUENCES_PATH}/${sequence.id}/enrollments/${enrollment.lead_id}`),
    onSuccess: async () => {
      setRemoving(null);
      notifications.show({ color: 'teal', message: t('email.sequences.enrollments.removed') });
      await queryClient.invalidateQueries({ queryKey: enrollmentsKey(sequence.id) });
      await queryClient.invalidateQueries({ queryKey: SEQUENCES_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  const nameOf = (enrollment: TEnrollment) =>
    [enrollment.lead.first_name, enrollment.lead.last_name].filter(Boolean).join(' ') || enrollment.lead.email || t('email.sequences.enrollments.noName');
  const stateOf = (enrollment: TEnrollment) =>
    enrollment.state === 'exited' && enrollment.exit_reason
      ? t('email.sequences.enrollments.exitedBecause', { reason: t(`email.sequences.exitReasons.${enrollment.exit_reason}`) })
      : t(`email.sequences.enrollments.states.${enrollment.state}`);
  const currentStep = (enrollment: TEnrollment) => {
    if (!enrollment.step_id) return '—';
    const step = stepsById.get(enrollment.step_id);
    return step ? describe(step) : t('email.sequences.enrollments.removedStep');
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t('email.sequences.enrollments.filter')}
          placeholder={t('email.sequences.enrollments.allStates')}
          data={ENROLLMENT_STATES.map((value) => ({ value, label: t(`email.sequences.enrollments.states.${value}`) }))}
          value={state}
          onChange={(value) => setState(value as TEnrollmentState | null)}
          clearable
          w={220}
        />
        {canEdit && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEnrolling(true)}>
            {t('email.sequences.enrollments.enroll')}
          </Button>
        )}
      </Group>
      {sequence.status === 'draft' && (
        <Text size="sm" c="dimmed">
          {t('email.sequences.enrollments.draftHint')}
        </Text>
      )}
      <QueryState query={enrollments}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0)
            return <EmptyState compact message={t(state ? 'email.sequences.enrollments.noMatch' : 'email.sequences.enrollments.empty')} />;
          return (
            <Stack>
              <Table.ScrollContainer minWidth={760}>
                <Table striped verticalSpacing="sm" aria-label={t('email.sequences.tabs.enrollments')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('email.sequences.enrollments.lead')}</Table.Th>
                      <Table.Th>{t('email.sequences.enrollments.state')}</Table.Th>
                      <Table.Th>{t('email.sequences.enrollments.step')}</Table.Th>
                      <Table.Th>{t('email.sequences.enrollments.due')}</Table.Th>
                      <Table.Th>{t('email.sequences.enrollments.entered')}</Table.Th>
                      {canEdit && <Table.Th aria-label={t('email.sequences.enrollments.actions')} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((enrollment) => (
                      <Table.Tr key={enrollment.id} data-testid="enrollment-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/crm/leads/${enrollment.lead_id}`} size="sm" fw={600}>
                            {nameOf(enrollment)}
                          </Anchor>
                          {enrollment.lead.email && (
                            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                              {enrollment.lead.email}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={enrollment.exit_reason === 'goal' ? 'teal' : STATE_COLORS[enrollment.state]}
                            style={{ textTransform: 'none' }}
                          >
                            {stateOf(enrollment)}
                          </Badge>
                        </Table.Td>
                        <Table.Td data-testid="enrollment-step">{currentStep(enrollment)}</Table.Td>
                        <Table.Td>{enrollment.due_at ? format.dateTime(enrollment.due_at) : '—'}</Table.Td>
                        <Table.Td>{format.dateTime(enrollment.entered_at)}</Table.Td>
                        {canEdit && (
                          <Table.Td>
                            {enrollment.state === 'active' && (
                              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(enrollment)}>
                                {t('email.sequences.enrollments.remove')}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {enrollments.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={enrollments.isFetchingNextPage} onClick={() => void enrollments.fetchNextPage()}>
                    {t('email.list.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <EnrollLeadModal sequenceId={sequence.id} opened={enrolling} onClose={() => setEnrolling(false)} />
      <ConfirmModal
        opened={removing !== null}
        title={t('email.sequences.enrollments.removeTitle', { name: removing ? nameOf(removing) : '' })}
        confirmLabel={t('email.sequences.enrollments.remove')}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        {t('email.sequences.enrollments.removeBody')}
      </ConfirmModal>
    </Stack>
  );
}

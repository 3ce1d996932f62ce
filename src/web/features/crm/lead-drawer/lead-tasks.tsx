import { ActionIcon, Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.js';
import { useFormatDate } from '../../../lib/format.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { useReportDirty } from './dirty-guard.js';
import { useTaskMutations, useTasks } from './lead-drawer-api.js';

/** The lead's to-dos: tick one off, add one (title, due date, assignee), delete one. `focusAt` puts the cursor in a new task. */
export function LeadTasks({ leadId, canEdit, focusAt }: { leadId: string; canEdit: boolean; focusAt?: number }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const { data: tasks = [] } = useTasks(leadId);
  const { data: members = [] } = useWorkspaceMembers();
  const { add, update, remove } = useTaskMutations(leadId);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const titleRef = useRef<HTMLInputElement>(null);
  useReportDirty('task', title.trim() !== '');
  useEffect(() => {
    if (focusAt) titleRef.current?.focus();
  }, [focusAt]);
  const nameOf = (id: string | null) => members.find((m) => m.user_id === id)?.name;

  const submit = () =>
    add.mutate(
      { title: title.trim(), due_at: due ? new Date(due).toISOString() : null, assignee_id: assignee },
      {
        onSuccess: () => {
          setTitle('');
          setDue('');
          setAssignee(null);
          setErrors({});
        },
        onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
      },
    );

  return (
    <Stack gap="xs">
      <Title order={4}>{t('crmContacts.tasks.title')}</Title>
      {tasks.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('crmContacts.tasks.empty')}
        </Text>
      )}
      {tasks.map((task) => {
        const overdue = !task.done && task.due_at !== null && Date.parse(task.due_at) < Date.now();
        return (
          <Group key={task.id} justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              checked={task.done}
              disabled={!canEdit}
              onChange={(e) => update.mutate({ id: task.id, body: { done: e.currentTarget.checked } })}
              aria-label={t('crmContacts.tasks.toggle', { title: task.title })}
              label={
                <Stack gap={0}>
                  <Text size="sm" td={task.done ? 'line-through' : undefined} c={task.done ? 'dimmed' : undefined}>
                    {task.title}
                  </Text>
                  <Group gap={6}>
                    {task.due_at && (
                      <Text size="xs" c="dimmed">
                        {t('crmContacts.tasks.dueOn', { date: date(task.due_at) })}
                      </Text>
                    )}
                    {overdue && (
                      <Badge size="xs" color="red" variant="light">
                        {t('crmContacts.tasks.overdue')}
                      </Badge>
                    )}
                    {task.assignee_id && (
                      <Text size="xs" c="dimmed">
                        {nameOf(task.assignee_id)}
                      </Text>
                    )}
                  </Group>
                </Stack>
              }
            />
            {canEdit && (
              <ActionIcon variant="subtle" color="red" aria-label={t('crmContacts.tasks.delete', { title: task.title })} onClick={() => remove.mutate(task.id)}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              ref={titleRef}
              label={t('crmContacts.tasks.new')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              required
              style={{ flex: '2 1 180px' }}
            />
            <TextInput
              label={t('crmContacts.tasks.due')}
              type="datetime-local"
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errors.due_at}
              style={{ flex: '1 1 150px' }}
            />
            <Select
              label={t('crmContacts.tasks.assignee')}
              data={members.map((m) => ({ value: m.user_id, label: m.name }))}
              value={assignee}
              onChange={setAssignee}
              clearable
              error={errors.assignee_id}
              style={{ flex: '1 1 140px' }}
            />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('crmContacts.tasks.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

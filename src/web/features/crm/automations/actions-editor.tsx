import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUTOMATION_ACTION_TYPES, UNAVAILABLE_ACTION_TYPES, type TAutomationActionType } from '../../../../contracts/crm-automations.js';
import { ActionFields } from './action-fields.js';
import { newDraftAction, type TAutomationDraft } from './automation-draft.js';

type Props = { form: UseFormReturnType<TAutomationDraft>; readOnly: boolean };

const MAX_ACTIONS = 20;

/** "Then…": the ordered actions, each with its type and parameters; add, remove, move up and down. */
export function ActionsEditor({ form, readOnly }: Props) {
  const { t } = useTranslation();
  const actions = form.values.actions;
  const typeOptions = AUTOMATION_ACTION_TYPES.map((value) => {
    const unavailable = (UNAVAILABLE_ACTION_TYPES as readonly string[]).includes(value);
    const label = t(`crmAutomations.actionTypes.${value}`);
    // An action whose module is not there yet keeps its place in the list but cannot be chosen.
    return { value, label: unavailable ? `${label} — ${t('crmAutomations.unavailable')}` : label, disabled: unavailable };
  });
  return (
    <Stack gap="sm">
      {actions.map((action, index) => {
        const n = index + 1;
        return (
          <Paper key={action.key} withBorder p="sm" radius="md" role="group" aria-label={t('crmAutomations.editor.step', { n })}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end" wrap="nowrap">
                <Select
                  label={t('crmAutomations.editor.step', { n })}
                  data={typeOptions}
                  allowDeselect={false}
                  readOnly={readOnly}
                  style={{ flex: 1 }}
                  value={action.type}
                  error={form.errors[`actions.${index}.type`]}
                  onChange={(value) => value && form.setFieldValue(`actions.${index}`, { ...newDraftAction(value as TAutomationActionType), key: action.key })}
                />
                {!readOnly && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={index === 0}
                      aria-label={t('crmAutomations.editor.moveUp', { n })}
                      onClick={() => form.reorderListItem('actions', { from: index, to: index - 1 })}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={index === actions.length - 1}
                      aria-label={t('crmAutomations.editor.moveDown', { n })}
                      onClick={() => form.reorderListItem('actions', { from: index, to: index + 1 })}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={actions.length === 1}
                      aria-label={t('crmAutomations.editor.remove', { n })}
                      onClick={() => form.removeListItem('actions', index)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              <ActionFields form={form} index={index} readOnly={readOnly} />
            </Stack>
          </Paper>
        );
      })}
      {form.errors.actions && (
        <Text size="sm" c="red">
          {form.errors.actions}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={actions.length >= MAX_ACTIONS}
            onClick={() => form.insertListItem('actions', newDraftAction())}
          >
            {t('crmAutomations.editor.addAction')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRuleGroup, type TRuleCondition, type TRuleGroup } from '../../../../contracts/crm-segments.js';
import { useSegmentFields, type TSegmentField } from './segment-fields.js';
import { ConditionInputs } from './condition-inputs.js';

type Props = { value: TRuleGroup; onChange: (rules: TRuleGroup) => void; readOnly?: boolean };

const MAX_DEPTH = 6;

/** A visual editor of a segment rule tree: nested AND/OR groups of conditions. */
export function RuleBuilder({ value, onChange, readOnly }: Props) {
  const fields = useSegmentFields();
  return <GroupEditor group={value} onChange={onChange} fields={fields} depth={1} readOnly={readOnly} />;
}

type GroupProps = {
  group: TRuleGroup;
  onChange: (group: TRuleGroup) => void;
  onRemove?: () => void;
  fields: TSegmentField[];
  depth: number;
  readOnly?: boolean;
};

function GroupEditor({ group, onChange, onRemove, fields, depth, readOnly }: GroupProps) {
  const { t } = useTranslation();
  const setChild = (index: number, child: TRuleGroup | TRuleCondition) => onChange({ ...group, rules: group.rules.map((r, i) => (i === index ? child : r)) });
  const removeChild = (index: number) => onChange({ ...group, rules: group.rules.filter((_, i) => i !== index) });
  const add = (child: TRuleGroup | TRuleCondition) => onChange({ ...group, rules: [...group.rules, child] });
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={depth % 2 === 0 ? 'var(--mantine-color-default-hover)' : undefined}
      role="group"
      aria-label={t('crmSegments.group')}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            size="xs"
            disabled={readOnly}
            value={group.op}
            onChange={(op) => onChange({ ...group, op: op as 'and' | 'or' })}
            data={[
              { value: 'and', label: t('crmSegments.ops.and') },
              { value: 'or', label: t('crmSegments.ops.or') },
            ]}
          />
          {onRemove && !readOnly && (
            <ActionIcon variant="subtle" color="red" aria-label={t('crmSegments.removeGroup')} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
        {group.rules.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('crmSegments.emptyGroup')}
          </Text>
        )}
        {group.rules.map((node, index) =>
          isRuleGroup(node) ? (
            <GroupEditor
              key={index}
              group={node}
              onChange={(child) => setChild(index, child)}
              onRemove={() => removeChild(index)}
              fields={fields}
              depth={depth + 1}
              readOnly={readOnly}
            />
          ) : (
            <ConditionRow
              key={index}
              condition={node}
              onChange={(child) => setChild(index, child)}
              onRemove={() => removeChild(index)}
              fields={fields}
              readOnly={readOnly}
            />
          ),
        )}
        {!readOnly && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => add({ field: 'status', operator: 'eq', value: 'new' })}>
              {t('crmSegments.addCondition')}
            </Button>
            {depth < MAX_DEPTH && (
              <Button size="xs" variant="subtle" onClick={() => add({ op: group.op === 'and' ? 'or' : 'and', rules: [] })}>
                {t('crmSegments.addGroup')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

type ConditionProps = { condition: TRuleCondition; onChange: (c: TRuleCondition) => void; onRemove: () => void; fields: TSegmentField[]; readOnly?: boolean };

function ConditionRow({ condition, onChange, onRemove, fields, readOnly }: ConditionProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" data-testid="segment-condition">
      <ConditionInputs condition={condition} onChange={onChange} fields={fields} readOnly={readOnly} />
      {!readOnly && (
        <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('crmSegments.removeCondition')} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

import { Anchor, Badge, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCustomField, TLead, TLeadUpdateBody } from '../../../../contracts/crm.js';
import { useFormatters } from '../../../lib/format.js';
import { MoneyField } from '../../../ui/number-field.js';
import { useCustomFields, useWorkspaceMembers } from '../crm-api.js';
import { CustomFieldInput } from './custom-field-input.js';
import { timeZoneOptions } from '../../../lib/regional.js';
import { InlineField, type TEditorProps } from './inline-field.js';
import { useSaveLeadChange } from './use-save-field.js';

const IDENTITY = ['first_name', 'last_name', 'email', 'phone', 'company', 'job_title'] as const;
type TTextField = (typeof IDENTITY)[number] | 'source' | 'notes' | 'lost_reason';

/** Empty text is stored as null. */
const textValue = (value: string) => (value.trim() === '' ? null : value.trim());

/** The lead's fields, read-only, each with its own inline edit (saved alone, with an undo). */
export function LeadFields({ lead, canEdit }: { lead: TLead; canEdit: boolean }) {
  const { t } = useTranslation();
  const money = useFormatters().money;
  const { data: members = [] } = useWorkspaceMembers();
  const { data: customFields = [] } = useCustomFields();
  const saveChange = useSaveLeadChange(lead);
  const label = (key: TTextField | 'estimated_value' | 'owner' | 'tags' | 'timezone') => t(`crmContacts.drawer.fields.${key}`);
  const save = (change: TLeadUpdateBody, what: string) => {
    const undo = Object.fromEntries(Object.keys(change).map((key) => [key, key === 'custom_fields' ? undoCustom(lead, change) : lead[key as keyof TLead]]));
    return saveChange(change, undo as TLeadUpdateBody, what);
  };

  const text = (key: TTextField, multiline = false) => (
    <InlineField<string>
      key={key}
      name={key}
      label={label(key)}
      value={lead[key] ?? ''}
      display={lead[key] ? textDisplay(key, lead[key]) : null}
      canEdit={canEdit}
      onSave={(value) => save({ [key]: textValue(value) }, label(key))}
      editor={(p) =>
        multiline ? <Textarea {...textProps(p)} autosize minRows={3} maxRows={12} /> : <TextInput {...textProps(p)} type={key === 'email' ? 'email' : 'text'} />
      }
    />
  );

  return (
    <Stack gap="md">
      <Title order={4}>{t('crmContacts.drawer.identity')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {IDENTITY.map((key) => text(key))}
      </SimpleGrid>
      <Title order={4}>{t('crmContacts.drawer.details')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <InlineField<number | ''>
          name="estimated_value"
          label={label('estimated_value')}
          value={lead.estimated_value ?? ''}
          display={lead.estimated_value === null ? null : money(lead.estimated_value)}
          canEdit={canEdit}
          onSave={(value) => save({ estimated_value: value === '' ? null : value }, label('estimated_value'))}
          editor={(p) => <MoneyField label={p.label} error={p.error} value={p.value} onChange={p.onChange} {...p.inputProps} />}
        />
        <InlineField<string | null>
          name="owner_id"
          label={label('owner')}
          value={lead.owner_id}
          display={members.find((m) => m.user_id === lead.owner_id)?.name ?? null}
          canEdit={canEdit}
          onSave={(value) => save({ owner_id: value }, label('owner'))}
          editor={(p) => (
            <Select
              label={p.label}
              error={p.error}
              data={members.map((m) => ({ value: m.user_id, label: m.name }))}
              value={p.value}
              onChange={p.onChange}
              clearable
              {...p.inputProps}
            />
          )}
        />
        {text('source')}
        {/* The person's own time zone: sequences may send in it (empty: the workspace's). */}
        <InlineField<string | null>
          name="timezone"
          label={label('timezone')}
          value={lead.timezone}
          display={lead.timezone}
          canEdit={canEdit}
          onSave={(value) => save({ timezone: value }, label('timezone'))}
          editor={(p) => (
            <Select
              label={p.label}
              error={p.error}
              description={t('crmContacts.drawer.timezoneHint')}
              data={timeZoneOptions()}
              value={p.value}
              onChange={p.onChange}
              searchable
              clearable
              {...p.inputProps}
            />
          )}
        />
        {lead.status === 'lost' && text('lost_reason')}
      </SimpleGrid>
      <InlineField<string[]>
        name="tags"
        label={label('tags')}
        value={lead.tags}
        display={
          lead.tags.length === 0 ? null : (
            <Group gap={4}>
              {lead.tags.map((tag) => (
                <Badge key={tag} variant="light" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          )
        }
        canEdit={canEdit}
        onSave={(value) => save({ tags: value }, label('tags'))}
        editor={(p) => <TagsInput label={p.label} error={p.error} value={p.value} onChange={p.onChange} clearable maxTags={50} {...p.inputProps} />}
      />
      {text('notes', true)}
      {customFields.length > 0 && (
        <>
          <Title order={4}>{t('crmContacts.drawer.customFields')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            {customFields.map((field) => (
              <InlineField<unknown>
                key={field.id}
                name={`custom_fields.${field.key}`}
                label={field.label}
                value={lead.custom_fields[field.key] ?? null}
                display={customDisplay(field, lead.custom_fields[field.key], t('crmContacts.drawer.yes'), t('crmContacts.drawer.no'))}
                canEdit={canEdit}
                onSave={(value) => save({ custom_fields: { [field.key]: value ?? null } }, field.label)}
                editor={(p) => <CustomFieldInput field={field} value={p.value} onChange={p.onChange} error={p.error} disabled={false} />}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function textProps(p: TEditorProps<string>) {
  return {
    label: p.label,
    error: p.error,
    value: p.value,
    onChange: (e: { currentTarget: { value: string } }) => p.onChange(e.currentTarget.value),
    ...p.inputProps,
  };
}

function textDisplay(key: TTextField, value: string) {
  if (key === 'email') return <Anchor href={`mailto:${value}`}>{value}</Anchor>;
  if (key === 'phone') return <Anchor href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</Anchor>;
  if (key === 'notes') return <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;
  return value;
}

function customDisplay(field: TCustomField, value: unknown, yes: string, no: string) {
  if (value === null || value === undefined || value === '') return null;
  if (field.field_type === 'boolean') return value === true ? yes : no;
  return String(value);
}

/** The custom fields a change touches, with their values before it (null when they had none). */
function undoCustom(lead: TLead, change: TLeadUpdateBody) {
  return Object.fromEntries(Object.keys(change.custom_fields ?? {}).map((key) => [key, lead.custom_fields[key] ?? null]));
}

import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStatus, type TLeadUpdateBody } from '../../../../contracts/crm.js';
import { ApiError } from '../../../lib/api.js';
import { useCustomFields, useWorkspaceMembers } from '../crm-api.js';
import { CustomFieldInput } from './custom-field-input.js';
import { useUpdateLead } from './lead-drawer-api.js';

const TEXT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'company', 'job_title', 'source', 'notes', 'lost_reason'] as const;

type TValues = Record<(typeof TEXT_FIELDS)[number], string> & {
  status: TLeadStatus;
  estimated_value: number | '';
  owner_id: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
};

function valuesOf(lead: TLead): TValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((key) => [key, lead[key] ?? ''])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...text, status: lead.status, estimated_value: lead.estimated_value ?? '', owner_id: lead.owner_id, tags: lead.tags, custom_fields: lead.custom_fields };
}

/** Only what changed, in the API's shape (empty text is null; a cleared custom field is null). */
function changes(lead: TLead, values: TValues): TLeadUpdateBody {
  const body: TLeadUpdateBody = {};
  for (const key of TEXT_FIELDS) {
    const value = values[key].trim() === '' ? null : values[key].trim();
    if (value !== (lead[key] ?? null)) body[key] = value;
  }
  if (values.status !== lead.status) body.status = values.status;
  const value = values.estimated_value === '' ? null : values.estimated_value;
  if (value !== lead.estimated_value) body.estimated_value = value;
  if (values.owner_id !== lead.owner_id) body.owner_id = values.owner_id;
  if (JSON.stringify(values.tags) !== JSON.stringify(lead.tags)) body.tags = values.tags;
  const custom = Object.fromEntries(
    Object.entries(values.custom_fields).filter(([key, v]) => JSON.stringify(v ?? null) !== JSON.stringify(lead.custom_fields[key] ?? null)),
  );
  if (Object.keys(custom).length > 0) body.custom_fields = custom;
  return body;
}

/** The lead's editable fields; viewers see them read-only. Server field errors land on their input. */
export function LeadForm({ lead, canEdit }: { lead: TLead; canEdit: boolean }) {
  const { t } = useTranslation();
  const { data: members = [] } = useWorkspaceMembers();
  const { data: customFields = [] } = useCustomFields();
  const update = useUpdateLead(lead.id);
  const form = useForm<TValues>({ initialValues: valuesOf(lead) });
  const label = (key: (typeof TEXT_FIELDS)[number] | 'status' | 'estimated_value' | 'owner' | 'tags') => t(`crmContacts.drawer.fields.${key}`);
  const disabled = !canEdit;

  const submit = (values: TValues) => {
    const body = changes(lead, values);
    if (Object.keys(body).length === 0) return;
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('crmContacts.drawer.saved') }),
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        // "body.custom_fields.budget" arrives as "custom_fields.budget", the key the custom input reads.
        const errors = error.fieldErrors();
        form.setErrors(errors);
        if (Object.keys(errors).length === 0) notifications.show({ color: 'red', message: error.detail });
      },
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <Title order={4}>{t('crmContacts.drawer.identity')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={label('first_name')} disabled={disabled} {...form.getInputProps('first_name')} />
          <TextInput label={label('last_name')} disabled={disabled} {...form.getInputProps('last_name')} />
          <TextInput label={label('email')} type="email" disabled={disabled} {...form.getInputProps('email')} />
          <TextInput label={label('phone')} disabled={disabled} {...form.getInputProps('phone')} />
          <TextInput label={label('company')} disabled={disabled} {...form.getInputProps('company')} />
          <TextInput label={label('job_title')} disabled={disabled} {...form.getInputProps('job_title')} />
        </SimpleGrid>
        <Title order={4}>{t('crmContacts.drawer.details')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={label('status')}
            data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))}
            allowDeselect={false}
            disabled={disabled}
            {...form.getInputProps('status')}
          />
          {form.values.status === 'lost' && <TextInput label={label('lost_reason')} disabled={disabled} {...form.getInputProps('lost_reason')} />}
          <NumberInput label={label('estimated_value')} min={0} suffix=" €" disabled={disabled} {...form.getInputProps('estimated_value')} />
          <TextInput label={label('source')} disabled={disabled} {...form.getInputProps('source')} />
          <Select
            label={label('owner')}
            data={members.map((m) => ({ value: m.user_id, label: m.name }))}
            clearable
            disabled={disabled}
            {...form.getInputProps('owner_id')}
          />
        </SimpleGrid>
        <TagsInput label={label('tags')} disabled={disabled} clearable maxTags={50} {...form.getInputProps('tags')} />
        <Textarea label={label('notes')} autosize minRows={3} maxRows={12} disabled={disabled} {...form.getInputProps('notes')} />
        {customFields.length > 0 && (
          <>
            <Title order={4}>{t('crmContacts.drawer.customFields')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {customFields.map((field) => (
                <CustomFieldInput
                  key={field.id}
                  field={field}
                  value={form.values.custom_fields[field.key]}
                  onChange={(value) => form.setFieldValue('custom_fields', { ...form.values.custom_fields, [field.key]: value })}
                  error={form.errors[`custom_fields.${field.key}`] as string | undefined}
                  disabled={disabled}
                />
              ))}
            </SimpleGrid>
          </>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('crmContacts.drawer.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

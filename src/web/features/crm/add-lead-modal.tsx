import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStatus } from '../../../contracts/crm.js';
import { api, ApiError } from '../../lib/api.js';
import { isEmailAddress } from '../../ui/email-address.js';
import { FormActions } from '../../ui/form-actions.js';
import { MoneyField } from '../../ui/number-field.js';
import { leadName, LEADS_KEY, STATS_KEY } from './crm-api.js';
import { useLeadDrawer } from './lead-drawer/use-lead-drawer.js';

type Props = { opened: boolean; onClose: () => void };

const EMPTY = {
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  company: '',
  job_title: '',
  status: 'new' as TLeadStatus,
  estimated_value: '' as number | '',
};
type TValues = typeof EMPTY;

/** A lead needs something to call it by: a first name, a last name, a company or an email (the server says the same). */
function validate(values: TValues, t: TFunction) {
  const errors: Record<string, string> = {};
  const email = values.email.trim();
  if (!values.first_name.trim() && !values.last_name.trim() && !values.company.trim() && !email) {
    errors.first_name = t('crmRecord.add.nameOrEmail');
    errors.email = t('crmRecord.add.nameOrEmail');
  }
  if (email && !isEmailAddress(email)) errors.email = t('crmRecord.add.invalidEmail');
  return errors;
}

/** "Ajouter": creates a lead, then a toast offers to open its record; server field errors show on their fields. */
export function AddLeadModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { open } = useLeadDrawer();
  const form = useForm({ initialValues: EMPTY, validate: (values) => validate(values, t) });
  const create = useMutation({
    mutationFn: (values: TValues) => {
      const text = (v: string) => (v.trim() === '' ? null : v.trim());
      return api.post<TLead>('/api/marketing/leads', {
        first_name: text(values.first_name),
        last_name: text(values.last_name),
        email: text(values.email),
        phone: text(values.phone),
        company: text(values.company),
        job_title: text(values.job_title),
        status: values.status,
        estimated_value: values.estimated_value === '' ? null : values.estimated_value,
      });
    },
    onSuccess: (lead) => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
      form.reset();
      onClose();
      const id = `lead-created-${lead.id}`;
      notifications.show({
        id,
        color: 'green',
        message: (
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{t('crmRecord.add.created', { name: leadName(lead) })}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                notifications.hide(id);
                open(lead.id);
              }}
            >
              {t('crmRecord.add.open')}
            </Button>
          </Group>
        ),
      });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const errors = error.status === 409 ? { email: t('crmBoard.add.duplicate') } : error.fieldErrors();
      // No name nor email: the server names first_name and email; say it in French.
      if (error.status === 400 && errors.first_name && errors.email)
        Object.assign(errors, { first_name: t('crmRecord.add.nameOrEmail'), email: t('crmRecord.add.nameOrEmail') });
      form.setErrors(errors);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('crmBoard.add.title')} size="lg">
      {/* noValidate: our French messages, never the browser's bubbles. */}
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('crmBoard.fields.first_name')} {...form.getInputProps('first_name')} />
            <TextInput label={t('crmBoard.fields.last_name')} {...form.getInputProps('last_name')} />
            <TextInput label={t('crmBoard.fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('crmBoard.fields.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('crmBoard.fields.company')} {...form.getInputProps('company')} />
            <TextInput label={t('crmBoard.fields.job_title')} {...form.getInputProps('job_title')} />
            <Select
              label={t('crmBoard.fields.status')}
              data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <MoneyField label={t('crmBoard.fields.estimated_value')} {...form.getInputProps('estimated_value')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={t('crmBoard.add.submit')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

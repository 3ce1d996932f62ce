import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStatus } from '../../../contracts/crm.js';
import { api, ApiError } from '../../lib/api.js';
import { LEADS_KEY, STATS_KEY } from './crm-api.js';
import { FormActions } from '../../ui/form-actions.js';

type Props = { opened: boolean; onClose: () => void };

const EMPTY = { first_name: '', last_name: '', email: '', phone: '', company: '', job_title: '', status: 'new' as TLeadStatus, estimated_value: '' as number | '' };

/** "Ajouter": creates a lead; server field errors (duplicate email, bad phone…) show on their fields. */
export function AddLeadModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: EMPTY });
  const create = useMutation({
    mutationFn: (values: typeof EMPTY) => {
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
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
      form.reset();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.status === 409 ? { email: t('crmBoard.add.duplicate') } : error.fieldErrors());
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('crmBoard.add.title')} size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
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
            <NumberInput label={t('crmBoard.fields.estimated_value')} min={0} suffix=" €" {...form.getInputProps('estimated_value')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={t('crmBoard.add.submit')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

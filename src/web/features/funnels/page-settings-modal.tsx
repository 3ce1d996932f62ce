import { Divider, Modal, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TFunnel, TFunnelPageSummary, TFunnelPageUpdateBody } from '../../../contracts/funnels.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { FormActions } from '../../ui/form-actions.js';
import { showSlugConflict, slugProblem } from './slug.js';
import { useUpdatePage } from './use-funnel-mutations.js';

type Props = { funnel: TFunnel; pages: TFunnelPageSummary[]; page: TFunnelPageSummary | null; onClose: () => void };

type TValues = {
  name: string;
  slug: string;
  /** '' = the next page in order. */
  next_page_id: string;
  seo_title: string;
  seo_description: string;
  seo_image_url: string;
  is_published: boolean;
  members_only: boolean;
};

/** "Paramètres de la page": name, address, where its "next step" leads, SEO fields and whether it is online. */
export function PageSettingsModal({ funnel, pages, page, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={page !== null} onClose={onClose} title={t('funnelList.pageSettings.title', { name: page?.name ?? '' })} size="lg">
      {page && <PageSettingsForm key={page.id} funnel={funnel} pages={pages} page={page} onClose={onClose} />}
    </Modal>
  );
}

function PageSettingsForm({ funnel, pages, page, onClose }: { funnel: TFunnel; pages: TFunnelPageSummary[]; page: TFunnelPageSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePage(funnel.id);
  const initial: TValues = {
    name: page.name,
    slug: page.slug,
    next_page_id: page.next_page_id ?? '',
    seo_title: page.seo_title ?? '',
    seo_description: page.seo_description ?? '',
    seo_image_url: page.seo_image_url ?? '',
    is_published: page.is_published,
    members_only: page.members_only,
  };
  const form = useForm<TValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      slug: (value) => slugProblem(value, t),
      seo_image_url: (value) => (value.trim() === '' || /^https?:\/\/\S+$/i.test(value.trim()) ? null : t('validation.codes.invalid_format_url')),
    },
  });
  const submit = (values: TValues) => {
    // Only what changed (the server marks content changes as unpublished ones).
    const body: TFunnelPageUpdateBody = {};
    const text = (value: string) => value.trim() || null;
    if (values.name.trim() !== initial.name) body.name = values.name.trim();
    if (values.slug !== initial.slug) body.slug = values.slug;
    if (values.next_page_id !== initial.next_page_id) body.next_page_id = values.next_page_id || null;
    if (values.seo_title.trim() !== initial.seo_title) body.seo_title = text(values.seo_title);
    if (values.seo_description.trim() !== initial.seo_description) body.seo_description = text(values.seo_description);
    if (values.seo_image_url.trim() !== initial.seo_image_url) body.seo_image_url = text(values.seo_image_url);
    if (values.is_published !== initial.is_published) body.is_published = values.is_published;
    if (values.members_only !== initial.members_only) body.members_only = values.members_only;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { pageId: page.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onClose();
        },
        onError: (error) => {
          if (showSlugConflict(form, error)) return;
          if (!setFormErrors(form, error)) notifyError(error, t);
        },
      },
    );
  };
  const index = pages.findIndex((item) => item.id === page.id);
  const following = pages[index + 1];
  const nextOptions = [
    {
      value: '',
      label: following ? t('funnelList.pageSettings.nextDefault', { name: following.name }) : t('funnelList.pageSettings.nextNone'),
    },
    ...pages
      .filter((item) => item.id !== page.id)
      .map((item) => ({ value: item.id, label: t('funnelList.steps.cardLabel', { n: pages.indexOf(item) + 1, name: item.name }) })),
  ];
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label={t('funnelList.fields.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label={t('funnelList.fields.slug')}
          description={t('funnelList.pageSettings.slugHint', { funnel: funnel.slug, slug: form.values.slug || '…' })}
          required
          maxLength={60}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...form.getInputProps('slug')}
          onChange={(event) => form.setFieldValue('slug', event.currentTarget.value.toLowerCase())}
        />
        <Select
          label={t('funnelList.pageSettings.next')}
          description={t('funnelList.pageSettings.nextHint')}
          allowDeselect={false}
          data={nextOptions}
          {...form.getInputProps('next_page_id')}
        />
        <Switch
          label={t('funnelList.pageSettings.published')}
          description={t(funnel.is_active ? 'funnelList.pageSettings.publishedHint' : 'funnelList.pageSettings.publishedHintDraft')}
          {...form.getInputProps('is_published', { type: 'checkbox' })}
        />
        {(funnel.funnel_type === 'membership' || page.members_only) && (
          <Switch label={t('memberPages.switch')} description={t('memberPages.switchHint')} {...form.getInputProps('members_only', { type: 'checkbox' })} />
        )}
        <Divider label={t('funnelList.pageSettings.seo')} labelPosition="left" />
        <Text size="sm" c="dimmed" mt={-8}>
          {t('funnelList.pageSettings.seoHint')}
        </Text>
        <TextInput
          label={t('funnelList.pageSettings.seoTitle')}
          description={t('funnelList.pageSettings.counter', { count: form.values.seo_title.length, max: 70 })}
          maxLength={70}
          {...form.getInputProps('seo_title')}
        />
        <Textarea
          label={t('funnelList.pageSettings.seoDescription')}
          description={t('funnelList.pageSettings.counter', { count: form.values.seo_description.length, max: 320 })}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={320}
          {...form.getInputProps('seo_description')}
        />
        <TextInput
          label={t('funnelList.pageSettings.seoImage')}
          description={t('funnelList.pageSettings.seoImageHint')}
          placeholder="https://"
          type="url"
          maxLength={2000}
          {...form.getInputProps('seo_image_url')}
        />
        <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
      </Stack>
    </form>
  );
}

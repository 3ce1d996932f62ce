import { Button, ColorInput, Group, Image, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAiLanguage, TAiTone, TBrandKit, TBrandKitBody } from '../../../../contracts/ai.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { ImagePicker } from '../../email/editor/image-picker.js';
import { useLanguageOptions } from '../../funnels/funnel-options.js';
import { useSaveBrandKit } from './ai-api.js';
import { useToneOptions } from '../../ai/tone-options.js';

type TLogo = { id: string; url: string } | null;
type TValues = {
  brand_name: string;
  tone: TAiTone;
  primary_color: string;
  secondary_color: string;
  logo: TLogo;
  main_offer: string;
  audience: string;
  words_to_avoid: string[];
  language: TAiLanguage;
};

const HEX = /^#[0-9a-fA-F]{6}$/;
const SWATCHES = ['#1c5fb8', '#0f7b6c', '#b42318', '#6f42c1', '#f0b429', '#e8590c', '#1f2328', '#ffffff'];

function valuesOf(kit: TBrandKit): TValues {
  return {
    brand_name: kit.brand_name,
    tone: kit.tone,
    primary_color: kit.primary_color,
    secondary_color: kit.secondary_color,
    logo: kit.logo_file_id && kit.logo_url ? { id: kit.logo_file_id, url: kit.logo_url } : null,
    main_offer: kit.main_offer,
    audience: kit.audience,
    words_to_avoid: kit.words_to_avoid,
    language: kit.language,
  };
}

/**
 * The brand kit every generation starts from: the brand's name, tone, colours and logo (drawn on the ad visuals),
 * its main offer and audience, the words never to write, the default language. Saved as a whole with PUT.
 */
export function BrandKitForm({ kit, canEdit }: { kit: TBrandKit; canEdit: boolean }) {
  const { t } = useTranslation();
  const toneOptions = useToneOptions();
  const languageOptions = useLanguageOptions();
  const save = useSaveBrandKit();
  const form = useForm<TValues>({
    initialValues: valuesOf(kit),
    validate: {
      primary_color: (value) => (HEX.test(value) ? null : t('aiSettings.brand.colorFormat')),
      secondary_color: (value) => (HEX.test(value) ? null : t('aiSettings.brand.colorFormat')),
    },
  });
  const submit = (values: TValues) => {
    const body: TBrandKitBody = {
      brand_name: values.brand_name.trim(),
      tone: values.tone,
      primary_color: values.primary_color.toLowerCase(),
      secondary_color: values.secondary_color.toLowerCase(),
      logo_file_id: values.logo?.id ?? null,
      main_offer: values.main_offer.trim(),
      audience: values.audience.trim(),
      words_to_avoid: values.words_to_avoid,
      language: values.language,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
        notifications.show({ color: 'teal', message: t('aiSettings.brand.saved') });
      },
      onError: (error) => {
        if (!setFormErrors(form, error)) notifyError(error, t);
      },
    });
  };
  const logo = form.values.logo;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)} aria-label={t('aiSettings.brand.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('aiSettings.brand.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('aiSettings.brand.name')} maxLength={120} readOnly={!canEdit} {...form.getInputProps('brand_name')} />
          <Select label={t('aiSettings.brand.tone')} data={toneOptions} allowDeselect={false} readOnly={!canEdit} {...form.getInputProps('tone')} />
          <ColorInput
            label={t('aiSettings.brand.primaryColor')}
            format="hex"
            swatches={SWATCHES}
            readOnly={!canEdit}
            {...form.getInputProps('primary_color')}
          />
          <ColorInput
            label={t('aiSettings.brand.secondaryColor')}
            format="hex"
            swatches={SWATCHES}
            readOnly={!canEdit}
            {...form.getInputProps('secondary_color')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('aiSettings.brand.logo')}
          </Text>
          <Group gap="sm" align="center" wrap="wrap">
            {logo ? (
              <Image src={logo.url} alt={t('aiSettings.brand.logoPreview')} w={96} h={64} fit="contain" radius="sm" bg="var(--mantine-color-default-hover)" />
            ) : (
              <ThemeIcon size={64} radius="sm" variant="light" color="gray" aria-label={t('aiSettings.brand.noLogo')}>
                <IconPhoto size={28} stroke={1.5} />
              </ThemeIcon>
            )}
            {canEdit && (
              <Stack gap={6}>
                <ImagePicker onPick={(file) => form.setFieldValue('logo', { id: file.id, url: file.url })} />
                {logo && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconX size={14} aria-hidden />}
                    onClick={() => form.setFieldValue('logo', null)}
                  >
                    {t('aiSettings.brand.removeLogo')}
                  </Button>
                )}
              </Stack>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('aiSettings.brand.logoHint')}
          </Text>
        </Stack>
        <Textarea
          label={t('aiSettings.brand.mainOffer')}
          description={t('aiSettings.brand.mainOfferHint')}
          autosize
          minRows={2}
          maxLength={500}
          readOnly={!canEdit}
          {...form.getInputProps('main_offer')}
        />
        <Textarea
          label={t('aiSettings.brand.audience')}
          description={t('aiSettings.brand.audienceHint')}
          autosize
          minRows={2}
          maxLength={300}
          readOnly={!canEdit}
          {...form.getInputProps('audience')}
        />
        <TagsInput
          label={t('aiSettings.brand.wordsToAvoid')}
          description={t('aiSettings.brand.wordsToAvoidHint')}
          maxTags={50}
          maxLength={60}
          clearable
          readOnly={!canEdit}
          {...form.getInputProps('words_to_avoid')}
        />
        <Select
          label={t('aiSettings.brand.language')}
          description={t('aiSettings.brand.languageHint')}
          data={languageOptions}
          allowDeselect={false}
          readOnly={!canEdit}
          {...form.getInputProps('language')}
        />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('aiSettings.brand.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('aiSettings.brand.readOnly')}
          </Text>
        )}
      </Stack>
    </form>
  );
}

import { Checkbox, Group, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AUDIENCE_GENDERS } from '../../../contracts/ads.js';
import { NumberField } from '../../ui/number-field.js';
import type { TCampaignValues } from './campaign-form.js';

type Props = { form: UseFormReturnType<TCampaignValues> };

const tags = { maxTags: 50, clearable: true, splitChars: [',', ';'] };

/** The spec's target_audience, structured: places, ages, genders, interests; job titles on LinkedIn, keywords on Google. */
export function AudienceFields({ form }: Props) {
  const { t } = useTranslation();
  const platform = form.values.platform;
  return (
    <Stack gap="sm">
      <TagsInput label={t('ads.form.locations')} description={t('ads.form.tagsHint')} {...tags} {...form.getInputProps('locations')} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberField label={t('ads.form.ageMin')} decimals={0} min={13} max={65} {...form.getInputProps('age_min')} />
        <NumberField label={t('ads.form.ageMax')} decimals={0} min={13} max={65} {...form.getInputProps('age_max')} />
      </SimpleGrid>
      <Checkbox.Group label={t('ads.form.genders')} description={t('ads.form.gendersHint')} {...form.getInputProps('genders')}>
        <Group gap="md" mt={6}>
          {AUDIENCE_GENDERS.map((gender) => (
            <Checkbox key={gender} value={gender} label={t(`ads.genders.${gender}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TagsInput label={t('ads.form.interests')} description={t('ads.form.tagsHint')} {...tags} {...form.getInputProps('interests')} />
      {platform === 'linkedin' && (
        <TagsInput label={t('ads.form.jobTitles')} description={t('ads.form.tagsHint')} {...tags} {...form.getInputProps('job_titles')} />
      )}
      {platform === 'google' && <TagsInput label={t('ads.form.keywords')} description={t('ads.form.tagsHint')} {...tags} {...form.getInputProps('keywords')} />}
      {platform !== 'linkedin' && platform !== 'google' && (
        <Text size="xs" c="dimmed">
          {t('ads.form.platformFieldsHint')}
        </Text>
      )}
    </Stack>
  );
}

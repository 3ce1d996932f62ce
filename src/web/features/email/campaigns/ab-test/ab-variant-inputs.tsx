import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AB_VARIANT_KEYS, type TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { MAX_AB_VARIANTS, variantKey, type TAbDraft } from './ab-test-draft.js';

const HTML_STYLES = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } };

type Props = { form: UseFormReturnType<TAbDraft>; campaign: TEmailCampaign; readOnly: boolean };

/** A (the campaign as written, read-only) and the variants B… of the tested field, added and removed here. */
export function AbVariantInputs({ form, campaign, readOnly }: Props) {
  const { t } = useTranslation();
  const { field, variants } = form.values;
  const html = field === 'html_content';
  const fieldLabel = t(`email.abTest.field.${field}`);

  const add = () => form.insertListItem('variants', html ? campaign.html_content : '');
  const remove = (index: number) => {
    // Later variants move up a letter (C becomes B): the fallback follows the variant it named.
    const fallbackIndex = AB_VARIANT_KEYS.indexOf(form.values.fallback) - 1;
    if (fallbackIndex === index) form.setFieldValue('fallback', 'A');
    else if (fallbackIndex > index) form.setFieldValue('fallback', variantKey(fallbackIndex - 1));
    form.removeListItem('variants', index);
  };

  return (
    <Stack gap="sm">
      {html ? (
        <div>
          <Text size="sm" fw={500}>
            {t('email.abTest.control')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('email.abTest.controlContent')}
          </Text>
        </div>
      ) : (
        <TextInput
          label={`${t('email.abTest.control')} · ${fieldLabel}`}
          description={t('email.abTest.controlHint')}
          value={campaign[field] || t('email.abTest.controlEmpty')}
          readOnly
          variant="filled"
        />
      )}
      {variants.map((_, index) => {
        const key = variantKey(index);
        const label = `${t('email.abTest.variant', { key })} · ${fieldLabel}`;
        const removeButton = variants.length > 1 && !readOnly && (
          <ActionIcon variant="subtle" color="red" onClick={() => remove(index)} aria-label={t('email.abTest.removeVariant', { key })}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        );
        return html ? (
          <Stack key={index} gap={4}>
            <Textarea
              label={label}
              autosize
              minRows={6}
              maxRows={18}
              spellCheck={false}
              readOnly={readOnly}
              styles={HTML_STYLES}
              {...form.getInputProps(`variants.${index}`)}
            />
            {removeButton && <Group justify="flex-end">{removeButton}</Group>}
          </Stack>
        ) : (
          <TextInput
            key={index}
            label={label}
            maxLength={field === 'from_name' ? 200 : 300}
            readOnly={readOnly}
            rightSection={removeButton || undefined}
            {...form.getInputProps(`variants.${index}`)}
          />
        );
      })}
      {html && (
        <Text size="sm" c="dimmed">
          {t('email.abTest.contentNote')}
        </Text>
      )}
      {!readOnly && variants.length < MAX_AB_VARIANTS && (
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} style={{ alignSelf: 'flex-start' }}>
          {t('email.abTest.addVariant', { key: variantKey(variants.length) })}
        </Button>
      )}
    </Stack>
  );
}

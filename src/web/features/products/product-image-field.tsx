import { Button, Group, Image, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPhoto, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ImagePicker } from '../email/editor/image-picker.js';

export type TImageValue = { id: string; url: string } | null;

/** The product's picture: uploaded to or chosen from the media library (the email editor's picker), or none. */
export function ProductImageField({ value, onChange }: { value: TImageValue; onChange: (value: TImageValue) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('products.form.image')}
      </Text>
      <Group gap="sm" align="center">
        {value ? (
          <Image src={value.url} alt="" w={64} h={64} fit="cover" radius="sm" />
        ) : (
          <ThemeIcon size={64} radius="sm" variant="light" color="gray" aria-label={t('products.form.imageNone')}>
            <IconPhoto size={28} stroke={1.5} />
          </ThemeIcon>
        )}
        <Stack gap={6}>
          <ImagePicker onPick={(file) => onChange({ id: file.id, url: file.url })} />
          {value && (
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange(null)}>
              {t('products.form.removeImage')}
            </Button>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}

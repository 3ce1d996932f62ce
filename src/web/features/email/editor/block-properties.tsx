import { ActionIcon, Button, ColorInput, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_FONTS,
  isAllowedHref,
  SOCIAL_NETWORKS,
  type TEmailBlock,
  type TEmailBlockOf,
  type TEmailDocumentSettings,
  type TEmailFont,
  type TEmailSection,
  type TSocialNetwork,
} from '../../../../contracts/email-document.js';
import { FOOTER_EXAMPLE, HEX_COLOR, HREF_EXAMPLE, TEXT_EXAMPLE } from './block-meta.js';
import { ImagePicker } from './image-picker.js';
import { RichTextField } from './rich-text-field.js';
import { NumberField } from '../../../ui/number-field.js';

/** A change of the chosen block; `mergeKey` makes a quick series of changes of one field a single undo step. */
type TChange<T> = (change: Partial<T>, mergeKey?: string) => void;

const SWATCHES = ['#1c5fb8', '#0f7b6c', '#b42318', '#6f42c1', '#1f2328', '#57606a', '#f4f5f7', '#ffffff'];

/** The fields of the chosen block. */
export function BlockProperties({ block, onChange }: { block: TEmailBlock; onChange: TChange<TEmailBlock> }) {
  const { t } = useTranslation();
  const key = (field: string) => `${block.id}:${field}`;
  switch (block.type) {
    case 'text':
      return (
        <RichTextField
          key={block.id}
          label={t('emailEditor.fields.text')}
          description={t('emailEditor.fields.textHint', { example: TEXT_EXAMPLE })}
          value={block.html}
          onChange={(html) => onChange({ html }, key('html'))}
        />
      );
    case 'image':
      return <ImageFields block={block} onChange={onChange as TChange<TEmailBlockOf<'image'>>} />;
    case 'button':
      return (
        <Stack gap="sm">
          <TextInput
            label={t('emailEditor.fields.buttonLabel')}
            value={block.label}
            maxLength={200}
            onChange={(event) => onChange({ label: event.currentTarget.value }, key('label'))}
            error={block.label.trim() ? undefined : t('emailEditor.fields.required')}
          />
          <HrefInput label={t('emailEditor.fields.buttonHref')} value={block.href} onChange={(href) => onChange({ href }, key('href'))} required />
          <ColorField
            label={t('emailEditor.fields.background')}
            value={block.background_color}
            onChange={(background_color) => onChange({ background_color }, key('bg'))}
          />
          <ColorField label={t('emailEditor.fields.textColor')} value={block.text_color} onChange={(text_color) => onChange({ text_color }, key('fg'))} />
          <AlignField value={block.align} onChange={(align) => onChange({ align })} />
        </Stack>
      );
    case 'divider':
      return (
        <Stack gap="sm">
          <ColorField label={t('emailEditor.fields.color')} value={block.color} onChange={(color) => onChange({ color }, key('color'))} />
          <IntegerField
            label={t('emailEditor.fields.thickness')}
            value={block.thickness}
            min={1}
            max={10}
            onChange={(thickness) => onChange({ thickness }, key('thickness'))}
          />
        </Stack>
      );
    case 'spacer':
      return (
        <IntegerField
          label={t('emailEditor.fields.height')}
          value={block.height}
          min={4}
          max={200}
          onChange={(height) => onChange({ height }, key('height'))}
        />
      );
    case 'social':
      return <SocialFields block={block} onChange={onChange as TChange<TEmailBlockOf<'social'>>} />;
    case 'footer':
      return (
        <Stack gap="sm">
          <Textarea
            label={t('emailEditor.fields.footerText')}
            description={t('emailEditor.fields.footerTextHint', { example: FOOTER_EXAMPLE })}
            value={block.text}
            maxLength={2000}
            autosize
            minRows={3}
            onChange={(event) => onChange({ text: event.currentTarget.value }, key('text'))}
          />
          <TextInput
            label={t('emailEditor.fields.unsubscribeLabel')}
            description={t('emailEditor.fields.unsubscribeHint')}
            value={block.unsubscribe_label}
            maxLength={100}
            onChange={(event) => onChange({ unsubscribe_label: event.currentTarget.value }, key('unsubscribe'))}
          />
        </Stack>
      );
  }
}

function ImageFields({ block, onChange }: { block: TEmailBlockOf<'image'>; onChange: TChange<TEmailBlockOf<'image'>> }) {
  const { t } = useTranslation();
  const srcOk = /^https?:\/\/[^\s/]+/i.test(block.src.trim());
  return (
    <Stack gap="sm">
      <TextInput
        label={t('emailEditor.fields.imageSrc')}
        description={t('emailEditor.fields.imageSrcHint')}
        placeholder="https://"
        value={block.src}
        maxLength={2000}
        required
        onChange={(event) => onChange({ src: event.currentTarget.value }, `${block.id}:src`)}
        error={srcOk ? undefined : block.src ? t('emailEditor.fields.invalidImage') : t('emailEditor.fields.required')}
      />
      <ImagePicker onPick={(file) => onChange({ src: file.url, ...(block.alt ? {} : { alt: file.name.replace(/\.[a-z0-9]+$/i, '') }) })} />
      <TextInput
        label={t('emailEditor.fields.imageAlt')}
        description={t('emailEditor.fields.imageAltHint')}
        value={block.alt}
        maxLength={300}
        onChange={(event) => onChange({ alt: event.currentTarget.value }, `${block.id}:alt`)}
      />
      <HrefInput label={t('emailEditor.fields.imageHref')} value={block.href} onChange={(href) => onChange({ href }, `${block.id}:href`)} />
      <NumberField
        label={t('emailEditor.fields.imageWidth')}
        description={t('emailEditor.fields.imageWidthHint')}
        value={block.width ?? ''}
        min={20}
        max={800}
        decimals={0}
        onChange={(value) => onChange({ width: typeof value === 'number' ? value : null }, `${block.id}:width`)}
      />
      <AlignField value={block.align} onChange={(align) => onChange({ align })} />
    </Stack>
  );
}

function SocialFields({ block, onChange }: { block: TEmailBlockOf<'social'>; onChange: TChange<TEmailBlockOf<'social'>> }) {
  const { t } = useTranslation();
  const networks = SOCIAL_NETWORKS.map((value) => ({ value, label: t(`emailEditor.networks.${value}`) }));
  const setLink = (index: number, change: Partial<TEmailBlockOf<'social'>['links'][number]>) =>
    onChange({ links: block.links.map((link, i) => (i === index ? { ...link, ...change } : link)) }, `${block.id}:link${index}`);
  const unused = SOCIAL_NETWORKS.find((network) => !block.links.some((link) => link.network === network));
  return (
    <Stack gap="sm">
      {block.links.map((link, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <Select
            label={t('emailEditor.fields.network')}
            data={networks}
            value={link.network}
            allowDeselect={false}
            onChange={(value) => value && setLink(index, { network: value as TSocialNetwork })}
            w={130}
          />
          <HrefInput label={t('emailEditor.fields.networkHref')} value={link.href} onChange={(href) => setLink(index, { href })} required />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            aria-label={t('emailEditor.fields.removeNetwork', { name: t(`emailEditor.networks.${link.network}`) })}
            onClick={() => onChange({ links: block.links.filter((_, i) => i !== index) })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {unused && (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange({ links: [...block.links, { network: unused, href: 'https://' }] })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('emailEditor.fields.addNetwork')}
        </Button>
      )}
      <AlignField value={block.align} onChange={(align) => onChange({ align })} />
    </Stack>
  );
}

/** The chosen section: background, padding, number of columns. */
export function SectionProperties({
  section,
  onChange,
  onColumns,
}: {
  section: TEmailSection;
  onChange: TChange<TEmailSection>;
  onColumns: (count: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ColorField
        label={t('emailEditor.fields.background')}
        value={section.background_color}
        onChange={(background_color) => onChange({ background_color }, `${section.id}:bg`)}
      />
      <IntegerField
        label={t('emailEditor.fields.padding')}
        value={section.padding}
        min={0}
        max={80}
        onChange={(padding) => onChange({ padding }, `${section.id}:padding`)}
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('emailEditor.fields.columns')}
        </Text>
        <SegmentedControl
          aria-label={t('emailEditor.fields.columns')}
          value={String(section.columns.length)}
          onChange={(value) => onColumns(Number(value))}
          data={['1', '2', '3', '4']}
        />
      </div>
    </Stack>
  );
}

/** The whole email's settings. */
export function SettingsProperties({
  settings,
  onChange,
}: {
  settings: TEmailDocumentSettings;
  onChange: (change: Partial<TEmailDocumentSettings>, mergeKey?: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ColorField
        label={t('emailEditor.fields.pageBackground')}
        value={settings.background_color}
        onChange={(background_color) => onChange({ background_color }, 'settings:bg')}
      />
      <IntegerField
        label={t('emailEditor.fields.width')}
        value={settings.width}
        min={480}
        max={800}
        onChange={(width) => onChange({ width }, 'settings:width')}
      />
      <Select
        label={t('emailEditor.fields.font')}
        data={(Object.keys(EMAIL_FONTS) as TEmailFont[]).map((value) => ({ value, label: t(`emailEditor.fonts.${value}`) }))}
        value={settings.font_family}
        allowDeselect={false}
        onChange={(value) => value && onChange({ font_family: value as TEmailFont })}
      />
      <ColorField label={t('emailEditor.fields.textColor')} value={settings.text_color} onChange={(text_color) => onChange({ text_color }, 'settings:fg')} />
      <ColorField label={t('emailEditor.fields.linkColor')} value={settings.link_color} onChange={(link_color) => onChange({ link_color }, 'settings:link')} />
    </Stack>
  );
}

function HrefInput({ label, value, onChange, required }: { label: string; value: string; onChange: (href: string) => void; required?: boolean }) {
  const { t } = useTranslation();
  const problem =
    value.trim() === '' ? (required ? t('emailEditor.fields.required') : undefined) : isAllowedHref(value) ? undefined : t('emailEditor.fields.invalidUrl');
  return (
    <TextInput
      label={label}
      description={t('emailEditor.fields.hrefHint', { example: HREF_EXAMPLE })}
      value={value}
      maxLength={2000}
      required={required}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={problem}
      style={{ flex: 1, minWidth: 0 }}
    />
  );
}

function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (color: string) => void }) {
  const { t } = useTranslation();
  return (
    <ColorInput
      label={label}
      value={value}
      format="hex"
      swatches={SWATCHES}
      // The browser's eye dropper has no name to announce and exists in Chromium only: the swatches and the hex field do.
      withEyeDropper={false}
      onChange={onChange}
      error={HEX_COLOR.test(value) ? undefined : t('emailEditor.fields.invalidColor')}
    />
  );
}

function IntegerField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (value: number) => void }) {
  return (
    // The product's number field (French typing, errors in place); an emptied field keeps the last number.
    <NumberField label={label} value={value} min={min} max={max} decimals={0} onChange={(next) => typeof next === 'number' && onChange(next)} />
  );
}

function AlignField({ value, onChange }: { value: 'left' | 'center' | 'right'; onChange: (align: 'left' | 'center' | 'right') => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('emailEditor.fields.align')}
      </Text>
      <SegmentedControl
        aria-label={t('emailEditor.fields.align')}
        value={value}
        onChange={(next) => onChange(next as 'left' | 'center' | 'right')}
        data={[
          { value: 'left', label: t('emailEditor.fields.alignLeft') },
          { value: 'center', label: t('emailEditor.fields.alignCenter') },
          { value: 'right', label: t('emailEditor.fields.alignRight') },
        ]}
      />
    </div>
  );
}

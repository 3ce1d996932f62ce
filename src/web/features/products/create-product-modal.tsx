import { Button, Divider, Group, Modal, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TProduct } from '../../../contracts/commerce-products.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { useFormatters } from '../../lib/format.js';
import { emptyPrice, PriceFields, priceAmountError, priceBody, type TPriceValues } from './price-fields.js';
import { ProductImageField, type TImageValue } from './product-image-field.js';
import { useCreateProduct } from './products-api.js';
import { TaxFields, taxBody, type TTaxValues } from './tax-fields.js';

type TValues = TTaxValues & { name: string; description: string; image: TImageValue; price: TPriceValues };

type Props = { opened: boolean; onClose: () => void; onCreated: (product: TProduct) => void };

/** "+ Nouveau produit": name, description, image, VAT handling and the first price (a product is never without one). */
export function CreateProductModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('products.new')} size="lg">
      {opened && <CreateProductForm onCreated={onCreated} onCancel={onClose} />}
    </Modal>
  );
}

function CreateProductForm({ onCreated, onCancel }: { onCreated: (product: TProduct) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const create = useCreateProduct();
  const form = useForm<TValues>({
    initialValues: {
      name: '',
      description: '',
      image: null,
      // French sellers of courses and coaching usually show prices with VAT (TTC) at the standard rate.
      tax_inclusive: true,
      tax_rate: 20,
      stripe_tax: false,
      price: emptyPrice(format.currency),
    },
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      price: { amount: (value) => priceAmountError(value, t('products.form.amountRequired')) },
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        name: values.name.trim(),
        description: values.description.trim() || null,
        image_file_id: values.image?.id ?? null,
        ...taxBody(values),
        prices: [priceBody(values.price)],
      },
      {
        onSuccess: (product) => {
          notifications.show({ color: 'teal', message: t('products.created') });
          onCreated(product);
        },
        onError: (error) => {
          if (!setFormErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('products.form.name')}
          placeholder={t('products.form.namePlaceholder')}
          required
          maxLength={120}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Textarea
          label={t('products.form.description')}
          description={t('products.form.descriptionHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          {...form.getInputProps('description')}
        />
        <ProductImageField value={form.values.image} onChange={(image) => form.setFieldValue('image', image)} />
        <TaxFields form={form} withStripeTax={false} />
        <Divider />
        <Title order={3} size="h5">
          {t('products.form.firstPrice')}
        </Title>
        <PriceFields form={form} path="price" idPrefix="new-product-price" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('products.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

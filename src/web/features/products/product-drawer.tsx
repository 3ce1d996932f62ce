import { Alert, Badge, Button, Checkbox, Divider, Drawer, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconInfoCircle, IconPlus, IconRestore, IconStar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TProduct, TProductPrice } from '../../../contracts/commerce-products.js';
import { api } from '../../lib/api.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { QueryState } from '../../ui/query-state.js';
import { formatPrice } from './price-format.js';
import { emptyPrice, PriceFields, priceAmountError, priceBody, type TPriceValues } from './price-fields.js';
import { ProductImageField, type TImageValue } from './product-image-field.js';
import { PRODUCTS_KEY, PRODUCTS_PATH, useAddPrice, useUpdatePrice, useUpdateProduct } from './products-api.js';
import { TaxFields, taxBody, taxValues, type TTaxValues } from './tax-fields.js';

type Props = { productId: string | null; canEdit: boolean; onClose: () => void };

/** A product opened from the list: its details, its prices (add one, make one the default, archive), archive it. */
export function ProductDrawer({ productId, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const product = useQuery({
    queryKey: [...PRODUCTS_KEY, 'one', productId],
    queryFn: () => api.get<TProduct>(`${PRODUCTS_PATH}/${productId}`),
    enabled: productId !== null,
  });
  return (
    <Drawer opened={productId !== null} onClose={onClose} position="right" size={phone ? '100%' : 'lg'} title={product.data?.name ?? t('products.tab')}>
      {productId && (
        <QueryState query={product}>
          {(data) => (
            <Stack gap="lg">
              {data.status === 'archived' && (
                <Alert color="gray" icon={<IconArchive size={18} />}>
                  {t('products.drawer.archivedNotice')}
                </Alert>
              )}
              <DetailsForm key={data.updated_at} product={data} canEdit={canEdit} />
              <Divider />
              <Prices product={data} canEdit={canEdit} />
              {canEdit && (
                <>
                  <Divider />
                  <ArchiveButton product={data} />
                </>
              )}
            </Stack>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}

type TDetails = TTaxValues & { name: string; description: string; image: TImageValue };

function DetailsForm({ product, canEdit }: { product: TProduct; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateProduct();
  const form = useForm<TDetails>({
    initialValues: {
      name: product.name,
      description: product.description ?? '',
      image: product.image_file_id && product.image_url ? { id: product.image_file_id, url: product.image_url } : null,
      ...taxValues(product),
    },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        id: product.id,
        body: { name: values.name.trim(), description: values.description.trim() || null, image_file_id: values.image?.id ?? null, ...taxBody(values) },
      },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('products.saved') }),
        onError: (error) => {
          if (!setFormErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <form noValidate onSubmit={submit}>
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('products.drawer.details')}
          </Title>
          <TextInput label={t('products.form.name')} required maxLength={120} {...form.getInputProps('name')} />
          <Textarea label={t('products.form.description')} autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('description')} />
          {canEdit && <ProductImageField value={form.values.image} onChange={(image) => form.setFieldValue('image', image)} />}
          <TaxFields form={form} withStripeTax />
          {canEdit && (
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('products.form.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

function Prices({ product, canEdit }: { product: TProduct; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('products.drawer.prices')}
      </Title>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('products.drawer.immutable')}
      </Alert>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('products.drawer.prices')}>
        {product.prices.map((price) => (
          <PriceRow key={price.id} product={product} price={price} canEdit={canEdit} />
        ))}
      </Stack>
      {canEdit && <AddPriceForm product={product} />}
    </Stack>
  );
}

function PriceRow({ product, price, canEdit }: { product: TProduct; price: TProductPrice; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const update = useUpdatePrice();
  const change = (body: { is_default?: boolean; active?: boolean }) =>
    update.mutate({ id: product.id, priceId: price.id, body }, { onError: (error) => notifyError(error, t) });
  const label = formatPrice(i18n.resolvedLanguage ?? 'fr', t, price);
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="product-price" opacity={price.active ? 1 : 0.7}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{label}</Text>
            {price.is_default && (
              <Badge variant="light" color="teal" leftSection={<IconStar size={12} aria-hidden />}>
                {t('products.drawer.isDefault')}
              </Badge>
            )}
            {!price.active && (
              <Badge variant="light" color="gray">
                {t('products.drawer.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {[price.nickname, t(`products.billing.${price.interval ?? 'one_time'}`)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {canEdit && !price.is_default && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              onClick={() => change({ is_default: true, active: true })}
              loading={update.isPending && update.variables?.body.is_default === true}
              aria-label={`${t('products.drawer.makeDefault')} ${label}`}
            >
              {t('products.drawer.makeDefault')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => change({ active: !price.active })}
              loading={update.isPending && update.variables?.body.active !== undefined && update.variables.body.is_default === undefined}
              aria-label={`${price.active ? t('products.archive') : t('products.restore')} ${label}`}
            >
              {price.active ? t('products.archive') : t('products.restore')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

type TNewPrice = { price: TPriceValues; is_default: boolean };

function AddPriceForm({ product }: { product: TProduct }) {
  const { t } = useTranslation();
  const add = useAddPrice();
  const currency = product.prices.find((p) => p.is_default)?.currency ?? 'EUR';
  const form = useForm<TNewPrice>({
    initialValues: { price: emptyPrice(currency), is_default: false },
    validate: { price: { amount: (value) => priceAmountError(value, t('products.form.amountRequired')) } },
  });
  const submit = form.onSubmit((values) =>
    add.mutate(
      { id: product.id, body: { ...priceBody(values.price), is_default: values.is_default } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('products.priceAdded') });
          form.reset();
        },
        onError: (error) => notifyError(error, t),
      },
    ),
  );
  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={submit} aria-labelledby="add-price-title">
        <Stack gap="sm">
          <Title order={4} size="h6" id="add-price-title">
            {t('products.drawer.addPrice')}
          </Title>
          <PriceFields form={form} path="price" idPrefix="add-price" />
          <Checkbox label={t('products.drawer.makeDefault')} {...form.getInputProps('is_default', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending}>
              {t('products.drawer.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ArchiveButton({ product }: { product: TProduct }) {
  const { t } = useTranslation();
  const update = useUpdateProduct();
  const archived = product.status === 'archived';
  return (
    <Group>
      <Button
        variant={archived ? 'light' : 'default'}
        color={archived ? 'teal' : 'gray'}
        leftSection={archived ? <IconRestore size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
        loading={update.isPending}
        onClick={() =>
          update.mutate(
            { id: product.id, body: { status: archived ? 'active' : 'archived' } },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('products.saved') }), onError: (error) => notifyError(error, t) },
          )
        }
      >
        {archived ? t('products.drawer.restoreProduct') : t('products.drawer.archiveProduct')}
      </Button>
    </Group>
  );
}

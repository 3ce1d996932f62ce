import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BUMP_PITCH_MAX, BUMP_TITLE_MAX, type TOfferPrice, type TPageOffer } from '../../../../contracts/commerce-checkout.js';
import type { TProduct } from '../../../../contracts/commerce-products.js';
import type { TFunnel, TFunnelPageSummary } from '../../../../contracts/funnels.js';
import { useCursorPages } from '../../../lib/cursor-pages.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { FormActions } from '../../../ui/form-actions.js';
import { formatPrice } from '../../products/price-format.js';
import { PRODUCTS_KEY, PRODUCTS_PATH } from '../../products/products-api.js';
import { isOfferPage } from './step-offer.js';
import { useDeletePageOffer, useSetPageOffer } from './offers-api.js';

type Props = { funnel: TFunnel; page: TFunnelPageSummary | null; offer: TPageOffer | null; onClose: () => void };

type TValues = { price_id: string | null; bump_price_id: string | null; bump_title: string; bump_pitch: string };

/**
 * "Produit vendu" of a step: on an order-form page the product and its order bump (a second product offered by a
 * checkbox, with its own headline and pitch); on an upsell or downsell page the one product its button adds.
 */
export function StepOfferModal({ funnel, page, offer, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={page !== null} onClose={onClose} title={t('stepOffer.title', { name: page?.name ?? '' })} size="lg">
      {page && <StepOfferForm key={page.id} funnel={funnel} page={page} offer={offer} onClose={onClose} />}
    </Modal>
  );
}

function StepOfferForm({ funnel, page, offer, onClose }: { funnel: TFunnel; page: TFunnelPageSummary; offer: TPageOffer | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const save = useSetPageOffer(funnel.id);
  const remove = useDeletePageOffer(funnel.id);
  const [search, setSearch] = useState('');
  // What the server searches: the text typed, not an option's label. Choosing an option (or opening on a saved one)
  // writes its label into the box; searched, it emptied the product list both selects share, and the order bump's
  // choices vanished under the user's click.
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query, 250);
  const products = useCursorPages<TProduct>(PRODUCTS_KEY, PRODUCTS_PATH, { status: 'active', q }, 100);
  const offerPage = isOfferPage(page.page_type);
  const form = useForm<TValues>({
    initialValues: {
      price_id: offer?.price.price_id ?? null,
      bump_price_id: offer?.bump?.price_id ?? null,
      bump_title: offer?.bump_title ?? '',
      bump_pitch: offer?.bump_pitch ?? '',
    },
    validate: {
      price_id: (value) => (value ? null : t('stepOffer.priceRequired')),
      bump_price_id: (value, values) => (value && value === values.price_id ? t('stepOffer.bumpSame') : null),
    },
  });
  const loaded = products.data?.pages.flatMap((p) => p.items) ?? [];
  const priceLabel = (price: { amount_cents: number; currency: string; interval: 'month' | 'year' | null }) => formatPrice(locale, t, price);
  const current = [offer?.price, offer?.bump ?? undefined];
  // A subscription is sold by the order form's main product only; the bump and one-click offers are one-time.
  const options = priceOptions(loaded, current, priceLabel, { subscription: t('stepOffer.subscription'), current: t('stepOffer.current') }, !offerPage);
  const bumpOptions = priceOptions(loaded, current, priceLabel, { subscription: t('stepOffer.oneTimeOnly'), current: t('stepOffer.current') }, false);
  const noProducts = products.isSuccess && loaded.length === 0 && !q;

  const submit = (values: TValues) => {
    const body = {
      price_id: values.price_id!,
      ...(offerPage ? {} : { bump_price_id: values.bump_price_id, bump_title: values.bump_title.trim() || null, bump_pitch: values.bump_pitch.trim() || null }),
    };
    save.mutate(
      { pageId: page.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onClose();
        },
        onError: (error) => {
          if (!setFormErrors(form, error)) notifyError(error, t);
        },
      },
    );
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(offerPage ? 'stepOffer.introOffer' : 'stepOffer.introOrder')}
        </Text>
        {noProducts && (
          <Alert color="blue" variant="light">
            <Stack gap={4}>
              <Text size="sm">{t('stepOffer.noProducts')}</Text>
              <Anchor component={Link} to="/funnels?tab=products" size="sm">
                {t('stepOffer.createProduct')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        <Select
          label={t(offerPage ? 'stepOffer.offerProduct' : 'stepOffer.mainProduct')}
          placeholder={t('stepOffer.pick')}
          data={options}
          searchable
          searchValue={search}
          onSearchChange={(value) => {
            setSearch(value);
            setQuery(options.some((group) => group.items.some((item) => item.label === value)) ? '' : value);
          }}
          nothingFoundMessage={t('stepOffer.nothingFound')}
          required
          {...form.getInputProps('price_id')}
        />
        {!offerPage && (
          <Stack gap="sm">
            <Select
              label={t('stepOffer.bumpProduct')}
              description={t('stepOffer.bumpHelp')}
              placeholder={t('stepOffer.noBump')}
              data={bumpOptions}
              searchable
              clearable
              nothingFoundMessage={t('stepOffer.nothingFound')}
              {...form.getInputProps('bump_price_id')}
            />
            {form.values.bump_price_id && (
              <>
                <TextInput
                  label={t('stepOffer.bumpTitle')}
                  description={t('stepOffer.bumpTitleHelp')}
                  maxLength={BUMP_TITLE_MAX}
                  {...form.getInputProps('bump_title')}
                />
                <Textarea
                  label={t('stepOffer.bumpPitch')}
                  description={t('stepOffer.bumpPitchHelp')}
                  maxLength={BUMP_PITCH_MAX}
                  autosize
                  minRows={2}
                  {...form.getInputProps('bump_pitch')}
                />
              </>
            )}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('stepOffer.pageHint')}
        </Text>
        <Group justify="space-between">
          {offer ? (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(page.id, { onSuccess: onClose, onError: (e) => notifyError(e, t) })}
            >
              {t('stepOffer.remove')}
            </Button>
          ) : (
            <span />
          )}
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The prices a step can sell, grouped by product: one-time prices, the current choices kept even when the search
 * hides them; recurring prices selectable where `recurringAllowed` (an order form's main product), shown disabled elsewhere.
 */
function priceOptions(
  products: TProduct[],
  current: (TOfferPrice | undefined)[],
  label: (price: { amount_cents: number; currency: string; interval: 'month' | 'year' | null }) => string,
  words: { subscription: string; current: string },
  recurringAllowed: boolean,
): ComboboxItemGroup<ComboboxItem>[] {
  const groups: ComboboxItemGroup<ComboboxItem>[] = products.map((product) => ({
    group: product.name,
    items: product.prices
      .filter((price) => price.active)
      .map((price) => ({
        value: price.id,
        label: `${product.name} · ${label(price)}${price.nickname ? ` (${price.nickname})` : ''}${price.kind === 'recurring' ? ` · ${words.subscription}` : ''}`,
        disabled: price.kind === 'recurring' && !recurringAllowed,
      })),
  }));
  const listed = new Set(groups.flatMap((group) => group.items.map((item) => item.value)));
  const missing = current.filter((price): price is TOfferPrice => price !== undefined && !listed.has(price.price_id));
  if (missing.length > 0) {
    groups.unshift({
      group: words.current,
      items: missing.map((price) => ({ value: price.price_id, label: `${price.product_name} · ${label({ ...price, interval: null })}` })),
    });
  }
  return groups.filter((group) => group.items.length > 0);
}

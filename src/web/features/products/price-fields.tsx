import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MAX_PRICE_AMOUNT_CENTS, PRODUCT_CURRENCIES, type TPriceCreateBody } from '../../../contracts/commerce-products.js';
import { NumberField } from '../../ui/number-field.js';
import { BILLINGS, billingToPrice, toCents, type TBilling } from './price-format.js';

/** What a person types for a price: how it bills, the amount in units of the currency (29,90), the currency, a label. */
export type TPriceValues = { billing: TBilling; amount: number | ''; currency: string; nickname: string };

export const emptyPrice = (currency = 'EUR'): TPriceValues => ({ billing: 'one_time', amount: '', currency, nickname: '' });

/** The check done before sending (the server checks again): an amount above 0. */
export function priceAmountError(amount: number | '', message: string): string | null {
  return amount === '' || amount <= 0 ? message : null;
}

/** The API's body of the typed price. */
export function priceBody(values: TPriceValues): TPriceCreateBody {
  return {
    ...billingToPrice(values.billing),
    amount_cents: toCents(Number(values.amount)),
    currency: values.currency,
    nickname: values.nickname.trim() || null,
  };
}

type Props<T> = { form: UseFormReturnType<T>; path: string; idPrefix: string };

/** Billing (once, monthly, yearly), amount read the French way ("29,90"), currency and label of one price. */
export function PriceFields<T>({ form, path, idPrefix }: Props<T>) {
  const { t } = useTranslation();
  const field = (name: keyof TPriceValues) => `${path}.${name}`;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${idPrefix}-billing`}>
          {t('products.form.billing')}
        </Text>
        <SegmentedControl
          aria-labelledby={`${idPrefix}-billing`}
          data={BILLINGS.map((value) => ({ value, label: t(`products.billing.${value}`) }))}
          {...form.getInputProps(field('billing'))}
        />
      </Stack>
      <Group grow align="flex-start" gap="sm">
        <NumberField
          label={t('products.form.amount')}
          required
          min={0}
          max={MAX_PRICE_AMOUNT_CENTS / 100}
          placeholder="29,00"
          {...form.getInputProps(field('amount'))}
        />
        <Select label={t('products.form.currency')} data={[...PRODUCT_CURRENCIES]} allowDeselect={false} maw={140} {...form.getInputProps(field('currency'))} />
      </Group>
      <TextInput
        label={t('products.form.nickname')}
        placeholder={t('products.form.nicknamePlaceholder')}
        maxLength={80}
        {...form.getInputProps(field('nickname'))}
      />
    </Stack>
  );
}

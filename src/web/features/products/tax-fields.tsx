import { Stack, Switch } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MAX_TAX_RATE_BPS } from '../../../contracts/commerce-products.js';
import { NumberField } from '../../ui/number-field.js';

/** VAT handling as a person sets it: prices with VAT included or not, the rate in percent, Stripe Tax. */
export type TTaxValues = { tax_inclusive: boolean; tax_rate: number | ''; stripe_tax: boolean };

/** The API's fields of the typed VAT handling (the rate in basis points: 20 % → 2000). */
export function taxBody(values: TTaxValues) {
  return {
    tax_behavior: values.tax_inclusive ? ('inclusive' as const) : ('exclusive' as const),
    tax_rate_bps: values.tax_rate === '' ? null : Math.round(values.tax_rate * 100),
    stripe_tax: values.stripe_tax,
  };
}

/** The form's values of a product's VAT handling. */
export function taxValues(product: { tax_behavior: string; tax_rate_bps: number | null; stripe_tax: boolean }): TTaxValues {
  return {
    tax_inclusive: product.tax_behavior === 'inclusive',
    tax_rate: product.tax_rate_bps === null ? '' : product.tax_rate_bps / 100,
    stripe_tax: product.stripe_tax,
  };
}

export function TaxFields<T extends TTaxValues>({ form, withStripeTax }: { form: UseFormReturnType<T>; withStripeTax: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Switch
        label={t('products.form.taxInclusive')}
        description={t('products.form.taxInclusiveHint')}
        {...form.getInputProps('tax_inclusive', { type: 'checkbox' })}
      />
      <NumberField
        label={t('products.form.taxRate')}
        description={t('products.form.taxRateHint')}
        min={0}
        max={MAX_TAX_RATE_BPS / 100}
        maw={420}
        {...form.getInputProps('tax_rate')}
      />
      {withStripeTax && (
        <Switch
          label={t('products.form.stripeTax')}
          description={t('products.form.stripeTaxHint')}
          {...form.getInputProps('stripe_tax', { type: 'checkbox' })}
        />
      )}
    </Stack>
  );
}

import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/format.js';
import { parseLocaleNumber } from './number-parse.js';

type TValue = number | string | null | undefined;

export type TNumberFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> & {
  /** A number, or '' / null / undefined when empty (what Mantine's `form.getInputProps` passes). */
  value?: TValue;
  /** Called with the number read from the text, or '' when the field is emptied; not called while the text is not a number. */
  onChange?: (value: number | '') => void;
  min?: number;
  max?: number;
  /** Decimals kept (2 by default); 0 refuses decimals. */
  decimals?: number;
};

/**
 * A number input that reads the way people type and paste in French and English: "12 500,50", "12.500,50",
 * "12,500.50", "12 500,50 €" (see parseLocaleNumber). It shows the value grouped by thousands in the interface's
 * language when not focused, and an error in place (never the browser's bubble) when the text is not a number
 * or out of bounds; the number kept is the last valid one, restored when the field loses focus.
 */
export function NumberField({ value, onChange, min, max, decimals = 2, error, onFocus, onBlur, ...props }: TNumberFieldProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const display = (v: TValue) => (typeof v === 'number' && Number.isFinite(v) ? format.number(v, decimals) : '');
  const [text, setText] = useState(() => display(value));
  const [problem, setProblem] = useState<string | null>(null);
  const focused = useRef(false);

  // A value changed from outside (form reset, another tab) shows up unless the person is typing.
  useEffect(() => {
    if (!focused.current) setText(display(value));
    // `display` only depends on the locale, which `format` carries.
  }, [value, format]);

  const change = (next: string) => {
    setText(next);
    const parsed = parseLocaleNumber(next, format.locale);
    if (parsed === null) {
      setProblem(null);
      onChange?.('');
    } else if (Number.isNaN(parsed) || (decimals === 0 && !Number.isInteger(parsed))) {
      setProblem(decimals === 0 ? t('validation.integer') : t('validation.number'));
    } else if (min !== undefined && parsed < min) {
      setProblem(t('validation.min', { min: format.number(min) }));
    } else if (max !== undefined && parsed > max) {
      setProblem(t('validation.max', { max: format.number(max) }));
    } else {
      setProblem(null);
      onChange?.(Math.round(parsed * 10 ** decimals) / 10 ** decimals);
    }
  };

  return (
    <TextInput
      {...props}
      inputMode={decimals === 0 ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={text}
      error={problem ?? error}
      onChange={(event) => change(event.currentTarget.value)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => {
        focused.current = true;
        onFocus?.(event);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        focused.current = false;
        setProblem(null);
        setText(display(value));
        onBlur?.(event);
      }}
    />
  );
}

/** The symbol of a currency in a locale ("€", "$US") and whether it comes before the amount. */
function currencySymbol(locale: string, currency: string): { symbol: string; before: boolean } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbolIndex = parts.findIndex((part) => part.type === 'currency');
  const integerIndex = parts.findIndex((part) => part.type === 'integer');
  return { symbol: parts[symbolIndex]?.value ?? currency, before: symbolIndex < integerIndex };
}

/** An amount in the workspace's currency: a NumberField (0 or more, cents allowed) with the currency's symbol beside it. */
export function MoneyField(props: TNumberFieldProps) {
  const format = useFormatters();
  const { symbol, before } = useMemo(() => currencySymbol(format.locale, format.currency), [format]);
  const symbolId = useId();
  const section = (
    <Text size="sm" c="dimmed" id={symbolId}>
      {symbol}
    </Text>
  );
  return (
    <NumberField
      min={0}
      {...props}
      leftSection={before ? section : props.leftSection}
      rightSection={before ? props.rightSection : section}
      // The symbol is drawn beside the input; screen readers read it as the input's description.
      aria-describedby={[props['aria-describedby'], symbolId].filter(Boolean).join(' ')}
    />
  );
}

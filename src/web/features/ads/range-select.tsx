import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format.js';
import { presetRange, RANGE_PRESETS, todayIn, useRangePreset, type TRange } from './ad-range.js';

/** The period a page reads, from the URL, as the range its queries send. */
export function useAdRange(): { preset: ReturnType<typeof useRangePreset>[0]; setPreset: ReturnType<typeof useRangePreset>[1]; range: TRange } {
  const [preset, setPreset] = useRangePreset();
  const { timeZone } = useFormatters();
  const range = useMemo(() => presetRange(preset, todayIn(timeZone)), [preset, timeZone]);
  return { preset, setPreset, range };
}

/** "Période": the server's default or the last 7, 30, 90 or 365 days; `answered` is the range the server used. */
export function RangeSelect({ answered }: { answered?: { from: string; to: string } }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { preset, setPreset } = useAdRange();
  const day = (date: string) => format.date(`${date}T12:00:00Z`);
  return (
    <Select
      label={t('ads.range.label')}
      description={answered ? t('ads.range.answered', { from: day(answered.from), to: day(answered.to) }) : undefined}
      data={RANGE_PRESETS.map((value) => ({ value, label: t(`ads.range.${value}`) }))}
      value={preset}
      onChange={(value) => {
        const next = RANGE_PRESETS.find((p) => p === value);
        if (next) setPreset(next);
      }}
      allowDeselect={false}
      w={{ base: '100%', xs: 300 }}
    />
  );
}

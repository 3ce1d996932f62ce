import { Group, SegmentedControl, Stack, TextInput, useMatches } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MAX_FUNNEL_STATS_DAYS } from '../../../../contracts/funnels.js';
import { DEFAULT_PRESET, presetOf, presetRange, RANGE_PRESETS, rangeFromParams, rangeProblem, type TDayRange } from './stats-range.js';

/**
 * The range in the URL (`from`, `to`), so a reload or a shared link keeps it; null is the default 30 days, which
 * leaves them out. Changing it replaces the history entry (the other parameters, such as `tab`, stay).
 */
export function useStatsRange(today: string): [TDayRange | null, (range: TDayRange | null) => void] {
  const [params, setParams] = useSearchParams();
  const range = rangeFromParams(params, today);
  const setRange = (next: TDayRange | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) {
          updated.set('from', next.from);
          updated.set('to', next.to);
        } else {
          updated.delete('from');
          updated.delete('to');
        }
        return updated;
      },
      { replace: true },
    );
  return [range, setRange];
}

type Props = {
  range: TDayRange | null;
  onChange: (range: TDayRange | null) => void;
  /** Today in the workspace's time zone (YYYY-MM-DD). */
  today: string;
};

/** 7 / 30 / 90 days, or two native date fields (Mantine's date pickers are not installed) for a custom range. */
export function RangeControl({ range, onChange, today }: Props) {
  const { t } = useTranslation();
  const preset = presetOf(range, today);
  const [customOpen, setCustomOpen] = useState(preset === 'custom');
  const [draft, setDraft] = useState<TDayRange>(() => range ?? presetRange(DEFAULT_PRESET, today));
  const problem = rangeProblem(draft, today);
  // The four choices fit a 390 px phone only in the smaller size.
  const size = useMatches({ base: 'xs', xs: 'sm' });

  const selectPreset = (value: string) => {
    if (value === 'custom') {
      setDraft(range ?? presetRange(DEFAULT_PRESET, today));
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    const days = Number(value);
    onChange(days === DEFAULT_PRESET ? null : presetRange(days, today));
  };
  const edit = (next: TDayRange) => {
    setDraft(next);
    if (rangeProblem(next, today) === null) onChange(next);
  };

  const problemText = (where: 'from' | 'to') => {
    if (problem === 'future' && where === 'from') return t('funnelList.stats.report.range.problems.future');
    if (problem === 'order' && where === 'to') return t('funnelList.stats.report.range.problems.order');
    if (problem === 'tooLong' && where === 'from') return t('funnelList.stats.report.range.problems.tooLong', { max: MAX_FUNNEL_STATS_DAYS });
    return undefined;
  };

  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('funnelList.stats.report.range.label')}
        value={customOpen ? 'custom' : String(preset)}
        onChange={selectPreset}
        data={[
          ...RANGE_PRESETS.map((days) => ({ value: String(days), label: t(`funnelList.stats.report.range.presets.${days}`) })),
          { value: 'custom', label: t('funnelList.stats.report.range.custom') },
        ]}
        size={size}
        fullWidth
        w={{ base: '100%', xs: 'auto' }}
      />
      {customOpen && (
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            type="date"
            label={t('funnelList.stats.report.range.from')}
            value={draft.from}
            max={today}
            onChange={(event) => edit({ ...draft, from: event.currentTarget.value })}
            error={problemText('from')}
            style={{ flex: 1, minWidth: 0, maxWidth: 200 }}
          />
          <TextInput
            type="date"
            label={t('funnelList.stats.report.range.to')}
            value={draft.to}
            max={today}
            onChange={(event) => edit({ ...draft, to: event.currentTarget.value })}
            error={problemText('to')}
            style={{ flex: 1, minWidth: 0, maxWidth: 200 }}
          />
        </Group>
      )}
    </Stack>
  );
}

import { Box, Group, Loader, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.js';

type Props = {
  /** When the numbers on screen were read (ms since the epoch). */
  updatedAt: number;
  /** The last reading failed: the numbers on screen are older. */
  failed: boolean;
  /** Another range is loading (the previous one's numbers stay on screen meanwhile). */
  loading: boolean;
};

/**
 * "● En direct · mis à jour il y a 3 s", or why not. It ticks every second on its own, so the report around it is not
 * rendered again; it is not a live region (a screen reader would hear it every second) and keeps its width.
 */
export function LiveIndicator({ updatedAt, failed, loading }: Props) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 1000, { autoInvoke: true });
  const relative = useMemo(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }), [locale]);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  const ago = seconds < 60 ? relative.format(-seconds, 'second') : relative.format(-Math.floor(seconds / 60), 'minute');
  return (
    <Group gap={6} wrap="nowrap" data-testid="stats-live">
      <Box aria-hidden w={10} h={10} style={{ borderRadius: '50%', flexShrink: 0, background: `var(--mantine-color-${failed ? 'orange' : 'teal'}-7)` }} />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t(failed ? 'funnelList.stats.report.live.failed' : 'funnelList.stats.report.live.live')}
      </Text>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {t('funnelList.stats.report.live.updated', { ago })}
      </Text>
      {/* Always there, so the row does not move when a range starts or stops loading. */}
      <Box w={16} style={{ flexShrink: 0, display: 'flex' }}>
        {loading && <Loader size={14} aria-label={t('funnelList.stats.report.live.loading')} />}
      </Box>
    </Group>
  );
}

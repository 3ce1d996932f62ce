import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdCampaignStatus, TAdPlatform } from '../../../contracts/ads.js';
import { qualityColor, type TQuality } from './ad-format.js';

/** A badge keeps its whole label in tight rows. */
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

const PLATFORM_COLORS: Record<TAdPlatform, string> = {
  facebook: 'blue',
  instagram: 'grape',
  google: 'teal',
  linkedin: 'indigo',
  tiktok: 'pink',
  other: 'gray',
};

const STATUS_COLORS: Record<TAdCampaignStatus, string> = { draft: 'gray', active: 'teal', paused: 'orange', completed: 'indigo' };

/** Facebook / Instagram / Google / LinkedIn / TikTok / Autre. */
export function PlatformBadge({ platform }: { platform: TAdPlatform }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PLATFORM_COLORS[platform]} style={NO_SHRINK}>
      {t(`ads.platforms.${platform}`)}
    </Badge>
  );
}

/** Brouillon / Active / En pause / Terminée. */
export function StatusBadge({ status }: { status: TAdCampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant={status === 'active' ? 'filled' : 'light'} color={STATUS_COLORS[status]} style={NO_SHRINK} data-testid="ad-status">
      {t(`ads.statuses.${status}`)}
    </Badge>
  );
}

/** A ratio coloured against its threshold, with an icon and a hidden verdict so colour is never the only cue. */
export function QualityValue({ value, quality, label, verdict }: { value: string; quality: TQuality; label: string; verdict?: string }) {
  const color = qualityColor(quality);
  const Icon = quality === 'good' ? IconCircleCheck : IconAlertTriangle;
  return (
    <Group gap={4} wrap="nowrap">
      {quality && <Icon size={16} color={color} aria-hidden style={{ flexShrink: 0 }} />}
      <Text size="sm">
        <Text span fw={700} style={{ color }}>
          {value}
        </Text>{' '}
        {label}
        {verdict && <VisuallyHidden> ({verdict})</VisuallyHidden>}
      </Text>
    </Group>
  );
}

/** A verdict inline in a tile's detail line ("bon, au-dessus de 1 %"), coloured and with its icon. */
export function Verdict({ quality, text }: { quality: TQuality; text: string }) {
  const color = qualityColor(quality);
  const Icon = quality === 'good' ? IconCircleCheck : IconAlertTriangle;
  return (
    <Text span inherit style={{ color, display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
      {text}
    </Text>
  );
}

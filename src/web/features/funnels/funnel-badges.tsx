import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelPageType, TFunnelType } from '../../../contracts/funnels.js';

/** A badge keeps its whole label: a table column or a tight row would otherwise squeeze it to an ellipsis. */
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

const TYPE_COLORS: Record<TFunnelType, string> = { webinar: 'grape', product: 'blue', service: 'cyan', lead_magnet: 'orange', membership: 'indigo' };

/** Webinar / Produit / Service / Lead magnet / Abonnement. */
export function FunnelTypeBadge({ type }: { type: TFunnelType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} style={NO_SHRINK}>
      {t(`funnelList.types.${type}`)}
    </Badge>
  );
}

/** Publié / Brouillon. */
export function FunnelStatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant={active ? 'filled' : 'light'} color={active ? 'teal' : 'gray'} style={NO_SHRINK}>
      {t(active ? 'funnelList.status.published' : 'funnelList.status.draft')}
    </Badge>
  );
}

export const PAGE_TYPE_COLORS: Record<TFunnelPageType, string> = {
  optin: 'orange',
  vsl: 'grape',
  sales: 'blue',
  upsell: 'teal',
  downsell: 'yellow',
  thank_you: 'green',
  webinar: 'violet',
};

/** Opt-in / VSL / Vente / Upsell / Downsell / Remerciement / Webinar. */
export function PageTypeBadge({ type }: { type: TFunnelPageType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={PAGE_TYPE_COLORS[type]} style={NO_SHRINK}>
      {t(`funnelList.pageTypes.${type}`)}
    </Badge>
  );
}

import { iso } from '../../../contracts/common.js';
import type { TAdCampaign } from '../../../contracts/ads.js';
import type { TAdCampaignView } from './ad-campaign-view.js';
import { adRatios, returnOn, round } from './ad-ratios.js';

/** A campaign as the API shows it: its fields, all-time totals and ratios (null on a zero denominator), results. */
export function adCampaign(view: TAdCampaignView): TAdCampaign {
  const { row, totals, results } = view;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    platform: row.platform,
    status: row.status,
    ad_copy: row.ad_copy,
    headline: row.headline,
    image_url: row.image_url,
    video_url: row.video_url,
    target_audience: row.target_audience,
    daily_budget: row.daily_budget,
    total_budget: row.total_budget,
    currency: row.currency,
    start_date: row.start_date,
    end_date: row.end_date,
    platform_campaign_id: row.platform_campaign_id,
    utm_campaign: row.utm_campaign,
    utm_source: row.utm_source,
    connection_id: row.connection_id,
    // A real column: 0.3 reads back as 0.30000001.
    cpa_alert_rise: round(row.cpa_alert_rise, 4),
    impressions: totals.impressions,
    clicks: totals.clicks,
    conversions: round(totals.conversions, 2),
    spent: round(totals.spent, 2),
    conversion_value: round(totals.conversion_value, 2),
    ...adRatios({ ...totals, spend: totals.spent }),
    revenue: results.revenue,
    ...returnOn(results.revenue, totals.spent),
    results,
    pacing: view.pacing,
    cpa_alert: view.cpa_alert,
    last_day: view.last_day,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

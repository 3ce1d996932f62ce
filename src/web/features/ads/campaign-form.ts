import {
  DEFAULT_CPA_ALERT_RISE,
  type TAdCampaign,
  type TAdCampaignCreateBody,
  type TAdCampaignStatus,
  type TAdCampaignUpdateBody,
  type TAdPlatform,
  type TTargetAudience,
} from '../../../contracts/ads.js';
import { ApiError } from '../../lib/api.js';

type TGender = TTargetAudience['genders'][number];

/** What the campaign form holds: text as typed, numbers or '' when empty, the audience flattened. */
export type TCampaignValues = {
  name: string;
  description: string;
  platform: TAdPlatform;
  status: TAdCampaignStatus;
  headline: string;
  ad_copy: string;
  image_url: string;
  video_url: string;
  locations: string[];
  age_min: number | '';
  age_max: number | '';
  genders: TGender[];
  interests: string[];
  job_titles: string[];
  keywords: string[];
  daily_budget: number | '';
  total_budget: number | '';
  currency: string;
  start_date: string;
  end_date: string;
  platform_campaign_id: string;
  utm_campaign: string;
  utm_source: string;
  /** The CPA alert threshold as a percentage (30 for 0.3). */
  cpa_alert_rise: number | '';
};

/** The form's starting values: a new campaign (drafts in the workspace's currency) or the one being edited. */
export function campaignValues(campaign: TAdCampaign | null, currency: string): TCampaignValues {
  const audience = campaign?.target_audience;
  return {
    name: campaign?.name ?? '',
    description: campaign?.description ?? '',
    platform: campaign?.platform ?? 'facebook',
    status: campaign?.status ?? 'draft',
    headline: campaign?.headline ?? '',
    ad_copy: campaign?.ad_copy ?? '',
    image_url: campaign?.image_url ?? '',
    video_url: campaign?.video_url ?? '',
    locations: audience?.locations ?? [],
    age_min: audience?.age_min ?? '',
    age_max: audience?.age_max ?? '',
    genders: audience?.genders ?? [],
    interests: audience?.interests ?? [],
    job_titles: audience?.job_titles ?? [],
    keywords: audience?.keywords ?? [],
    daily_budget: campaign?.daily_budget ?? '',
    total_budget: campaign?.total_budget ?? '',
    currency: campaign?.currency ?? currency,
    start_date: campaign?.start_date ?? '',
    end_date: campaign?.end_date ?? '',
    platform_campaign_id: campaign?.platform_campaign_id ?? '',
    utm_campaign: campaign?.utm_campaign ?? '',
    utm_source: campaign?.utm_source ?? '',
    cpa_alert_rise: Math.round((campaign?.cpa_alert_rise ?? DEFAULT_CPA_ALERT_RISE) * 100),
  };
}

const text = (value: string) => value.trim() || null;
const amount = (value: number | '') => (value === '' ? null : value);

/** The body of POST /ad-campaigns. Job titles and keywords are kept only where their platform uses them. */
export function createBody(values: TCampaignValues): TAdCampaignCreateBody {
  return {
    name: values.name.trim(),
    description: text(values.description),
    platform: values.platform,
    status: values.status,
    headline: text(values.headline),
    ad_copy: text(values.ad_copy),
    image_url: text(values.image_url),
    video_url: text(values.video_url),
    target_audience: {
      locations: values.locations,
      age_min: amount(values.age_min),
      age_max: amount(values.age_max),
      genders: values.genders,
      interests: values.interests,
      job_titles: values.platform === 'linkedin' ? values.job_titles : [],
      keywords: values.platform === 'google' ? values.keywords : [],
    },
    daily_budget: amount(values.daily_budget),
    total_budget: amount(values.total_budget),
    currency: values.currency,
    start_date: values.start_date || null,
    end_date: values.end_date || null,
    platform_campaign_id: text(values.platform_campaign_id),
    utm_campaign: text(values.utm_campaign),
    utm_source: text(values.utm_source),
    cpa_alert_rise: values.cpa_alert_rise === '' ? DEFAULT_CPA_ALERT_RISE : values.cpa_alert_rise / 100,
  };
}

/**
 * The body of PATCH /ad-campaigns/:id: only what changed (a status sent unchanged could call the platform for
 * nothing); platform and currency never change.
 */
export function updateBody(values: TCampaignValues, initial: TCampaignValues): TAdCampaignUpdateBody {
  const { platform: _p, currency: _c, ...next } = createBody(values);
  const { platform: _ip, currency: _ic, ...before } = createBody(initial);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])) changed[key] = value;
  }
  return changed as TAdCampaignUpdateBody;
}

/**
 * The server's field errors on the form's fields: "target_audience.locations.0" is the locations field,
 * "cpa_alert_rise" the percentage. Returns false when none belongs to the form.
 */
export function campaignFieldErrors(error: unknown, values: TCampaignValues): Record<string, string> | null {
  if (!(error instanceof ApiError)) return null;
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors())) {
    const field = path.replace(/^target_audience\./, '').split('.')[0] ?? '';
    if (field in values && !(field in result)) result[field] = message;
  }
  return Object.keys(result).length > 0 ? result : null;
}

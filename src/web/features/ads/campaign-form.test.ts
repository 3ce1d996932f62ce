import { describe, expect, it } from 'vitest';
import { ZAdCampaignCreateBody, ZAdCampaignUpdateBody, type TAdCampaign } from '../../../contracts/ads.js';
import { ApiError } from '../../lib/api.js';
import { campaignFieldErrors, campaignValues, createBody, updateBody } from './campaign-form.js';

const campaign: TAdCampaign = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Soldes',
  description: null,
  platform: 'google',
  status: 'active',
  ad_copy: null,
  headline: 'Tout à -30 %',
  image_url: null,
  video_url: null,
  target_audience: { locations: ['Lyon'], age_min: 25, age_max: null, genders: [], interests: [], job_titles: [], keywords: ['soldes'] },
  daily_budget: 40,
  total_budget: null,
  currency: 'EUR',
  start_date: '2026-01-01',
  end_date: null,
  platform_campaign_id: '123',
  utm_campaign: 'soldes',
  utm_source: null,
  connection_id: null,
  cpa_alert_rise: 0.5,
  impressions: 0,
  clicks: 0,
  conversions: 0,
  spent: 0,
  conversion_value: 0,
  ctr: null,
  cpc: null,
  cpa: null,
  revenue: 0,
  roas: null,
  roi: null,
  results: { leads: 0, won_deals: 0, sales: 0, revenue: 0, cost_per_lead: null, real_cpa: null, real_roas: null },
  pacing: null,
  cpa_alert: null,
  last_day: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('campaign form', () => {
  it('sends a new campaign the contract accepts: empty text as null, the alert threshold as a share', () => {
    const values = { ...campaignValues(null, 'EUR'), name: '  Lancement  ', utm_campaign: 'lancement', cpa_alert_rise: 25 as const };
    const body = createBody(values);
    expect(ZAdCampaignCreateBody.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ name: 'Lancement', description: null, image_url: null, daily_budget: null, cpa_alert_rise: 0.25, start_date: null });
  });

  it('keeps job titles for LinkedIn and keywords for Google only', () => {
    const values = { ...campaignValues(null, 'EUR'), name: 'x', job_titles: ['CTO'], keywords: ['crm'] };
    expect(createBody({ ...values, platform: 'linkedin' }).target_audience).toMatchObject({ job_titles: ['CTO'], keywords: [] });
    expect(createBody({ ...values, platform: 'google' }).target_audience).toMatchObject({ job_titles: [], keywords: ['crm'] });
  });

  it('patches only what changed, never the platform or the currency, and nothing when nothing changed', () => {
    const initial = campaignValues(campaign, 'USD');
    expect(initial.currency).toBe('EUR');
    expect(initial.cpa_alert_rise).toBe(50);
    expect(updateBody(initial, initial)).toEqual({});
    const body = updateBody({ ...initial, name: 'Soldes d’été', locations: ['Lyon', 'Paris'], status: 'active' }, initial);
    expect(body).toEqual({ name: 'Soldes d’été', target_audience: { ...campaign.target_audience, locations: ['Lyon', 'Paris'] } });
    expect(ZAdCampaignUpdateBody.safeParse(body).success).toBe(true);
  });

  it('puts the server field errors on the form fields, audience paths included', () => {
    const values = campaignValues(campaign, 'EUR');
    const error = new ApiError({
      status: 400,
      detail: 'invalid',
      errors: [
        { path: 'body.target_audience.locations.0', message: 'Too long' },
        { path: 'body.end_date', message: 'must not be before start_date' },
        { path: 'body.unknown', message: 'x' },
      ],
    });
    expect(Object.keys(campaignFieldErrors(error, values) ?? {})).toEqual(['locations', 'end_date']);
    expect(campaignFieldErrors(new Error('x'), values)).toBeNull();
    expect(campaignFieldErrors(new ApiError({ status: 409, detail: 'no' }), values)).toBeNull();
  });
});

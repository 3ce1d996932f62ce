import { inArray } from 'drizzle-orm';
import {
  DEFAULT_SCORE_HALF_LIFE_DAYS,
  DEFAULT_STAGE_PROBABILITIES,
  OPEN_LEAD_STATUSES,
  type TCrmSettings,
  type TCrmSettingsUpdateBody,
  type TOpenLeadStatus,
  type TStageProbabilities,
} from '../../../contracts/crm-scoring.js';
import type { TLeadStatus } from '../../../contracts/crm.js';
import { isUuid, type Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { workspaceMembers } from '../../workspaces/index.js';
import { crmSettings } from './crm-settings.tables.js';

// One crm_settings row per workspace, created on the first write; until then the defaults apply.

const DEFAULTS: TCrmSettings = {
  score_half_life_days: DEFAULT_SCORE_HALF_LIFE_DAYS,
  round_robin_enabled: false,
  round_robin_member_ids: [],
  stage_probabilities: DEFAULT_STAGE_PROBABILITIES,
};

type TStoredProbabilities = Partial<Record<TOpenLeadStatus, number>>;

/** The stored open stages over the defaults; won and lost are fixed. */
function probabilitiesOf(stored: TStoredProbabilities): TStageProbabilities {
  const result = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const status of OPEN_LEAD_STATUSES) if (typeof stored[status] === 'number') result[status] = stored[status];
  return result;
}

/** The workspace's CRM settings (the defaults when it never changed them). */
export async function readCrmSettings(tenant: Tenant): Promise<TCrmSettings> {
  const [row] = await tenant.db.select().from(crmSettings).where(tenant.where(crmSettings));
  if (!row) return { ...DEFAULTS };
  return {
    score_half_life_days: row.score_half_life_days,
    round_robin_enabled: row.round_robin_enabled,
    round_robin_member_ids: row.round_robin_member_ids,
    stage_probabilities: probabilitiesOf(row.stage_probabilities),
  };
}

/** Win probability per status as a fraction (0–1), what the weighted pipeline value multiplies by. */
export async function winProbabilities(tenant: Tenant): Promise<Record<TLeadStatus, number>> {
  const [row] = await tenant.db.select({ stage_probabilities: crmSettings.stage_probabilities }).from(crmSettings).where(tenant.where(crmSettings));
  const percent = probabilitiesOf(row?.stage_probabilities ?? {});
  return Object.fromEntries(Object.entries(percent).map(([status, p]) => [status, p / 100])) as Record<TLeadStatus, number>;
}

/**
 * Changes the settings; round-robin members must belong to the workspace and the rotation needs
 * at least one of them to be enabled. `halfLifeChanged` tells the caller every score must be recalculated
 * (the scoring module queues it: settings know nothing of scoring, which reads them).
 */
export async function updateCrmSettings(tenant: Tenant, input: TCrmSettingsUpdateBody): Promise<{ settings: TCrmSettings; halfLifeChanged: boolean }> {
  const before = await readCrmSettings(tenant);
  const memberIds = input.round_robin_member_ids === undefined ? undefined : [...new Set(input.round_robin_member_ids)];
  if (memberIds) await assertMembers(tenant, memberIds);
  const next: TCrmSettings = {
    score_half_life_days: input.score_half_life_days ?? before.score_half_life_days,
    round_robin_enabled: input.round_robin_enabled ?? before.round_robin_enabled,
    round_robin_member_ids: memberIds ?? before.round_robin_member_ids,
    stage_probabilities: { ...before.stage_probabilities, ...openOnly(input.stage_probabilities ?? {}) },
  };
  if (next.round_robin_enabled && next.round_robin_member_ids.length === 0) {
    throw new AppError('bad_request', 'Choose at least one member to enable round-robin assignment', {
      errors: [{ path: 'body.round_robin_member_ids', message: 'choose at least one member to enable round-robin', code: 'round_robin_needs_member' }],
    });
  }
  // Only the open stages are stored (won and lost never change). A PATCH without probabilities leaves the column
  // alone, so a workspace that never chose any keeps following the defaults.
  const { stage_probabilities, ...rest } = next;
  const row = input.stage_probabilities === undefined ? rest : { ...rest, stage_probabilities: openOnly(stage_probabilities) };
  await tenant.db
    .insert(crmSettings)
    .values({ workspace_id: tenant.workspaceId, ...row })
    .onConflictDoUpdate({ target: crmSettings.workspace_id, set: { ...row, updated_at: new Date() } });
  return { settings: next, halfLifeChanged: next.score_half_life_days !== before.score_half_life_days };
}

function openOnly(probabilities: Partial<Record<TLeadStatus, number | undefined>>): TStoredProbabilities {
  const result: TStoredProbabilities = {};
  for (const status of OPEN_LEAD_STATUSES) if (typeof probabilities[status] === 'number') result[status] = probabilities[status];
  return result;
}

async function assertMembers(tenant: Tenant, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const uuids = userIds.filter(isUuid);
  const found =
    uuids.length === 0
      ? []
      : await tenant.db
          .select({ user_id: workspaceMembers.user_id })
          .from(workspaceMembers)
          .where(tenant.where(workspaceMembers, inArray(workspaceMembers.user_id, uuids)));
  const members = new Set(found.map((row) => row.user_id));
  const strangers = userIds.filter((id) => !members.has(id));
  if (strangers.length > 0) {
    throw new AppError('bad_request', 'Round-robin members must be members of this workspace', {
      errors: [{ path: 'body.round_robin_member_ids', message: `not members of this workspace: ${strangers.join(', ')}` }],
    });
  }
}

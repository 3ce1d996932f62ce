import { and, eq } from 'drizzle-orm';
import type { TBrandKit, TBrandKitBody } from '../../../contracts/ai.js';
import { iso } from '../../../contracts/common.js';
import { isUuid, type Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import { files } from '../../files/index.js';
import { aiBrandKits } from '../ai.tables.js';

// The brand kit every generation uses. A workspace without one gets the defaults (its name stands for the brand);
// the first save creates the row.

const DEFAULTS = {
  brand_name: '',
  tone: 'professional',
  primary_color: '#1c5fb8',
  secondary_color: '#f0b429',
  logo_file_id: null,
  main_offer: '',
  audience: '',
  words_to_avoid: [] as string[],
  language: 'fr',
} as const;

/** The workspace's brand kit as the API shows it (logo_url: the logo's address on the public server). */
export async function getBrandKit(tenant: Tenant, publicUrl: string): Promise<TBrandKit> {
  const [row] = await tenant.db.select().from(aiBrandKits).where(eq(aiBrandKits.workspace_id, tenant.workspaceId)).limit(1);
  const kit = row ?? { ...DEFAULTS, workspace_id: tenant.workspaceId, updated_at: null };
  return {
    brand_name: kit.brand_name,
    tone: kit.tone,
    primary_color: kit.primary_color,
    secondary_color: kit.secondary_color,
    logo_file_id: kit.logo_file_id,
    // The files module serves a workspace's files at /files/<id> on the public server (files.wire.ts).
    logo_url: kit.logo_file_id ? `${publicUrl}/files/${kit.logo_file_id}` : null,
    main_offer: kit.main_offer,
    audience: kit.audience,
    words_to_avoid: [...kit.words_to_avoid],
    language: kit.language,
    updated_at: kit.updated_at ? iso(kit.updated_at) : null,
  };
}

/** Saves the fields sent (the others keep their value); a logo must be one of the workspace's images. */
export async function saveBrandKit(tenant: Tenant, publicUrl: string, body: TBrandKitBody): Promise<TBrandKit> {
  if (body.logo_file_id) await requireOwnImage(tenant, body.logo_file_id);
  const words = body.words_to_avoid ? [...new Set(body.words_to_avoid.map((w) => w.trim()).filter(Boolean))] : undefined;
  const values = { ...body, ...(words ? { words_to_avoid: words } : {}), updated_at: new Date() };
  await tenant.db
    .insert(aiBrandKits)
    .values({ ...DEFAULTS, ...values, workspace_id: tenant.workspaceId })
    .onConflictDoUpdate({ target: aiBrandKits.workspace_id, set: values });
  return getBrandKit(tenant, publicUrl);
}

async function requireOwnImage(tenant: Tenant, fileId: string): Promise<void> {
  const [file] = !isUuid(fileId)
    ? []
    : await tenant.db
        .select({ content_type: files.content_type })
        .from(files)
        .where(and(eq(files.workspace_id, tenant.workspaceId), eq(files.id, fileId)))
        .limit(1);
  if (!file?.content_type.startsWith('image/')) {
    throw new AppError('bad_request', 'The logo must be an image of the media library', {
      errors: [{ path: 'body.logo_file_id', message: 'not an image of this workspace', code: 'logo_not_workspace_image' }],
    });
  }
}

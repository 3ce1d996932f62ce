import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import { emailLinks } from './email.tables.js';

/** Distinct links tracked per campaign; a link a template builds per lead (`?id={{ lead.id }}`) could make millions. */
export const MAX_TRACKED_LINKS = 500;
/** Longer destinations are left as written (they fit no index, and no real newsletter link is this long). */
const MAX_TRACKED_URL = 2000;

/**
 * A campaign's link ids, cached for one sender: a destination seen for the first time is written to email_links
 * once (an upsert, so two workers agree on its id), then every message reuses its id.
 */
export class CampaignLinks {
  private readonly ids = new Map<string, string>();
  private full = false;

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly campaignId: string,
  ) {}

  /** Loads the links already recorded (a resumed campaign). */
  async load(): Promise<void> {
    const rows = await this.db
      .select({ id: emailLinks.id, url: emailLinks.url })
      .from(emailLinks)
      .where(sql`${emailLinks.workspace_id} = ${this.workspaceId}::uuid AND ${emailLinks.campaign_id} = ${this.campaignId}::uuid`);
    for (const row of rows) this.ids.set(row.url, row.id);
    this.full = this.ids.size >= MAX_TRACKED_LINKS;
  }

  /** The id of each destination that is tracked (new ones recorded first); untracked ones are absent. */
  async idsOf(urls: string[]): Promise<Map<string, string>> {
    const missing = urls.filter((url) => !this.ids.has(url) && url.length <= MAX_TRACKED_URL);
    if (missing.length > 0 && !this.full) {
      const room = MAX_TRACKED_LINKS - this.ids.size;
      const values = missing.slice(0, room).map((url) => sql`(${this.workspaceId}::uuid, ${this.campaignId}::uuid, ${url})`);
      const result = await this.db.execute(sql`
        INSERT INTO ${emailLinks} (workspace_id, campaign_id, url) VALUES ${sql.join(values, sql`, `)}
        ON CONFLICT (campaign_id, url) DO UPDATE SET url = excluded.url
        RETURNING id, url`);
      for (const row of rowsOf<{ id: string; url: string }>(result)) this.ids.set(row.url, row.id);
      this.full = this.ids.size >= MAX_TRACKED_LINKS;
    }
    const found = new Map<string, string>();
    for (const url of urls) {
      const id = this.ids.get(url);
      if (id) found.set(url, id);
    }
    return found;
  }
}

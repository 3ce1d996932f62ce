import { z } from 'zod';

// CSV import of leads (POST /api/marketing/leads/import, GET /api/marketing/imports/:id).

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ZImportStatus = z.enum(IMPORT_STATUSES);

/** What to do with a row whose email already belongs to a lead. */
export const ON_DUPLICATE = ['skip', 'update'] as const;
export const ZOnDuplicate = z.enum(ON_DUPLICATE);

import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_AD_REPORT_BYTES, MAX_AD_REPORT_ROWS, ZAdReportImport, ZAdReportImportList } from '../../../contracts/ads.js';
import { AppError } from '../../../platform/errors.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { importAdReport, listAdReportImports } from './report-import.service.js';
import * as wire from './report-import.wire.js';

const tags = ['ads'];
const MB = Math.floor(MAX_AD_REPORT_BYTES / 1_048_576);

/**
 * Report imports (/api/marketing/ad-campaigns/imports). The static segment `imports` wins over the campaigns'
 * `/:id` in Fastify's router whatever the registration order (tested).
 */
export async function adReportImportRoutes(fastify: FastifyInstance, runtime: Runtime): Promise<void> {
  // Multipart is parsed only in this scope: every other route keeps speaking JSON only.
  await fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_AD_REPORT_BYTES, files: 1, fields: 0, parts: 2 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/marketing/ad-campaigns/imports',
      {
        bodyLimit: MAX_AD_REPORT_BYTES + 64 * 1024,
        schema: {
          tags,
          summary: 'Import a daily campaign report exported by Meta Ads Manager, Google Ads or LinkedIn Campaign Manager (multipart field `file`)',
          description:
            `CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab) or XLSX, in French or English, at most ${MB} MB ` +
            `(413) and ${MAX_AD_REPORT_ROWS} rows (413). The export is recognised from its header row (the lines before it and the total ` +
            `lines are skipped); a file that is not one of these reports is refused (400 \`ad_report_unrecognised\`), so is a report without ` +
            "a per-day breakdown (400 `ad_report_not_daily`). Rows are matched to campaigns by the platform's campaign id, else by name; " +
            'missing campaigns are created (active). Each (campaign, day) of the file replaces the stored one: re-importing a file is ' +
            'idempotent. Bad rows are listed in `errors` with their line; the others are written.',
          consumes: ['multipart/form-data'],
          response: { 201: ZAdReportImport },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError('unsupported_media_type', 'Send the report as multipart/form-data (field: file)', { reason: 'multipart_required' });
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'No file', { errors: [{ path: 'file', message: 'required', code: 'required' }] });
        const bytes = await part.toBuffer().catch((error: unknown) => {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('payload_too_large', `The file is larger than ${MB} MB: export a shorter period`, {
              reason: 'file_too_large',
              params: { mb: MB },
            });
          throw error;
        });
        const row = await importAdReport(tenantOf(req, runtime), authOf(req).user_id, { fileName: part.filename, bytes });
        return reply.code(201).send(wire.adReportImport(row));
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/marketing/ad-campaigns/imports',
    { schema: { tags, summary: 'The 20 latest report imports, newest first', response: { 200: ZAdReportImportList } } },
    async (req) => ({ items: (await listAdReportImports(tenantOf(req, runtime))).map(wire.adReportImport) }),
  );
}

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { ZIdParams } from '../../../contracts/common.js';
import { IMPORT_MAX_BYTES, ZImportProblemList, ZImportReportQuery, ZLeadExportQuery, ZLeadImport, ZLeadImportList } from '../../../contracts/crm-imports.js';
import { AppError } from '../../../platform/errors.js';
import { authOf, tenantOf } from '../../../platform/http/api-app.js';
import type { Runtime } from '../../../platform/runtime.js';
import { exportLeadsCsv } from './lead-export.service.js';
import { startLeadImport, type TUploadPart } from './lead-import-upload.service.js';
import * as wire from './lead-import.wire.js';
import { getLeadImport, importProblems, importReportCsv, listLeadImports, reportRowCounts } from './lead-imports.service.js';

const tags = ['crm'];
const importRoute = { table: 'lead_imports' };

/** CSV import (/api/marketing/leads/import, /api/marketing/imports) and export (/api/marketing/leads/export.csv) of leads. */
export async function leadImportRoutes(fastify: FastifyInstance, runtime: Runtime): Promise<void> {
  // Multipart is parsed only in this scope: every other route keeps speaking JSON only.
  await fastify.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 256 * 1024, parts: 20 },
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/marketing/leads/import',
      {
        schema: {
          tags,
          summary: 'Import leads from a CSV file (multipart: mapping, on_duplicate, then file); 202 with the queued import',
          description:
            'Form fields: `mapping` (JSON object, CSV column -> lead field or `custom.<key>`), `on_duplicate` (`skip` | `update`, default skip), ' +
            '`file` (CSV, UTF-8 or Windows-1252, `,` or `;`, at most 50 MB). The file is refused with 415 when it is not a CSV text.',
          consumes: ['multipart/form-data'],
          response: { 202: ZLeadImport },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) {
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data (fields: mapping, on_duplicate, file)');
        }
        // A declared size far over the limit is refused before reading a byte (the form adds a few KB).
        if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES + 1024 * 1024) {
          throw new AppError('payload_too_large', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into several files`);
        }
        const row = await startLeadImport(runtime, tenantOf(req, runtime), authOf(req), uploadParts(req));
        return reply.code(202).send(wire.leadImport(row, 0));
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/marketing/imports',
    { schema: { tags, summary: 'The latest imports of leads, newest first', response: { 200: ZLeadImportList } } },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const rows = await listLeadImports(tenant);
      const counts = await reportRowCounts(
        tenant,
        rows.map((row) => row.id),
      );
      return { items: rows.map((row) => wire.leadImport(row, counts.get(row.id) ?? 0)) };
    },
  );

  app.get(
    '/api/marketing/imports/:id',
    {
      config: { tenant: importRoute },
      schema: {
        tags,
        summary: 'An import: status, progress (bytes_read / file_size, processed_rows) and counts',
        params: ZIdParams,
        response: { 200: ZLeadImport },
      },
    },
    async (req) => {
      const tenant = tenantOf(req, runtime);
      const row = await getLeadImport(tenant, req.params.id);
      return wire.leadImport(row, (await reportRowCounts(tenant, [row.id])).get(row.id) ?? 0);
    },
  );

  app.get(
    '/api/marketing/imports/:id/report.csv',
    {
      config: { tenant: importRoute },
      schema: {
        tags,
        summary: 'CSV of the rows not imported: row number, reason (in French, or `lang=en`), and the row itself',
        params: ZIdParams,
        querystring: ZImportReportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      sendCsv(reply, `import-report-${req.params.id.slice(0, 8)}.csv`, await importReportCsv(tenantOf(req, runtime), req.params.id, req.query.lang)),
  );

  app.get(
    '/api/marketing/imports/:id/problems',
    {
      config: { tenant: importRoute },
      schema: {
        tags,
        summary: 'The first rows not imported (failed or skipped as erased) with their reasons, for the result screen',
        params: ZIdParams,
        response: { 200: ZImportProblemList },
      },
    },
    async (req) => ({ items: await importProblems(tenantOf(req, runtime), req.params.id) }),
  );

  app.get(
    '/api/marketing/leads/export.csv',
    {
      schema: {
        tags,
        summary:
          'Export the leads of a filter as CSV (UTF-8 with BOM): `format=standard` (default; `,`, re-imports with an identity mapping) or `excel_fr` (`;`, French headers and statuses, decimal commas)',
        querystring: ZLeadExportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const stream = await exportLeadsCsv(tenantOf(req, runtime), filter, format);
      const suffix = format === 'excel_fr' ? '-excel' : '';
      return sendCsv(reply, `leads-${new Date().toISOString().slice(0, 10)}${suffix}.csv`, stream);
    },
  );
}

function sendCsv(reply: FastifyReply, fileName: string, stream: Readable): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(stream);
}

/** The request's parts in the service's terms (the file stream must be read before the next part comes). */
async function* uploadParts(req: FastifyRequest): AsyncGenerator<TUploadPart> {
  for await (const part of req.parts()) {
    if (part.type === 'file') yield { kind: 'file', name: part.fieldname, fileName: part.filename, stream: part.file };
    else yield { kind: 'field', name: part.fieldname, value: String(part.value) };
  }
}

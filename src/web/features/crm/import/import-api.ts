import { useQuery } from '@tanstack/react-query';
import type { TExportFormat, TImportMapping, TImportProblemList, TLeadImport, TOnDuplicate } from '../../../../contracts/crm-imports.js';
import type { TLeadFilter } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';

export const IMPORTS_KEY = ['crm', 'imports'] as const;

/** The workspace's latest imports, newest first (the wizard reuses the latest mapping). */
export function useLeadImports(enabled: boolean) {
  return useQuery({ queryKey: IMPORTS_KEY, queryFn: () => api.get<{ items: TLeadImport[] }>('/api/marketing/imports').then((r) => r.items), enabled });
}

/** One import, polled every second while it is queued or running. */
export function useLeadImport(id: string | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id],
    queryFn: () => api.get<TLeadImport>(`/api/marketing/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

/** The first rows not imported and why (shown on the result screen; the report file has them all). */
export function useImportProblems(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, id, 'problems'],
    queryFn: () => api.get<TImportProblemList>(`/api/marketing/imports/${id}/problems`).then((r) => r.items),
    enabled,
  });
}

/** True while the job has not finished. */
export function isRunning(item: TLeadImport | undefined): boolean {
  return !item || item.status === 'queued' || item.status === 'running';
}

/** Uploads the file with its mapping (multipart, fields before the file) and returns the queued import. */
export async function startImport(input: { file: File; mapping: TImportMapping; onDuplicate: TOnDuplicate }): Promise<TLeadImport> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(input.mapping));
  form.append('on_duplicate', input.onDuplicate);
  form.append('file', input.file, input.file.name);
  return api.upload<TLeadImport>('/api/marketing/leads/import', form);
}

/** The download address of the failed rows' report. */
export function reportUrl(id: string): string {
  return `/api/marketing/imports/${id}/report.csv`;
}

/** The export address for a filter (rules travel as JSON) and a format (the standard CSV by default). */
export function exportUrl(filter: TLeadFilter = {}, format: TExportFormat = 'standard'): string {
  const params = new URLSearchParams();
  if (format !== 'standard') params.set('format', format);
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.rules) params.set('rules', JSON.stringify(filter.rules));
  if (filter.segment_id) params.set('segment_id', filter.segment_id);
  const query = params.toString();
  return `/api/marketing/leads/export.csv${query ? `?${query}` : ''}`;
}

import { expect } from 'vitest';
import type { SignedUp } from './harness.js';
import { multipartBody } from './multipart.js';

/**
 * Uploads `rows` leads (first name and email, lines of equal length so that bytes read and rows done can be
 * compared) through the import API and returns the queued import's id.
 */
export async function uploadLeads(ws: SignedUp, rows: number): Promise<string> {
  const lines = Array.from({ length: rows }, (_, i) => `Lead${String(i).padStart(6, '0')},lead${String(i).padStart(6, '0')}@exemple.fr`);
  return uploadLeadLines(ws, lines);
}

/** Uploads `Prénom,E-mail` lines (without the header) through the import API; returns the queued import's id. */
export async function uploadLeadLines(ws: SignedUp, lines: string[], onDuplicate: 'skip' | 'update' = 'skip'): Promise<string> {
  const body = multipartBody(
    { mapping: JSON.stringify({ Prénom: 'first_name', 'E-mail': 'email' }), on_duplicate: onDuplicate },
    { fileName: 'leads.csv', content: `Prénom,E-mail\n${lines.join('\n')}\n` },
  );
  const res = await ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

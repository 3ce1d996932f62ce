import { iso } from '../../contracts/common.js';
import type { TStoredFile } from '../../contracts/files.js';
import type { TFileRow } from './files.service.js';

/** A file as the API shows it, with its address on the public server. */
export function storedFile(row: TFileRow, publicUrl: string): TStoredFile {
  return {
    id: row.id,
    name: row.name,
    content_type: row.content_type,
    size: row.size,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    url: `${publicUrl}/files/${row.id}`,
    created_at: iso(row.created_at),
  };
}

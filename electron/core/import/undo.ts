/**
 * Undoes an import batch as a whole: records it created are deleted (soft, audited), fields it
 * changed get their old values back — except fields edited again after the import, which are
 * left as they are and reported, so undo never destroys later work.
 */
import { FIELD_BY_KEY, type IkmFieldKey, type IkmValue } from '../../../shared/fields';
import type { DB } from '../db/open';
import { getRecord } from '../registry/query';
import { RegistryWriter } from '../registry/write';
import { ImportFileError } from './errors';
import type { ImportBatch } from '../../../shared/import';

export interface UndoResult {
  batchId: number;
  deleted: number;
  reverted: number;
  skipped: { ikm_id: number; field: string; reason: string }[];
}

function typed(field: string, text: string | null): IkmValue {
  if (text == null) return null;
  const kind = FIELD_BY_KEY.get(field)?.kind;
  return kind === 'count' || kind === 'money' || kind === 'decimal' || kind === 'year' ? Number(text) : text;
}

export function undoBatch(db: DB, batchId: number): UndoResult {
  const batch = db.prepare('SELECT id, kind, undone_at FROM import_batch WHERE id = ?').get(batchId) as { id: number; kind: string; undone_at: string | null } | undefined;
  if (!batch) throw new ImportFileError(`Impor nomor ${batchId} tidak ditemukan.`);
  if (batch.kind !== 'ikm') throw new ImportFileError(`Impor nomor ${batchId} bukan impor data IKM; pengapalan dan neraca diperbaiki di tab Ekspor.`);
  if (batch.undone_at) throw new ImportFileError(`Impor nomor ${batchId} sudah dibatalkan pada ${batch.undone_at}.`);
  const rows = db
    .prepare(`SELECT id, ikm_id, field, old_value FROM audit_log WHERE batch_id = ? AND action = 'import' ORDER BY id DESC`)
    .all(batchId) as { id: number; ikm_id: number; field: string | null; old_value: string | null }[];
  const laterEdit = db.prepare(`SELECT 1 FROM audit_log WHERE ikm_id = ? AND id > ? AND (field = ? OR field IS NULL) AND coalesce(batch_id, -1) <> ? LIMIT 1`);
  const result: UndoResult = { batchId, deleted: 0, reverted: 0, skipped: [] };
  db.transaction(() => {
    const writer = new RegistryWriter(db);
    for (const r of rows) {
      if (r.field == null) {
        if (writer.softDelete(r.ikm_id)) result.deleted++;
        continue;
      }
      if (laterEdit.get(r.ikm_id, r.id, r.field, batchId)) {
        result.skipped.push({ ikm_id: r.ikm_id, field: r.field, reason: 'Diubah lagi setelah impor; nilai sekarang dibiarkan.' });
        continue;
      }
      const current = getRecord(db, r.ikm_id);
      if (current && writer.update(current, { [r.field as IkmFieldKey]: typed(r.field, r.old_value) }) > 0) result.reverted++;
    }
    db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), batchId);
  })();
  return result;
}

/** The IKM imports, newest first (shipment and trade-figure imports are recorded too, with their own kind). */
export function listBatches(db: DB, limit = 50) {
  return db.prepare(`SELECT * FROM import_batch WHERE kind = 'ikm' ORDER BY id DESC LIMIT ?`).all(limit) as ImportBatch[];
}

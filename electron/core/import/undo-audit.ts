/**
 * The undo of a table whose audit rows name the import batch (registry records: audit_log,
 * shipments: shipment_audit): a record the batch created is removed, a value it changed is written
 * back — unless that value (or the record) was changed again after the import, by hand or by a
 * later import; that one is left and reported.
 */
import { UNDO_CHANGED_SINCE, type UndoSkip } from '../../../shared/import';
import type { DB } from '../db/open';

export interface AuditedTable {
  audit: 'audit_log' | 'shipment_audit';
  /** The audit table's column naming the record. */
  record: 'ikm_id' | 'shipment_id';
  /** Removes a record the batch created (to the recycle bin); false when already gone. */
  remove(id: number): boolean;
  /** Writes a value's old text back: true when it changed, false when nothing to do, or why it was left. */
  revert(id: number, field: string, old: string | null): boolean | string;
  /** How a skipped value's record is named (the registry's by ikm_id, others by a label). */
  name(id: number): Pick<UndoSkip, 'ikm_id' | 'record'>;
}

export function undoAudited(db: DB, batchId: number, t: AuditedTable, result: { deleted: number; reverted: number; skipped: UndoSkip[] }): void {
  const rows = db
    .prepare(`SELECT id, ${t.record} AS record, field, old_value FROM ${t.audit} WHERE batch_id = ? AND action = 'import' ORDER BY id DESC`)
    .all(batchId) as { id: number; record: number; field: string | null; old_value: string | null }[];
  const laterEdit = db.prepare(`SELECT 1 FROM ${t.audit} WHERE ${t.record} = ? AND id > ? AND (field = ? OR field IS NULL) AND coalesce(batch_id, -1) <> ? LIMIT 1`);
  for (const r of rows) {
    if (r.field == null) {
      if (t.remove(r.record)) result.deleted++;
      continue;
    }
    const done = laterEdit.get(r.record, r.id, r.field, batchId) ? UNDO_CHANGED_SINCE : t.revert(r.record, r.field, r.old_value);
    if (done === true) result.reverted++;
    else if (typeof done === 'string') result.skipped.push({ ...t.name(r.record), field: r.field, reason: done });
  }
}

/**
 * The undo of a table whose audit rows name the import batch (registry records: audit_log,
 * shipments: shipment_audit): a record the batch created is removed, a value it changed is written
 * back — unless that value (or the record) was changed again after the import, by hand or by a
 * later import; that one is left and reported.
 */
import { UNDO_CHANGED_SINCE, type UndoSkip } from '../../../shared/import';
import type { DB } from '../db/open';
import type { ViewColumn } from '../view/table';

export interface AuditedTable {
  audit: 'audit_log' | 'shipment_audit';
  /** The audit table's column naming the record. */
  record: 'ikm_id' | 'shipment_id';
  /** Removes a record the batch created (to the recycle bin); false when already gone. */
  remove(id: number): boolean;
  /** The table's columns (its view description): a number column's old text is written back as a number. */
  columns: ReadonlyMap<string, ViewColumn>;
  /** Writes a value's old value back: true when it changed, false when nothing to do, or why it was left. */
  revert(id: number, field: string, old: string | number | null): boolean | string;
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
    const old = r.old_value != null && t.columns.get(r.field)?.kind === 'number' ? Number(r.old_value) : r.old_value;
    const done = laterEdit.get(r.record, r.id, r.field, batchId) ? UNDO_CHANGED_SINCE : t.revert(r.record, r.field, old);
    if (done === true) result.reverted++;
    else if (typeof done === 'string') result.skipped.push({ ...t.name(r.record), field: r.field, reason: done });
  }
}

/**
 * Undoes an import batch as a whole, whatever it imported: records it created are deleted (soft
 * where the table has a recycle bin, audited), values it changed get their old values back —
 * except values changed again after the import (by hand or by a later import), which are left as
 * they are and reported, so undo never destroys later work. Each kind undoes through its own
 * audit table: registry (audit_log), shipments (shipment_audit), BPS figures (change_log), Go
 * Ekspor (ge_audit); all four name the batch.
 */
import type { IkmFieldKey } from '../../../shared/fields';
import type { ImportBatch, UndoSkip } from '../../../shared/import';
import type { DB } from '../db/open';
import { undoGoEksporBatch } from '../goekspor/store';
import { markChanged } from '../registry/generation';
import { getRecord } from '../registry/query';
import { REGISTRY_VIEW } from '../registry/view';
import { RegistryWriter } from '../registry/write';
import { undoShipmentBatch } from '../shipments/undo';
import { undoTradeBatch } from '../trade/stats';
import type { ImportKind } from './batch';
import { ImportFileError } from './errors';
import { undoAudited } from './undo-audit';

export interface UndoResult {
  batchId: number;
  deleted: number;
  reverted: number;
  skipped: UndoSkip[];
}

function undoIkmBatch(db: DB, batchId: number, result: UndoResult): void {
  const writer = new RegistryWriter(db);
  undoAudited(db, batchId, {
    audit: 'audit_log',
    record: 'ikm_id',
    columns: REGISTRY_VIEW.columns,
    remove: (id) => writer.softDelete(id),
    revert: (id, field, old) => {
      const current = getRecord(db, id);
      return current != null && writer.update(current, { [field as IkmFieldKey]: old }) > 0;
    },
    name: (id) => ({ ikm_id: id }),
  }, result);
}

const UNDO: Record<ImportKind, (db: DB, batchId: number, result: UndoResult) => void> = {
  ikm: undoIkmBatch,
  shipment: undoShipmentBatch,
  trade: undoTradeBatch,
  goekspor: undoGoEksporBatch,
};

export function undoBatch(db: DB, batchId: number): UndoResult {
  const batch = db.prepare('SELECT id, kind, undone_at FROM import_batch WHERE id = ?').get(batchId) as { id: number; kind: ImportKind; undone_at: string | null } | undefined;
  if (!batch) throw ImportFileError.of('imp.batchNotFound', { id: batchId });
  if (batch.undone_at) throw ImportFileError.of('imp.batchUndone', { id: batchId, at: batch.undone_at });
  const result: UndoResult = { batchId, deleted: 0, reverted: 0, skipped: [] };
  markChanged(db);
  db.transaction(() => {
    UNDO[batch.kind](db, batchId, result);
    db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), batchId);
  })();
  return result;
}

/** Every import, of every kind (registry, shipments, BPS figures, Go Ekspor lists), newest first. */
export function listBatches(db: DB, limit = 50) {
  return db.prepare(`SELECT * FROM import_batch ORDER BY id DESC LIMIT ?`).all(limit) as ImportBatch[];
}

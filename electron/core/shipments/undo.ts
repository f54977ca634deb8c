/**
 * The undo of a shipment import batch (import/undo.ts): beside the view (not in write.ts, which
 * the view imports), as the undo reads the view's columns to type the old values.
 */
import type { UndoSkip } from '../../../shared/import';
import type { DB } from '../db/open';
import { undoAudited } from '../import/undo-audit';
import { SHIPMENT_VIEW } from './view';
import { getShipment, ShipmentWriter } from './write';

/** Undoes a shipment import batch (import/undo.ts): its new shipments to the recycle bin, changed values back. */
export function undoShipmentBatch(db: DB, batchId: number, result: { deleted: number; reverted: number; skipped: UndoSkip[] }): void {
  const writer = new ShipmentWriter(db);
  undoAudited(db, batchId, {
    audit: 'shipment_audit',
    record: 'shipment_id',
    columns: SHIPMENT_VIEW.columns,
    remove: (id) => writer.softDelete(id),
    revert: (id, field, old) => {
      const current = getShipment(db, id);
      if (!current) return false;
      try {
        return writer.update(current, { [field]: old }, current.ikm_id) > 0;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
        return 'Nilai lamanya membuatnya sama dengan pengapalan lain yang tercatat; nilai sekarang dibiarkan.';
      }
    },
    name: (id) => ({ record: `pengapalan ${id}` }),
  }, result);
}

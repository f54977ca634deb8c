/**
 * Sampah (recycle bin): the registry records and shipments that were deleted, with who deleted
 * them and when (from their audit rows), and their restore — audited like any other write. Rows
 * removed by "Hapus data contoh" are not listed: they were never the office's data.
 */
import type { TrashKind, TrashRestoreResult, TrashRow } from '../../../shared/trash';
import { fold, likeEscape } from '../../../shared/text';
import type { DB } from '../db/open';
import { RegistryWriter } from '../registry/write';
import { ShipmentWriter } from '../shipments/write';

const REMOVED_DEMO = (entity: string, col: string) =>
  `NOT EXISTS (SELECT 1 FROM demo_range d WHERE d.entity = '${entity}' AND d.removed_at IS NOT NULL AND ${col} BETWEEN d.first_id AND d.last_id)`;

const SQL: Record<TrashKind, { from: string; label: string; detail: string; audit: string }> = {
  ikm: {
    from: `ikm t WHERE t.deleted_at IS NOT NULL AND ${REMOVED_DEMO('ikm', 't.id')}`,
    label: 't.business_name',
    detail: `coalesce(t.nib, '') || '|' || t.district_code`,
    audit: `SELECT os_user FROM audit_log a WHERE a.ikm_id = t.id AND a.action = 'delete' ORDER BY a.id DESC LIMIT 1`,
  },
  shipment: {
    from: `shipment t WHERE t.deleted_at IS NOT NULL AND ${REMOVED_DEMO('shipment', 't.id')}`,
    label: 't.exporter_name',
    detail: `t.date || '|' || coalesce(t.product, '') || '|' || t.country_code || '|' || coalesce(t.fob_usd, '')`,
    audit: `SELECT os_user FROM shipment_audit a WHERE a.shipment_id = t.id AND a.action = 'delete' ORDER BY a.id DESC LIMIT 1`,
  },
};

/** Deleted records, the most recently deleted first. */
export function listTrash(db: DB, kind: TrashKind, opts: { search?: string; offset: number; limit: number }): { rows: TrashRow[]; total: number } {
  const q = SQL[kind];
  const terms = fold(opts.search).split(' ').filter(Boolean);
  const where = terms.map(() => ` AND t.search_text LIKE ? ESCAPE '\\'`).join('');
  const params = terms.map((t) => `%${likeEscape(t)}%`);
  const total = (db.prepare(`SELECT count(*) AS n FROM ${q.from}${where}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT t.id, ${q.label} AS label, ${q.detail} AS detail, t.deleted_at, (${q.audit}) AS deleted_by
       FROM ${q.from}${where} ORDER BY t.deleted_at DESC, t.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, opts.limit, opts.offset) as TrashRow[];
  return { rows, total };
}

/** Restores what can be restored; says why the rest could not (its NIB or PEB line is in use again). */
export function restoreTrash(db: DB, kind: TrashKind, ids: number[]): TrashRestoreResult {
  const result: TrashRestoreResult = { restored: 0, skipped: [] };
  db.transaction(() => {
    if (kind === 'ikm') {
      const w = new RegistryWriter(db);
      for (const id of ids) {
        if (w.restore(id)) result.restored++;
        else result.skipped.push({ id, reason: 'Tidak dipulihkan: tidak ada di Sampah, atau NIB-nya kini dipakai data IKM lain.' });
      }
    } else {
      const w = new ShipmentWriter(db);
      for (const id of ids) {
        if (w.restore(id)) result.restored++;
        else result.skipped.push({ id, reason: 'Tidak dipulihkan: tidak ada di Sampah, atau pengapalan yang sama (No. PEB, HS, negara) kini tercatat lagi.' });
      }
    }
  })();
  return result;
}

/** Records deleted by staff (not by "Hapus data contoh"): the registry is not "new" while any is in the bin. */
export function trashCount(db: DB, kind: TrashKind): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${SQL[kind].from}`).get() as { n: number }).n;
}

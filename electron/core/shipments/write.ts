/**
 * Every write to the shipments table goes through here: the audit log gets one row per change
 * (with the OS user and the import batch), and the derived columns (identity, search text) stay
 * in step. Grid edits, add/delete and file import all use these functions.
 */
import type Database from 'better-sqlite3';
import type { CellError, ShipmentAuditEntry, ShipmentSource } from '../../../shared/contract';
import { localDay } from '../../../shared/parse';
import { message } from '../../../shared/messages';
import {
  SHIPMENT_FIELD_KEYS,
  parseShipmentField,
  type ShipmentFieldKey,
  type ShipmentRecord,
  type ShipmentValue,
  type ShipmentValues,
} from '../../../shared/shipments';
import { fold, nameKey } from '../../../shared/text';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { countryResolver } from '../reference/countries';
import { markChanged } from '../registry/generation';
import { osUser } from '../registry/write';
import { ValidationError } from '../api/errors';

const now = (): string => new Date().toISOString();

/**
 * What makes two rows the same shipment: its PEB line (PEB number, HS code, destination), or —
 * without a PEB number — everything that describes it, so two real shipments are never merged.
 */
export function shipmentIdentity(v: ShipmentValues): string {
  const peb = v.peb_number ? String(v.peb_number).replace(/[\s./-]/g, '').toUpperCase() : '';
  if (peb) return `peb:${peb}|${v.hs_code ?? ''}|${v.country_code ?? ''}`;
  const exporter = v.exporter_nib ?? nameKey(String(v.exporter_name ?? ''));
  return ['row', v.date, exporter, v.hs_code ?? '', v.country_code, v.fob_usd ?? '', v.net_weight_kg ?? '', v.quantity ?? ''].join('|');
}

const searchText = (v: ShipmentValues): string =>
  fold([v.exporter_name, v.exporter_nib, v.product, v.hs_code, v.peb_number, v.port].filter((x) => x != null).join(' '));

export const SHIPMENT_COLUMNS = `id, ${SHIPMENT_FIELD_KEYS.join(', ')}, ikm_id, created_at, updated_at`;

/** The worksheet row an imported shipment was read from (shipment_source). */
export interface RowOrigin {
  file: string;
  sheet: string;
  row: number;
}

export class ShipmentWriter {
  private readonly user = osUser();
  private readonly insertSt: Database.Statement;
  private readonly auditSt: Database.Statement;
  private sourceSt: Database.Statement | null = null;
  private readonly updates = new Map<string, Database.Statement>();

  constructor(private readonly db: DB) {
    this.insertSt = db.prepare(
      `INSERT INTO shipment (${SHIPMENT_FIELD_KEYS.join(', ')}, ikm_id, identity, search_text, batch_id, created_at, updated_at)
       VALUES (${SHIPMENT_FIELD_KEYS.map((k) => `@${k}`).join(', ')}, @ikm_id, @identity, @search_text, @batch_id, @at, @at)`,
    );
    this.auditSt = db.prepare(
      `INSERT INTO shipment_audit (shipment_id, action, field, old_value, new_value, at, os_user, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  audit(id: number, action: string, field: string | null, oldV: ShipmentValue | undefined, newV: ShipmentValue | undefined, batchId: number | null): void {
    this.auditSt.run(id, action, field, oldV == null ? null : String(oldV), newV == null ? null : String(newV), now(), this.user, batchId);
  }

  /** Remembers the file, sheet and row a batch read this shipment from (the detail panel's "asal"). */
  recordSource(id: number, batchId: number, from: RowOrigin): void {
    this.sourceSt ??= this.db.prepare(`INSERT OR REPLACE INTO shipment_source (shipment_id, batch_id, file, sheet, row) VALUES (?, ?, ?, ?, ?)`);
    this.sourceSt.run(id, batchId, from.file, from.sheet, from.row);
  }

  /** `from`: the row an import read it from (with `batchId`). */
  insert(values: ShipmentValues, ikmId: number | null, batchId: number | null = null, from?: RowOrigin): number {
    const row: Record<string, unknown> = Object.fromEntries(SHIPMENT_FIELD_KEYS.map((k) => [k, values[k] ?? null]));
    Object.assign(row, { ikm_id: ikmId, identity: shipmentIdentity(values), search_text: searchText(values), batch_id: batchId, at: now() });
    markChanged(this.db);
    const id = Number(this.insertSt.run(row).lastInsertRowid);
    this.audit(id, batchId == null ? 'create' : 'import', null, null, String(values.exporter_name ?? ''), batchId);
    if (batchId != null && from) this.recordSource(id, batchId, from);
    return id;
  }

  /** Writes the fields that differ; returns how many changed (0 = nothing to do). `from` as for insert. */
  update(current: ShipmentRecord, values: ShipmentValues, ikmId: number | null, batchId: number | null = null, from?: RowOrigin): number {
    const changed = (Object.keys(values) as ShipmentFieldKey[]).filter((k) => (values[k] ?? null) !== (current[k] ?? null));
    if (changed.length === 0 && ikmId === current.ikm_id) return 0;
    const merged = { ...current, ...values };
    const sig = changed.join(',');
    let st = this.updates.get(sig);
    if (!st) {
      st = this.db.prepare(
        `UPDATE shipment SET ${changed.map((k) => `${k} = @${k}, `).join('')}ikm_id = @ikm_id, identity = @identity,
         search_text = @search_text, updated_at = @at WHERE id = @id`,
      );
      this.updates.set(sig, st);
    }
    markChanged(this.db);
    st.run({
      ...Object.fromEntries(changed.map((k) => [k, values[k] ?? null])),
      ikm_id: ikmId,
      identity: shipmentIdentity(merged),
      search_text: searchText(merged),
      at: now(),
      id: current.id,
    });
    for (const k of changed) this.audit(current.id, batchId == null ? 'update' : 'import', k, current[k], values[k], batchId);
    if (batchId != null && from) this.recordSource(current.id, batchId, from);
    return changed.length;
  }

  softDelete(id: number): boolean {
    markChanged(this.db);
    const at = now();
    if (this.db.prepare(`UPDATE shipment SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, at, id).changes === 0) return false;
    this.audit(id, 'delete', null, null, null, null);
    return true;
  }

  /** Back from the recycle bin, unless an active shipment has taken its identity meanwhile. */
  restore(id: number): boolean {
    const row = this.db.prepare(`SELECT identity FROM shipment WHERE id = ? AND deleted_at IS NOT NULL`).get(id) as { identity: string } | undefined;
    if (!row || this.db.prepare(`SELECT 1 FROM shipment WHERE identity = ? AND deleted_at IS NULL`).get(row.identity)) return false;
    markChanged(this.db);
    this.db.prepare(`UPDATE shipment SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(now(), id);
    this.audit(id, 'restore', null, null, null, null);
    return true;
  }
}

export function getShipment(db: DB, id: number): ShipmentRecord | undefined {
  return db.prepare(`SELECT ${SHIPMENT_COLUMNS} FROM shipment WHERE id = ? AND deleted_at IS NULL`).get(id) as ShipmentRecord | undefined;
}

/** The registry record of an exporter's NIB, if registered. */
export function exporterByNib(db: DB): (nib: string) => { id: number; business_name: string; district_code: string } | undefined {
  const st = db.prepare(`SELECT id, business_name, district_code FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
  return (nib) => st.get(nib) as { id: number; business_name: string; district_code: string } | undefined;
}

type ShipmentChange = { id: number; field: string; value: string | number | null };
class Rollback extends Error {}

/** Grid edits to shipments, all-or-nothing like the registry's: every bad cell is named. */
export function applyShipmentChanges(db: DB, changes: ShipmentChange[]): { ok: true; records: ShipmentRecord[] } | { ok: false; errors: CellError[] } {
  const writer = new ShipmentWriter(db);
  const ctx = { districts: districtResolver(db), countries: countryResolver() };
  const byNib = exporterByNib(db);
  const errors: CellError[] = [];
  const touched = new Set<number>();
  const fail = (index: number, c: ShipmentChange, key: CellError['key'], params?: Record<string, string | number>) =>
    errors.push({ index, id: c.id, field: c.field, key, params, message: message('id', key, params) });
  try {
    db.transaction(() => {
      changes.forEach((c, index) => {
        const current = getShipment(db, c.id);
        if (!current) return fail(index, c, 'err.notFound', { id: c.id });
        const parsed = parseShipmentField(c.field as ShipmentFieldKey, c.value, ctx);
        if (!parsed.ok) return fail(index, c, parsed.error.key, parsed.error.params);
        if (c.field === 'exporter_name' && parsed.value == null) return fail(index, c, 'err.required');
        let ikmId = current.ikm_id;
        if (c.field === 'exporter_nib') ikmId = parsed.value ? (byNib(String(parsed.value))?.id ?? null) : null;
        writer.update(current, { [c.field]: parsed.value }, ikmId);
        touched.add(c.id);
      });
      if (errors.length > 0) throw new Rollback();
    })();
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, errors };
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
      return { ok: false, errors: [{ index: 0, id: changes[0]!.id, field: changes[0]!.field, key: 'err.badRequest', message: 'Pengapalan yang sama (No. PEB, kode HS dan negara) sudah tercatat.' }] };
    throw e;
  }
  return { ok: true, records: [...touched].map((id) => getShipment(db, id)).filter((r): r is ShipmentRecord => r != null) };
}

/**
 * "Add row" in the shipments grid: today's date and placeholders the user then edits, overridden
 * by `values` (what the grid's filter asks for — its district, country, period, product — so the
 * new row shows under it), each parsed and checked like a typed value.
 */
export function createShipment(db: DB, given: Partial<Record<string, ShipmentValue>>): ShipmentRecord {
  const districts = districtResolver(db);
  const ctx = { districts, countries: countryResolver() };
  const errors: CellError[] = [];
  const values: ShipmentValues = {
    date: localDay(),
    exporter_name: 'Eksportir baru',
    district_code: districts.districts[0]?.code ?? null,
    country_code: 'MY',
  };
  let index = 0;
  for (const [field, raw] of Object.entries(given)) {
    const p = parseShipmentField(field as ShipmentFieldKey, raw, ctx);
    if (!p.ok) errors.push({ index, id: 0, field, key: p.error.key, params: p.error.params, message: message('id', p.error.key, p.error.params) });
    else if (p.value != null || field !== 'exporter_name') values[field as ShipmentFieldKey] = p.value;
    index++;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  const ikmId = values.exporter_nib ? (exporterByNib(db)(String(values.exporter_nib))?.id ?? null) : null;
  const id = db.transaction(() => {
    const newId = new ShipmentWriter(db).insert(values, ikmId);
    // Two new rows are alike until edited: each gets an identity of its own meanwhile.
    db.prepare(`UPDATE shipment SET identity = 'new:' || id WHERE id = ?`).run(newId);
    return newId;
  })();
  return getShipment(db, id)!;
}

/** A shipment's changes, newest first: typed edits, imports (with their batch), delete and restore. */
export function shipmentHistory(db: DB, id: number): ShipmentAuditEntry[] {
  return db
    .prepare(`SELECT id, shipment_id, action, field, old_value, new_value, at, os_user, batch_id FROM shipment_audit WHERE shipment_id = ? ORDER BY id DESC LIMIT 500`)
    .all(id) as ShipmentAuditEntry[];
}

/**
 * Where a shipment came from: the latest import batch (not undone) that created or changed it —
 * the file, sheet and row it recorded (shipment_source), or for a batch that recorded none (an
 * import before migration 9) the batch's file names with no sheet or row.
 */
export function shipmentSource(db: DB, id: number): ShipmentSource | null {
  const b = db
    .prepare(
      `SELECT b.id AS batch_id, b.files, b.at, b.os_user, s.file, s.sheet, s.row FROM import_batch b
       LEFT JOIN shipment_source s ON s.batch_id = b.id AND s.shipment_id = ?
       WHERE b.undone_at IS NULL AND b.id IN (SELECT batch_id FROM shipment_audit WHERE shipment_id = ? AND batch_id IS NOT NULL
                                              UNION SELECT batch_id FROM shipment WHERE id = ? AND batch_id IS NOT NULL
                                              UNION SELECT batch_id FROM shipment_source WHERE shipment_id = ?)
       ORDER BY b.id DESC LIMIT 1`,
    )
    .get(id, id, id, id) as { batch_id: number; files: string; at: string; os_user: string; file: string | null; sheet: string | null; row: number | null } | undefined;
  if (!b) return null;
  if (b.file != null) return { batch_id: b.batch_id, file: b.file, sheet: b.sheet, row: b.row, at: b.at, os_user: b.os_user };
  let files: string[] = [];
  try {
    files = (JSON.parse(b.files) as unknown[]).map(String);
  } catch {
    files = [b.files];
  }
  return { batch_id: b.batch_id, file: files.join(', '), sheet: null, row: null, at: b.at, os_user: b.os_user };
}

export function deleteShipments(db: DB, ids: number[]): number {
  const w = new ShipmentWriter(db);
  return db.transaction(() => ids.filter((id) => w.softDelete(id)).length)();
}

/**
 * Every write to the registry goes through here, so every change lands in the audit log with the
 * OS user, and the derived columns (search text, name key) stay in step. Grid edits, paste,
 * delete/restore and file import all use these functions.
 */
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { AuditEntry, CellChange, CellError, UpdateResult } from '../../../shared/contract';
import {
  IKM_FIELD_KEYS,
  parseField,
  type IkmFieldKey,
  type IkmRecord,
  type IkmValue,
  type IkmValues,
} from '../../../shared/fields';
import { message, type MessageKey } from '../../../shared/messages';
import { fold, nameKey } from '../../../shared/text';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { markChanged } from './generation';
import { getRecord } from './query';

export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? 'tidak diketahui';
  }
}

const now = (): string => new Date().toISOString();

export function searchText(v: IkmValues): string {
  return fold([v.business_name, v.owner_name, v.nib, v.commodity].filter((x) => x != null).join(' '));
}

/** The fields search_text is made of. */
const SEARCHED: ReadonlySet<IkmFieldKey> = new Set<IkmFieldKey>(['business_name', 'owner_name', 'nib', 'commodity']);

/** Stored form of a value in the audit log: text, or null for empty. */
const auditValue = (v: IkmValue | undefined): string | null => (v == null ? null : String(v));

/** Audit rows written by one statement when they are gathered (imports). */
const AUDIT_ROWS = 64;
const AUDIT_COLUMNS = 8;
/** New records whose audit rows one INSERT … SELECT writes (imports). */
const INSERTED_RUN = 500;

export class RegistryWriter {
  private readonly user = osUser();
  private readonly stmts;
  /** Audit rows not yet written (flat, AUDIT_COLUMNS values each), when gathered. */
  private pendingAudit: unknown[] | null = null;
  private auditMany: Database.Statement | null = null;
  /**
   * When gathered: the records inserted since the last audit rows were written (ids `from`..`to`,
   * consecutive: the writer holds the write lock). Their 'import' rows are written by one
   * INSERT … SELECT: a quarter of the time binding their values row by row took (profiled).
   */
  private inserted: { from: number; to: number; batchId: number | null } | null = null;
  private auditInserted: Database.Statement | null = null;

  /**
   * `gatherAudit`: audit rows are written AUDIT_ROWS at a time (one statement costs less than
   * many); the caller must flushAudit() before a savepoint is released or the transaction
   * commits, and dropAudit() when it rolls back.
   */
  constructor(
    private readonly db: DB,
    opts: { gatherAudit?: boolean } = {},
  ) {
    if (opts.gatherAudit) {
      this.pendingAudit = [];
      this.auditMany = db.prepare(
        `INSERT INTO audit_log (ikm_id, action, field, old_value, new_value, at, os_user, batch_id)
         VALUES ${Array.from({ length: AUDIT_ROWS }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      this.auditInserted = db.prepare(
        `INSERT INTO audit_log (ikm_id, action, field, old_value, new_value, at, os_user, batch_id)
         SELECT id, ?, NULL, NULL, business_name, ?, ?, ? FROM ikm WHERE id BETWEEN ? AND ? ORDER BY id`,
      );
    }
    const cols = IKM_FIELD_KEYS.join(', ');
    this.stmts = {
      // Positional parameters: binding them costs less than looking up named ones, and imports
      // insert a hundred thousand rows at a time.
      insert: db.prepare(
        `INSERT INTO ikm (${cols}, search_text, name_key, created_at, updated_at)
         VALUES (${IKM_FIELD_KEYS.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
      ),
      audit: db.prepare(
        `INSERT INTO audit_log (ikm_id, action, field, old_value, new_value, at, os_user, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      nibOwner: db.prepare(`SELECT id, business_name FROM ikm WHERE nib = ? AND deleted_at IS NULL AND id <> ?`),
      setDeleted: db.prepare(`UPDATE ikm SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`),
      setRestored: db.prepare(`UPDATE ikm SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`),
    };
  }

  audit(id: number, action: AuditEntry['action'], field: string | null, oldV: IkmValue | undefined, newV: IkmValue | undefined, batchId: number | null = null): void {
    const p = this.pendingAudit;
    if (!p) {
      this.stmts.audit.run(id, action, field, auditValue(oldV), auditValue(newV), now(), this.user, batchId);
      return;
    }
    // The log stays in the order things happened: inserts before a change to one of them.
    this.writeInserted();
    p.push(id, action, field, auditValue(oldV), auditValue(newV), now(), this.user, batchId);
    if (p.length === AUDIT_ROWS * AUDIT_COLUMNS) {
      this.auditMany!.run(p);
      p.length = 0;
    }
  }

  private writeInserted(): void {
    const r = this.inserted;
    if (!r) return;
    this.inserted = null;
    this.auditInserted!.run(r.batchId == null ? 'create' : 'import', now(), this.user, r.batchId, r.from, r.to);
  }

  /** Writes the gathered audit rows (in order). */
  flushAudit(): void {
    const p = this.pendingAudit;
    if (!p) return;
    this.writeInserted();
    for (let i = 0; i < p.length; i += AUDIT_COLUMNS) this.stmts.audit.run(p.slice(i, i + AUDIT_COLUMNS));
    p.length = 0;
  }

  /** Forgets the gathered audit rows (their records were rolled back). */
  dropAudit(): void {
    if (this.pendingAudit) this.pendingAudit.length = 0;
    this.inserted = null;
  }

  /** Inserts an already validated record; returns its id. `key`: its name key, if already known. */
  insert(values: IkmValues, batchId: number | null = null, key?: string): number {
    const row: unknown[] = new Array(IKM_FIELD_KEYS.length + 4);
    for (let i = 0; i < IKM_FIELD_KEYS.length; i++) row[i] = values[IKM_FIELD_KEYS[i]!] ?? null;
    const at = now();
    row[IKM_FIELD_KEYS.length] = searchText(values);
    row[IKM_FIELD_KEYS.length + 1] = key ?? nameKey(String(values.business_name ?? ''));
    row[IKM_FIELD_KEYS.length + 2] = at;
    row[IKM_FIELD_KEYS.length + 3] = at;
    markChanged(this.db);
    const id = Number(this.stmts.insert.run(row).lastInsertRowid);
    if (!this.pendingAudit) {
      this.audit(id, batchId == null ? 'create' : 'import', null, null, String(values.business_name ?? ''), batchId);
      return id;
    }
    // Gathered: the run grows while the ids follow on, and is written a few hundred at a time, so
    // that most of this work is done while the file is still being read.
    const r = this.inserted;
    if (r && r.to === id - 1 && r.batchId === batchId && r.to - r.from < INSERTED_RUN) r.to = id;
    else {
      this.writeInserted();
      this.inserted = { from: id, to: id, batchId };
    }
    return id;
  }

  /**
   * Writes the fields of `values` that differ from `current`, one audit row per changed field.
   * Returns the number of fields changed (0 = the record already had these values).
   */
  update(current: IkmRecord, values: IkmValues, batchId: number | null = null): number {
    const changed = (Object.keys(values) as IkmFieldKey[]).filter((k) => (values[k] ?? null) !== (current[k] ?? null));
    if (changed.length === 0) return 0;
    const merged = { ...current, ...values };
    const at = now();
    markChanged(this.db);
    // The derived columns are written only when what they derive from changed: an UPDATE naming
    // an indexed column rewrites its index entry, and imports mostly change figures, not names.
    const derived = { search: changed.some((k) => SEARCHED.has(k)), name: changed.includes('business_name') };
    const params: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, values[k] ?? null]));
    if (derived.search) params.search_text = searchText(merged);
    if (derived.name) params.name_key = nameKey(String(merged.business_name ?? ''));
    params.at = at;
    params.id = current.id;
    this.updateStatement(changed, derived).run(params);
    for (const k of changed) this.audit(current.id, batchId == null ? 'update' : 'import', k, current[k], values[k], batchId);
    return changed.length;
  }

  /** One prepared UPDATE per set of changed columns: imports repeat the same few shapes. */
  private readonly updates = new Map<string, Database.Statement>();
  private updateStatement(fields: IkmFieldKey[], derived: { search: boolean; name: boolean }): Database.Statement {
    const sig = `${fields.join(',')}|${derived.search}|${derived.name}`;
    let st = this.updates.get(sig);
    if (!st) {
      const set = fields.map((k) => `${k} = @${k}`);
      if (derived.search) set.push('search_text = @search_text');
      if (derived.name) set.push('name_key = @name_key');
      st = this.db.prepare(`UPDATE ikm SET ${set.join(', ')}, updated_at = @at WHERE id = @id`);
      this.updates.set(sig, st);
    }
    return st;
  }

  softDelete(id: number, batchId: number | null = null): boolean {
    const at = now();
    markChanged(this.db);
    if (this.stmts.setDeleted.run(at, at, id).changes === 0) return false;
    this.audit(id, 'delete', null, null, null, batchId);
    return true;
  }

  restore(id: number, batchId: number | null = null): boolean {
    const rec = getRecord(this.db, id, true);
    if (rec?.nib && this.nibOwner(rec.nib, id)) return false; // another active record took the NIB meanwhile
    markChanged(this.db);
    if (this.stmts.setRestored.run(now(), id).changes === 0) return false;
    this.audit(id, 'restore', null, null, null, batchId);
    return true;
  }

  nibOwner(nib: string, exceptId: number): { id: number; business_name: string } | undefined {
    return this.stmts.nibOwner.get(nib, exceptId) as { id: number; business_name: string } | undefined;
  }
}

class Rollback extends Error {}

function cellError(index: number, c: CellChange, key: MessageKey, params?: Record<string, string | number>): CellError {
  return { index, id: c.id, field: c.field, key, params, message: message('id', key, params) };
}

/**
 * Applies grid edits (one cell, or a pasted range) all-or-nothing: every cell is validated, and
 * if any fails nothing is written and every bad cell is named.
 */
export function applyChanges(db: DB, changes: CellChange[], opts: { typed?: boolean } = {}): UpdateResult {
  const writer = new RegistryWriter(db);
  const ctx = { districts: districtResolver(db), typed: opts.typed };
  const errors: CellError[] = [];
  const touched = new Set<number>();
  try {
    db.transaction(() => {
      changes.forEach((c, index) => {
        const current = getRecord(db, c.id);
        if (!current) return errors.push(cellError(index, c, 'err.notFound', { id: c.id }));
        const field = c.field as IkmFieldKey;
        const parsed = parseField(field, c.value, ctx);
        if (!parsed.ok) return errors.push(cellError(index, c, parsed.error.key, parsed.error.params));
        const values: IkmValues = { [field]: parsed.value };
        if (field === 'nib' && parsed.value != null) {
          const owner = writer.nibOwner(String(parsed.value), c.id);
          if (owner) return errors.push(cellError(index, c, 'err.nibDuplicate', { value: parsed.value, name: owner.business_name }));
        }
        const merged = { ...current, ...values };
        const m = merged.workers_male as number | null;
        const f = merged.workers_female as number | null;
        if ((field === 'workers_male' || field === 'workers_female') && m != null && f != null) {
          values.workers_total = m + f;
        } else if (field === 'workers_total' && m != null && f != null && parsed.value !== m + f && parsed.value != null) {
          return errors.push(cellError(index, c, 'err.workersTotal', { value: parsed.value, sum: m + f }));
        }
        writer.update(current, values);
        touched.add(c.id);
      });
      if (errors.length > 0) throw new Rollback();
    })();
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    return { ok: false, errors };
  }
  return { ok: true, records: [...touched].map((id) => getRecord(db, id)).filter((r): r is IkmRecord => r != null) };
}

/** A new record from the grid's "add row": starts with a placeholder name the user then edits. */
export function createRecord(db: DB, raw: Partial<Record<string, IkmValue>> = {}): IkmRecord | { errors: CellError[] } {
  const ctx = { districts: districtResolver(db) };
  const values: IkmValues = {};
  const errors: CellError[] = [];
  const input = { business_name: 'IKM baru', district_code: ctx.districts.districts[0]?.code ?? null, ...raw };
  Object.entries(input).forEach(([field, v], index) => {
    const p = parseField(field as IkmFieldKey, v, ctx);
    if (!p.ok) errors.push(cellError(index, { id: 0, field: field as IkmFieldKey, value: v ?? null }, p.error.key, p.error.params));
    else values[field as IkmFieldKey] = p.value;
  });
  if (values.workers_male != null && values.workers_female != null)
    values.workers_total = Number(values.workers_male) + Number(values.workers_female);
  const writer = new RegistryWriter(db);
  if (values.nib != null) {
    const owner = writer.nibOwner(String(values.nib), 0);
    if (owner) errors.push(cellError(0, { id: 0, field: 'nib', value: values.nib }, 'err.nibDuplicate', { value: values.nib, name: owner.business_name }));
  }
  if (errors.length > 0) return { errors };
  const id = db.transaction(() => writer.insert(values))();
  return getRecord(db, id)!;
}

export function deleteRecords(db: DB, ids: number[]): number {
  const writer = new RegistryWriter(db);
  return db.transaction(() => ids.filter((id) => writer.softDelete(id)).length)();
}

export function restoreRecords(db: DB, ids: number[]): number {
  const writer = new RegistryWriter(db);
  return db.transaction(() => ids.filter((id) => writer.restore(id)).length)();
}

export function recordHistory(db: DB, id: number): AuditEntry[] {
  return db
    .prepare(`SELECT id, ikm_id, action, field, old_value, new_value, at, os_user FROM audit_log WHERE ikm_id = ? ORDER BY id DESC LIMIT 500`)
    .all(id) as AuditEntry[];
}

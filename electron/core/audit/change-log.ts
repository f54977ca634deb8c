/**
 * The audit of writes that have no audit table of their own: BPS trade figures, settings (the
 * letterhead and signer, Go Ekspor limits, saved import mappings, preferences) and demo data.
 * Registry records, shipments and Go Ekspor keep theirs (audit_log, shipment_audit, ge_audit).
 * Values are stored as JSON; an object setting is logged field by field, so a changed NIP reads
 * as one row "report.letterhead.nip: old → new".
 */
import { createHash } from 'node:crypto';
import type { DB } from '../db/open';
import { osUser } from '../registry/write';

export type ChangeEntity = 'trade_stat' | 'setting' | 'demo';
export type ChangeAction = 'create' | 'update' | 'delete' | 'import' | 'restore';

export interface ChangeEntry {
  id: number;
  entity: ChangeEntity;
  key: string;
  action: ChangeAction;
  old_value: string | null;
  new_value: string | null;
  at: string;
  os_user: string;
  batch_id: number | null;
}

/** Values too big to repeat in the log (a logo as a data: URL) are logged by size and digest. */
const INLINE_MAX = 4_000;
function stored(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const json = JSON.stringify(v);
  if (json.length <= INLINE_MAX) return json;
  return JSON.stringify(`(${json.length} karakter, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)})`);
}

export function logChange(db: DB, e: { entity: ChangeEntity; key: string; action: ChangeAction; old?: unknown; new?: unknown; batchId?: number | null }): void {
  db.prepare(`INSERT INTO change_log (entity, key, action, old_value, new_value, at, os_user, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.entity,
    e.key,
    e.action,
    stored(e.old),
    stored(e.new),
    new Date().toISOString(),
    osUser(),
    e.batchId ?? null,
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v != null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Logs a setting's change: per field when old and new are objects, else as one value. Nothing when equal. */
export function logSettingChange(db: DB, key: string, oldValue: unknown, newValue: unknown): void {
  if (same(oldValue, newValue)) return;
  const action: ChangeAction = oldValue == null ? 'create' : newValue == null ? 'delete' : 'update';
  if (isPlainObject(oldValue) && isPlainObject(newValue)) {
    for (const f of new Set([...Object.keys(oldValue), ...Object.keys(newValue)]))
      if (!same(oldValue[f], newValue[f])) logChange(db, { entity: 'setting', key: `${key}.${f}`, action: 'update', old: oldValue[f], new: newValue[f] });
    return;
  }
  logChange(db, { entity: 'setting', key, action, old: oldValue, new: newValue });
}

export function changeHistory(db: DB, f: { entity?: ChangeEntity; keyPrefix?: string; limit?: number } = {}): ChangeEntry[] {
  return db
    .prepare(
      `SELECT id, entity, key, action, old_value, new_value, at, os_user, batch_id FROM change_log
       WHERE (? IS NULL OR entity = ?) AND (? IS NULL OR substr(key, 1, length(?)) = ?) ORDER BY id DESC LIMIT ?`,
    )
    .all(f.entity ?? null, f.entity ?? null, f.keyPrefix ?? null, f.keyPrefix ?? null, f.keyPrefix ?? null, f.limit ?? 500) as ChangeEntry[];
}

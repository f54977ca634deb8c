/**
 * Go Ekspor records: decrees and their featured products, certificates with their step history,
 * activities and attendance. Every write lands in ge_audit with the OS user; recording anything
 * for an IKM puts it on the pipeline board (stage "terdaftar") if it is not there yet.
 */
import { UNDO_CHANGED_SINCE, type UndoSkip } from '../../../shared/import';
import { localDay } from '../../../shared/parse';
import type { Activity, Certificate, CertificateStep, Decree, FeaturedProduct, Participant } from '../../../shared/goekspor-contract';
import { certificateFlags, daysBetween, DEFAULT_STUCK_MONTHS, type ActivityKind, type CertStatus, type CertType, type StuckMonths } from '../../../shared/goekspor';
import { fold, likeEscape } from '../../../shared/text';
import { NotFoundError, ValidationError } from '../api/errors';
import type { DB } from '../db/open';
import { activeBatch } from '../import/batch';
import { markChanged } from '../registry/generation';
import { osUser } from '../registry/write';
import { getSetting, setSetting } from '../settings/store';

export const nowIso = (): string => new Date().toISOString();
/** The office's local day, YYYY-MM-DD (certificate steps and flags are by calendar day). */
export const localToday = localDay;

/** A refusal with a message in Bahasa Indonesia (answered as bad_request). */
export function invalid(message: string): never {
  throw new ValidationError([{ index: 0, id: 0, field: '', key: 'err.badRequest', message }]);
}

export interface AuditInput {
  ikm_id: number | null;
  entity: 'stage' | 'decree' | 'featured' | 'certificate' | 'activity' | 'participant';
  entity_id: number | null;
  action: 'create' | 'update' | 'delete' | 'move' | 'import';
  field?: string | null;
  old_value?: string | number | null;
  new_value?: string | number | null;
  note?: string | null;
}

/** One ge_audit row; written inside an import batch (an imported list), it names the batch. */
export function audit(db: DB, e: AuditInput): void {
  markChanged(db); // the registry caches counts until a write; "produk unggulan" depends on these tables
  db.prepare(
    `INSERT INTO ge_audit (ikm_id, entity, entity_id, action, field, old_value, new_value, note, at, os_user, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.ikm_id, e.entity, e.entity_id, e.action, e.field ?? null, e.old_value == null ? null : String(e.old_value), e.new_value == null ? null : String(e.new_value), e.note ?? null, nowIso(), osUser(), activeBatch(db));
}

export function requireIkm(db: DB, id: number): { id: number; nib: string | null; business_name: string; district_code: string } {
  const r = db.prepare(`SELECT id, nib, business_name, district_code FROM ikm WHERE id = ? AND deleted_at IS NULL`).get(id) as
    | { id: number; nib: string | null; business_name: string; district_code: string }
    | undefined;
  if (!r) throw new NotFoundError(id);
  return r;
}

/** Puts the IKM on the board at "terdaftar" if it is not there yet; true when it was added. */
export function enrol(db: DB, ikmId: number, today = localToday()): boolean {
  const added = db.prepare(`INSERT OR IGNORE INTO ge_stage (ikm_id, stage, since, updated_at) VALUES (?, 'terdaftar', ?, ?)`).run(ikmId, today, nowIso()).changes > 0;
  if (added) audit(db, { ikm_id: ikmId, entity: 'stage', entity_id: ikmId, action: 'create', field: 'stage', new_value: 'terdaftar', note: 'Masuk program Go Ekspor' });
  return added;
}

// ---------------------------------------------------------------- decrees and featured products

const FEATURED_SQL = `SELECT f.id, f.decree_id, f.ikm_id, f.product, f.commodity, i.nib, i.business_name, i.district_code
  FROM ge_featured f JOIN ikm i ON i.id = f.ikm_id WHERE f.deleted_at IS NULL`;

export function listDecrees(db: DB): Decree[] {
  const decrees = db.prepare(`SELECT id, number, date, province_code, title FROM ge_decree WHERE deleted_at IS NULL ORDER BY date DESC, id DESC`).all() as Omit<Decree, 'products'>[];
  const products = db.prepare(`${FEATURED_SQL} ORDER BY i.district_code, i.business_name COLLATE NOCASE`).all() as FeaturedProduct[];
  return decrees.map((d) => ({ ...d, products: products.filter((p) => p.decree_id === d.id) }));
}

export function saveDecree(db: DB, a: { id?: number; number: string; date: string; province_code: string; title?: string | null }): Decree {
  if (!db.prepare(`SELECT 1 FROM province WHERE code = ?`).get(a.province_code)) invalid(`Kode provinsi "${a.province_code}" tidak dikenal.`);
  const clash = db.prepare(`SELECT id FROM ge_decree WHERE number = ? AND deleted_at IS NULL AND id IS NOT ?`).get(a.number, a.id ?? null);
  if (clash) invalid(`SK nomor "${a.number}" sudah tercatat.`);
  return db.transaction(() => {
    let id = a.id;
    if (id) {
      const old = db.prepare(`SELECT number, date, province_code, title FROM ge_decree WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, string | null> | undefined;
      if (!old) throw new NotFoundError(id);
      db.prepare(`UPDATE ge_decree SET number = ?, date = ?, province_code = ?, title = ? WHERE id = ?`).run(a.number, a.date, a.province_code, a.title ?? null, id);
      const next: Record<string, string | null> = { number: a.number, date: a.date, province_code: a.province_code, title: a.title ?? null };
      for (const k of Object.keys(next))
        if ((old[k] ?? null) !== next[k]) audit(db, { ikm_id: null, entity: 'decree', entity_id: id, action: 'update', field: k, old_value: old[k], new_value: next[k] });
    } else {
      id = Number(db.prepare(`INSERT INTO ge_decree (number, date, province_code, title, created_at) VALUES (?, ?, ?, ?, ?)`).run(a.number, a.date, a.province_code, a.title ?? null, nowIso()).lastInsertRowid);
      audit(db, { ikm_id: null, entity: 'decree', entity_id: id, action: 'create', new_value: a.number });
    }
    return listDecrees(db).find((d) => d.id === id)!;
  })();
}

export function deleteDecree(db: DB, id: number): number {
  return db.transaction(() => {
    const at = nowIso();
    const n = db.prepare(`UPDATE ge_decree SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(at, id).changes;
    if (n) {
      // The decree's featured products go with it, each with its own audit row.
      const products = db.prepare(`SELECT id, ikm_id, product FROM ge_featured WHERE decree_id = ? AND deleted_at IS NULL`).all(id) as { id: number; ikm_id: number; product: string }[];
      db.prepare(`UPDATE ge_featured SET deleted_at = ? WHERE decree_id = ? AND deleted_at IS NULL`).run(at, id);
      audit(db, { ikm_id: null, entity: 'decree', entity_id: id, action: 'delete' });
      for (const p of products) audit(db, { ikm_id: p.ikm_id, entity: 'featured', entity_id: p.id, action: 'delete', old_value: p.product, note: 'SK dihapus' });
    }
    return n;
  })();
}

export function addFeatured(db: DB, a: { decree_id: number; ikm_id: number; product: string; commodity?: string | null }): FeaturedProduct {
  if (!db.prepare(`SELECT 1 FROM ge_decree WHERE id = ? AND deleted_at IS NULL`).get(a.decree_id)) throw new NotFoundError(a.decree_id);
  const ikm = requireIkm(db, a.ikm_id);
  return db.transaction(() => {
    const id = Number(
      db.prepare(`INSERT INTO ge_featured (decree_id, ikm_id, product, commodity, created_at) VALUES (?, ?, ?, ?, ?)`).run(a.decree_id, ikm.id, a.product, a.commodity ?? null, nowIso()).lastInsertRowid,
    );
    audit(db, { ikm_id: ikm.id, entity: 'featured', entity_id: id, action: 'create', new_value: a.product });
    enrol(db, ikm.id);
    return db.prepare(`${FEATURED_SQL} AND f.id = ?`).get(id) as FeaturedProduct;
  })();
}

export function removeFeatured(db: DB, id: number): number {
  const row = db.prepare(`SELECT ikm_id, product FROM ge_featured WHERE id = ? AND deleted_at IS NULL`).get(id) as { ikm_id: number; product: string } | undefined;
  if (!row) return 0;
  db.transaction(() => {
    db.prepare(`UPDATE ge_featured SET deleted_at = ? WHERE id = ?`).run(nowIso(), id);
    audit(db, { ikm_id: row.ikm_id, entity: 'featured', entity_id: id, action: 'delete', old_value: row.product });
  })();
  return 1;
}

// ---------------------------------------------------------------- certificates

export const STUCK_KEY = 'goekspor.stuckMonths';
export function stuckMonths(db: DB): StuckMonths {
  return { ...DEFAULT_STUCK_MONTHS, ...(getSetting<Partial<StuckMonths>>(db, STUCK_KEY) ?? {}) };
}
export function setStuckMonths(db: DB, months: Partial<StuckMonths>): StuckMonths {
  setSetting(db, STUCK_KEY, { ...(getSetting<Partial<StuckMonths>>(db, STUCK_KEY) ?? {}), ...months });
  return stuckMonths(db);
}

type CertRow = Omit<Certificate, 'flags' | 'days_in_status'>;
const CERT_SQL = `SELECT c.id, c.ikm_id, c.type, c.label, c.number, c.issued_on, c.expires_on, c.status, c.status_since, c.notes,
  i.nib, i.business_name, i.district_code FROM ge_certificate c JOIN ikm i ON i.id = c.ikm_id
  WHERE c.deleted_at IS NULL AND i.deleted_at IS NULL`;

function decorate(r: CertRow, today: string, stuck: StuckMonths): Certificate {
  return { ...r, days_in_status: Math.max(0, daysBetween(r.status_since, today)), flags: certificateFlags(r, today, stuck) };
}

export function listCertificates(db: DB, f: { ikm_id?: number; type?: CertType; flagged?: boolean; search?: string } = {}, today = localToday()): Certificate[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.ikm_id) {
    where.push('c.ikm_id = ?');
    params.push(f.ikm_id);
  }
  if (f.type) {
    where.push('c.type = ?');
    params.push(f.type);
  }
  if (f.search?.trim()) {
    where.push(`(i.search_text LIKE ? ESCAPE '\\' OR c.number LIKE ? ESCAPE '\\')`);
    params.push(`%${likeEscape(fold(f.search))}%`, `%${likeEscape(f.search.trim())}%`);
  }
  const rows = db.prepare(`${CERT_SQL}${where.map((w) => ` AND ${w}`).join('')} ORDER BY i.business_name COLLATE NOCASE, c.type, c.id`).all(...params) as CertRow[];
  const stuck = stuckMonths(db);
  const out = rows.map((r) => decorate(r, today, stuck));
  return f.flagged ? out.filter((c) => c.flags.length > 0) : out;
}

export function getCertificate(db: DB, id: number, today = localToday()): Certificate {
  const r = db.prepare(`${CERT_SQL} AND c.id = ?`).get(id) as CertRow | undefined;
  if (!r) throw new NotFoundError(id);
  return decorate(r, today, stuckMonths(db));
}

export interface CertificateInput {
  id?: number;
  ikm_id: number;
  type: CertType;
  label?: string | null;
  number?: string | null;
  issued_on?: string | null;
  expires_on?: string | null;
  status: CertStatus;
  status_since?: string | null;
  notes?: string | null;
}

const CERT_FIELDS = ['type', 'label', 'number', 'issued_on', 'expires_on', 'status', 'status_since', 'notes'] as const;

/** Adds or changes a certificate; a new status starts a new step (dated `status_since`, or today). */
export function saveCertificate(db: DB, a: CertificateInput, opts: { today?: string; action?: 'import' } = {}): Certificate {
  const today = opts.today ?? localToday();
  requireIkm(db, a.ikm_id);
  if (a.issued_on && a.expires_on && a.expires_on < a.issued_on) invalid('Tanggal berlaku sampai lebih awal dari tanggal terbit.');
  if (a.status_since && a.status_since > today) invalid('Tanggal mulai tahap tidak boleh di masa depan.');
  if (a.status === 'terbit' && a.issued_on && a.issued_on > today) invalid('Tanggal terbit tidak boleh di masa depan.');
  return db.transaction(() => {
    const at = nowIso();
    const step = (certId: number, status: CertStatus, since: string) =>
      db.prepare(`INSERT INTO ge_certificate_step (certificate_id, status, started_on, at, os_user) VALUES (?, ?, ?, ?, ?)`).run(certId, status, since, at, osUser());
    if (a.id) {
      const old = db.prepare(`SELECT ${CERT_FIELDS.join(', ')}, ikm_id FROM ge_certificate WHERE id = ? AND deleted_at IS NULL`).get(a.id) as Record<string, string | null> & { ikm_id: number } | undefined;
      if (!old) throw new NotFoundError(a.id);
      const statusChanged = old.status !== a.status;
      const since = a.status_since ?? (statusChanged ? (a.status === 'terbit' && a.issued_on ? a.issued_on : today) : old.status_since!);
      const next: Record<string, string | null> = {
        type: a.type, label: a.label ?? null, number: a.number ?? null, issued_on: a.issued_on ?? null, expires_on: a.expires_on ?? null, status: a.status, status_since: since, notes: a.notes ?? null,
      };
      const changed = CERT_FIELDS.filter((k) => (old[k] ?? null) !== next[k]);
      if (changed.length === 0) return getCertificate(db, a.id, today);
      db.prepare(`UPDATE ge_certificate SET ${CERT_FIELDS.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...next, at, id: a.id });
      if (statusChanged) step(a.id, a.status, since);
      else if (changed.includes('status_since')) db.prepare(`UPDATE ge_certificate_step SET started_on = ? WHERE id = (SELECT max(id) FROM ge_certificate_step WHERE certificate_id = ?)`).run(since, a.id);
      for (const k of changed) audit(db, { ikm_id: a.ikm_id, entity: 'certificate', entity_id: a.id, action: opts.action ?? 'update', field: k, old_value: old[k], new_value: next[k] });
      return getCertificate(db, a.id, today);
    }
    const since = a.status_since ?? (a.status === 'terbit' && a.issued_on ? a.issued_on : today);
    const id = Number(
      db
        .prepare(
          `INSERT INTO ge_certificate (ikm_id, type, label, number, issued_on, expires_on, status, status_since, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(a.ikm_id, a.type, a.label ?? null, a.number ?? null, a.issued_on ?? null, a.expires_on ?? null, a.status, since, a.notes ?? null, at, at).lastInsertRowid,
    );
    step(id, a.status, since);
    audit(db, { ikm_id: a.ikm_id, entity: 'certificate', entity_id: id, action: opts.action === 'import' ? 'import' : 'create', field: a.type, new_value: a.status });
    enrol(db, a.ikm_id, today);
    return getCertificate(db, id, today);
  })();
}

export function deleteCertificate(db: DB, id: number): number {
  const row = db.prepare(`SELECT ikm_id, type FROM ge_certificate WHERE id = ? AND deleted_at IS NULL`).get(id) as { ikm_id: number; type: string } | undefined;
  if (!row) return 0;
  db.transaction(() => {
    db.prepare(`UPDATE ge_certificate SET deleted_at = ? WHERE id = ?`).run(nowIso(), id);
    audit(db, { ikm_id: row.ikm_id, entity: 'certificate', entity_id: id, action: 'delete', field: row.type });
  })();
  return 1;
}

export function certificateSteps(db: DB, id: number, today = localToday()): CertificateStep[] {
  const rows = db.prepare(`SELECT status, started_on, at, os_user FROM ge_certificate_step WHERE certificate_id = ? ORDER BY id`).all(id) as Omit<CertificateStep, 'days'>[];
  if (rows.length === 0) throw new NotFoundError(id);
  return rows.map((r, i) => ({ ...r, days: Math.max(0, daysBetween(r.started_on, rows[i + 1]?.started_on ?? today)) }));
}

// ---------------------------------------------------------------- activities and attendance

const ACTIVITY_SQL = `SELECT a.id, a.kind, a.title, a.date, a.place, a.organiser,
  (SELECT count(*) FROM ge_participant p JOIN ikm i ON i.id = p.ikm_id AND i.deleted_at IS NULL WHERE p.activity_id = a.id) AS participants,
  (SELECT count(*) FROM ge_participant p JOIN ikm i ON i.id = p.ikm_id AND i.deleted_at IS NULL WHERE p.activity_id = a.id AND p.attended = 1) AS attended
  FROM ge_activity a WHERE a.deleted_at IS NULL`;

export function listActivities(db: DB): Activity[] {
  return db.prepare(`${ACTIVITY_SQL} ORDER BY a.date DESC, a.id DESC`).all() as Activity[];
}

export function getActivity(db: DB, id: number): Activity {
  const a = db.prepare(`${ACTIVITY_SQL} AND a.id = ?`).get(id) as Activity | undefined;
  if (!a) throw new NotFoundError(id);
  return a;
}

export function saveActivity(db: DB, a: { id?: number; kind: ActivityKind; title: string; date: string; place?: string | null; organiser?: string | null }): Activity {
  return db.transaction(() => {
    if (a.id) {
      const old = db.prepare(`SELECT kind, title, date, place, organiser FROM ge_activity WHERE id = ? AND deleted_at IS NULL`).get(a.id) as Record<string, string | null> | undefined;
      if (!old) throw new NotFoundError(a.id);
      const next: Record<string, string | null> = { kind: a.kind, title: a.title, date: a.date, place: a.place ?? null, organiser: a.organiser ?? null };
      db.prepare(`UPDATE ge_activity SET kind = @kind, title = @title, date = @date, place = @place, organiser = @organiser WHERE id = @id`).run({ ...next, id: a.id });
      for (const k of Object.keys(next)) if ((old[k] ?? null) !== next[k]) audit(db, { ikm_id: null, entity: 'activity', entity_id: a.id, action: 'update', field: k, old_value: old[k], new_value: next[k] });
      return getActivity(db, a.id);
    }
    const id = Number(
      db.prepare(`INSERT INTO ge_activity (kind, title, date, place, organiser, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(a.kind, a.title, a.date, a.place ?? null, a.organiser ?? null, nowIso()).lastInsertRowid,
    );
    audit(db, { ikm_id: null, entity: 'activity', entity_id: id, action: 'create', new_value: a.title });
    return getActivity(db, id);
  })();
}

export function deleteActivity(db: DB, id: number): number {
  const n = db.prepare(`UPDATE ge_activity SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(nowIso(), id).changes;
  if (n) audit(db, { ikm_id: null, entity: 'activity', entity_id: id, action: 'delete' });
  return n;
}

const PARTICIPANT_SQL = `SELECT p.activity_id, p.ikm_id, p.attended, p.note, i.nib, i.business_name, i.district_code
  FROM ge_participant p JOIN ikm i ON i.id = p.ikm_id WHERE i.deleted_at IS NULL`;
const asParticipant = (r: Omit<Participant, 'attended'> & { attended: number }): Participant => ({ ...r, attended: r.attended === 1 });

export function listParticipants(db: DB, activityId: number): Participant[] {
  getActivity(db, activityId);
  return (db.prepare(`${PARTICIPANT_SQL} AND p.activity_id = ? ORDER BY i.business_name COLLATE NOCASE`).all(activityId) as (Omit<Participant, 'attended'> & { attended: number })[]).map(asParticipant);
}

/** Adds the IKM to the activity or changes its attendance; returns whether anything changed. */
export function setParticipant(db: DB, a: { activity_id: number; ikm_id: number; attended: boolean; note?: string | null }, action: 'update' | 'import' = 'update'): { participant: Participant; changed: 'inserted' | 'updated' | 'unchanged' } {
  getActivity(db, a.activity_id);
  requireIkm(db, a.ikm_id);
  return db.transaction(() => {
    const old = db.prepare(`SELECT attended, note FROM ge_participant WHERE activity_id = ? AND ikm_id = ?`).get(a.activity_id, a.ikm_id) as { attended: number; note: string | null } | undefined;
    const attended = a.attended ? 1 : 0;
    const note = a.note === undefined ? (old?.note ?? null) : a.note;
    let changed: 'inserted' | 'updated' | 'unchanged' = 'unchanged';
    if (!old) {
      db.prepare(`INSERT INTO ge_participant (activity_id, ikm_id, attended, note) VALUES (?, ?, ?, ?)`).run(a.activity_id, a.ikm_id, attended, note);
      audit(db, { ikm_id: a.ikm_id, entity: 'participant', entity_id: a.activity_id, action: action === 'import' ? 'import' : 'create', field: 'attended', new_value: attended ? 'hadir' : 'tidak hadir' });
      enrol(db, a.ikm_id);
      changed = 'inserted';
    } else if (old.attended !== attended || old.note !== note) {
      db.prepare(`UPDATE ge_participant SET attended = ?, note = ? WHERE activity_id = ? AND ikm_id = ?`).run(attended, note, a.activity_id, a.ikm_id);
      audit(db, { ikm_id: a.ikm_id, entity: 'participant', entity_id: a.activity_id, action, field: 'attended', old_value: old.attended ? 'hadir' : 'tidak hadir', new_value: attended ? 'hadir' : 'tidak hadir' });
      changed = 'updated';
    }
    const row = db.prepare(`${PARTICIPANT_SQL} AND p.activity_id = ? AND p.ikm_id = ?`).get(a.activity_id, a.ikm_id) as Omit<Participant, 'attended'> & { attended: number };
    return { participant: asParticipant(row), changed };
  })();
}

export function removeParticipant(db: DB, activityId: number, ikmId: number): number {
  const n = db.prepare(`DELETE FROM ge_participant WHERE activity_id = ? AND ikm_id = ?`).run(activityId, ikmId).changes;
  if (n) audit(db, { ikm_id: ikmId, entity: 'participant', entity_id: activityId, action: 'delete' });
  return n;
}

// ---------------------------------------------------------------- undoing an imported list

/**
 * Undoes a Go Ekspor list import (import/undo.ts) through its ge_audit rows: attendance, featured
 * products and certificates it added are removed, values it changed go back, and an IKM it put on
 * the board leaves it again if it is still at "terdaftar". Values changed since are left as they are.
 */
export function undoGoEksporBatch(db: DB, batchId: number, result: { deleted: number; reverted: number; skipped: UndoSkip[] }): void {
  const rows = db
    .prepare(`SELECT id, ikm_id, entity, entity_id, action, field, old_value, new_value FROM ge_audit WHERE batch_id = ? ORDER BY id DESC`)
    .all(batchId) as { id: number; ikm_id: number | null; entity: AuditInput['entity']; entity_id: number; action: string; field: string | null; old_value: string | null; new_value: string | null }[];
  const later = db.prepare(
    `SELECT 1 FROM ge_audit WHERE entity = ? AND entity_id = ? AND coalesce(ikm_id, -1) = coalesce(?, -1) AND id > ? AND coalesce(batch_id, -1) <> ? AND (field IS ? OR field IS NULL) LIMIT 1`,
  );
  const changedSince = (r: (typeof rows)[number]) => later.get(r.entity, r.entity_id, r.ikm_id, r.id, batchId, r.field) != null;
  const skip = (r: (typeof rows)[number]) => result.skipped.push({ ikm_id: r.ikm_id ?? undefined, record: `${r.entity} ${r.entity_id}`, field: r.field ?? '', reason: UNDO_CHANGED_SINCE });
  for (const r of rows) {
    if (r.entity === 'participant' && r.old_value == null) {
      if (removeParticipant(db, r.entity_id, r.ikm_id!)) result.deleted++;
    } else if (r.entity === 'participant') {
      if (changedSince(r)) skip(r);
      else if (db.prepare(`UPDATE ge_participant SET attended = ? WHERE activity_id = ? AND ikm_id = ?`).run(r.old_value === 'hadir' ? 1 : 0, r.entity_id, r.ikm_id).changes) {
        audit(db, { ikm_id: r.ikm_id, entity: 'participant', entity_id: r.entity_id, action: 'update', field: 'attended', old_value: r.new_value, new_value: r.old_value, note: `Impor ${batchId} dibatalkan` });
        result.reverted++;
      }
    } else if (r.entity === 'featured' && r.action === 'create') {
      if (removeFeatured(db, r.entity_id)) result.deleted++;
    } else if (r.entity === 'certificate' && !(CERT_FIELDS as readonly string[]).includes(r.field ?? '')) {
      if (deleteCertificate(db, r.entity_id)) result.deleted++;
    } else if (r.entity === 'certificate') {
      const field = r.field as (typeof CERT_FIELDS)[number];
      if (changedSince(r)) skip(r);
      else if (db.prepare(`UPDATE ge_certificate SET ${field} = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`).run(r.old_value, nowIso(), r.entity_id).changes) {
        // The step the import's new status started goes with it.
        if (field === 'status')
          db.prepare(`DELETE FROM ge_certificate_step WHERE id = (SELECT max(id) FROM ge_certificate_step WHERE certificate_id = ?) AND status = ?`).run(r.entity_id, r.new_value);
        audit(db, { ikm_id: r.ikm_id, entity: 'certificate', entity_id: r.entity_id, action: 'update', field, old_value: r.new_value, new_value: r.old_value, note: `Impor ${batchId} dibatalkan` });
        result.reverted++;
      }
    } else if (r.entity === 'stage' && r.action === 'create') {
      // On the board because of this import, and not moved since: off it again.
      if (!changedSince(r) && db.prepare(`DELETE FROM ge_stage WHERE ikm_id = ? AND stage = 'terdaftar'`).run(r.entity_id).changes)
        audit(db, { ikm_id: r.ikm_id, entity: 'stage', entity_id: r.entity_id, action: 'delete', field: 'stage', old_value: 'terdaftar', note: `Impor ${batchId} dibatalkan` });
    }
  }
}

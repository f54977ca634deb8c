/**
 * Export readiness and the pipeline board: gathers each program IKM's facts (registry NIB and
 * KBLI, certificates, attendance, featured products, shipments) in a few set queries, scores them
 * with shared/goekspor.ts, and moves IKM between stages with every move in ge_audit.
 */
import type { BoardCard, GeAuditEntry, IkmRef } from '../../../shared/goekspor-contract';
import { certificateFlags, scoreReadiness, STAGE_LABELS, STAGES, type ActivityKind, type CertificateFacts, type Readiness, type ReadinessFacts, type Stage } from '../../../shared/goekspor';
import { fold, likeEscape } from '../../../shared/text';
import type { DB } from '../db/open';
import { audit, enrol, invalid, localToday, nowIso, requireIkm, stuckMonths } from './store';

export interface ProgramIkm extends IkmRef, Readiness {
  kbli: string | null;
  stage: Stage;
  since: string;
  shipments: number;
  flags: number;
}

export interface ProgramFilter {
  ikmId?: number;
  search?: string;
  province?: string;
  district?: string;
}

/** Every IKM on the board (or one), with its readiness, ordered by district and name. */
export function programIkm(db: DB, f: ProgramFilter = {}, today = localToday()): ProgramIkm[] {
  const where = ['i.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.ikmId) {
    where.push('i.id = ?');
    params.push(f.ikmId);
  }
  if (f.district) {
    where.push('i.district_code = ?');
    params.push(f.district);
  }
  if (f.province) {
    where.push('substr(i.district_code, 1, 2) = ?');
    params.push(f.province);
  }
  for (const term of fold(f.search).split(' ').filter(Boolean)) {
    where.push(`i.search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(term)}%`);
  }
  const base = db
    .prepare(
      `SELECT i.id AS ikm_id, i.nib, i.business_name, i.district_code, i.kbli, s.stage, s.since
       FROM ge_stage s JOIN ikm i ON i.id = s.ikm_id WHERE ${where.join(' AND ')} ORDER BY i.district_code, i.business_name COLLATE NOCASE, i.id`,
    )
    .all(...params) as (IkmRef & { kbli: string | null; stage: Stage; since: string })[];
  if (base.length === 0) return [];
  const one = f.ikmId ? ' AND x.ikm_id = ' + Number(f.ikmId) : '';
  const certs = new Map<number, CertificateFacts[]>();
  for (const c of db.prepare(`SELECT x.ikm_id, x.type, x.status, x.status_since, x.expires_on FROM ge_certificate x JOIN ge_stage s ON s.ikm_id = x.ikm_id WHERE x.deleted_at IS NULL${one}`).all() as (CertificateFacts & { ikm_id: number })[]) {
    const list = certs.get(c.ikm_id) ?? [];
    list.push(c);
    certs.set(c.ikm_id, list);
  }
  const attended = new Map<number, Partial<Record<ActivityKind, number>>>();
  for (const r of db
    .prepare(
      `SELECT x.ikm_id, a.kind, count(*) AS n FROM ge_participant x JOIN ge_activity a ON a.id = x.activity_id AND a.deleted_at IS NULL
       JOIN ge_stage s ON s.ikm_id = x.ikm_id WHERE x.attended = 1${one} GROUP BY x.ikm_id, a.kind`,
    )
    .all() as { ikm_id: number; kind: ActivityKind; n: number }[]) {
    const m = attended.get(r.ikm_id) ?? {};
    m[r.kind] = r.n;
    attended.set(r.ikm_id, m);
  }
  const featured = new Set((db.prepare(`SELECT DISTINCT x.ikm_id FROM ge_featured x JOIN ge_decree d ON d.id = x.decree_id AND d.deleted_at IS NULL WHERE x.deleted_at IS NULL${one}`).all() as { ikm_id: number }[]).map((r) => r.ikm_id));
  const shipments = new Map(
    (db.prepare(`SELECT x.ikm_id, count(*) AS n FROM shipment x JOIN ge_stage s ON s.ikm_id = x.ikm_id WHERE x.deleted_at IS NULL${one} GROUP BY x.ikm_id`).all() as { ikm_id: number; n: number }[]).map((r) => [r.ikm_id, r.n]),
  );
  const stuck = stuckMonths(db);
  return base.map((b) => {
    const facts: ReadinessFacts = {
      nib: b.nib,
      kbli: b.kbli,
      certificates: certs.get(b.ikm_id) ?? [],
      attended: attended.get(b.ikm_id) ?? {},
      featured: featured.has(b.ikm_id),
      shipments: shipments.get(b.ikm_id) ?? 0,
    };
    const r = scoreReadiness(facts, today);
    const flags = facts.certificates.filter((c) => certificateFlags(c, today, stuck).length > 0).length;
    // A recorded shipment is the first export, whatever stage was last set by hand: the board,
    // the report and the dashboard place the IKM there (the card says "sudah ekspor").
    return { ...b, ...r, stage: facts.shipments > 0 ? 'ekspor' : b.stage, shipments: facts.shipments, flags };
  });
}

const card = (p: ProgramIkm): BoardCard => ({
  ikm_id: p.ikm_id, nib: p.nib, business_name: p.business_name, district_code: p.district_code, stage: p.stage, since: p.since,
  score: p.score, missing: p.missing, next: p.next, nextKey: p.nextKey, nextPartial: p.nextPartial, shipments: p.shipments, flags: p.flags,
});

/** Columns of the board; each shows at most `perColumn` cards (the total says how many there are). */
export function board(db: DB, f: { search?: string; district?: string } = {}, perColumn = 200, today = localToday()) {
  const all = programIkm(db, f, today);
  return {
    columns: STAGES.map((stage) => {
      const cards = all.filter((p) => p.stage === stage);
      return { stage, total: cards.length, cards: cards.slice(0, perColumn).map(card) };
    }),
  };
}

export function boardCard(db: DB, ikmId: number, today = localToday()): BoardCard {
  const p = programIkm(db, { ikmId }, today)[0];
  if (!p) invalid('IKM ini belum masuk program Go Ekspor.');
  return card(p);
}

export function enrolIkm(db: DB, ikmId: number): BoardCard {
  requireIkm(db, ikmId);
  db.transaction(() => enrol(db, ikmId))();
  return boardCard(db, ikmId);
}

/**
 * Moves an IKM to another stage of the board, logged with the user and an optional note.
 * "Ekspor pertama" needs a recorded shipment of the IKM (the shipments table).
 */
export function moveStage(db: DB, ikmId: number, stage: Stage, note: string | null = null, today = localToday()): BoardCard {
  const ikm = requireIkm(db, ikmId);
  db.transaction(() => {
    enrol(db, ikmId, today);
    const cur = db.prepare(`SELECT stage FROM ge_stage WHERE ikm_id = ?`).get(ikmId) as { stage: Stage };
    if (cur.stage === stage) return;
    const shipped = db.prepare(`SELECT 1 FROM shipment WHERE ikm_id = ? AND deleted_at IS NULL`).get(ikmId) != null;
    if (shipped && stage !== 'ekspor')
      invalid(`${ikm.business_name} sudah punya pengapalan tercatat, jadi tahapnya "${STAGE_LABELS.ekspor}". Bila pengapalan itu bukan miliknya, perbaiki NIB eksportirnya di tab Ekspor.`);
    if (stage === 'ekspor' && !shipped)
      invalid(`${ikm.business_name} belum punya pengapalan tercatat: catat ekspor pertamanya di tab Ekspor (NIB eksportir = NIB IKM) sebelum memindahkan ke "${STAGE_LABELS.ekspor}".`);
    db.prepare(`UPDATE ge_stage SET stage = ?, since = ?, updated_at = ? WHERE ikm_id = ?`).run(stage, today, nowIso(), ikmId);
    audit(db, { ikm_id: ikmId, entity: 'stage', entity_id: ikmId, action: 'move', field: 'stage', old_value: cur.stage, new_value: stage, note });
  })();
  return boardCard(db, ikmId, today);
}

export function history(db: DB, ikmId: number): GeAuditEntry[] {
  return db.prepare(`SELECT id, ikm_id, entity, entity_id, action, field, old_value, new_value, note, at, os_user FROM ge_audit WHERE ikm_id = ? ORDER BY id DESC LIMIT 500`).all(ikmId) as GeAuditEntry[];
}

export function readinessOf(db: DB, ikmId: number, today = localToday()): Readiness & IkmRef & { stage: Stage } {
  requireIkm(db, ikmId);
  const p = programIkm(db, { ikmId }, today)[0];
  if (!p) invalid('IKM ini belum masuk program Go Ekspor.');
  return { ikm_id: p.ikm_id, nib: p.nib, business_name: p.business_name, district_code: p.district_code, stage: p.stage, score: p.score, items: p.items, missing: p.missing, next: p.next, nextKey: p.nextKey, nextPartial: p.nextPartial };
}

/** The rows of `export readiness` (CLI): missing items joined with semicolons. */
export const READINESS_EXPORT_COLUMNS = ['nib', 'business_name', 'district_code', 'stage', 'score', 'missing'] as const;
export function readinessRows(db: DB, today = localToday()): Record<(typeof READINESS_EXPORT_COLUMNS)[number], string | number | null>[] {
  return programIkm(db, {}, today).map((p) => ({ nib: p.nib, business_name: p.business_name, district_code: p.district_code, stage: p.stage, score: p.score, missing: p.missing.join(';') }));
}

/**
 * Server-side filter, sort and paging of the registry. The renderer asks for the window of rows it
 * shows; nothing here ever loads the whole table.
 */
import type { IkmFilter, IkmSort, IkmSummary } from '../../../shared/contract';
import { FIELD_BY_KEY, type IkmRecord } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import type { DB } from '../db/open';

export const RECORD_COLUMNS = `id, nib, business_name, owner_name, district_code, address, commodity, kbli,
  workers_male, workers_female, workers_total, investment_idr, production_value_idr, year_established, phone,
  kecamatan, desa, email, business_form, capacity_value, capacity_unit, raw_material_value_idr, scale,
  created_at, updated_at`;

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function buildWhere(filter: IkmFilter): { sql: string; params: unknown[] } {
  const clauses = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  for (const term of fold(filter.search).split(' ').filter(Boolean)) {
    clauses.push(`search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(term)}%`);
  }
  if (filter.province) {
    // BPS district codes start with their province's code.
    clauses.push('district_code >= ? AND district_code < ?');
    params.push(`${filter.province}00`, `${filter.province}99~`);
  }
  if (filter.districts && filter.districts.length > 0) {
    clauses.push(`district_code IN (${filter.districts.map(() => '?').join(',')})`);
    params.push(...filter.districts);
  }
  if (filter.commodity) {
    clauses.push('commodity = ? COLLATE NOCASE');
    params.push(filter.commodity);
  }
  if (filter.kbli) {
    clauses.push(`kbli LIKE ? ESCAPE '\\'`);
    params.push(`${likeEscape(filter.kbli)}%`);
  }
  if (filter.scale) {
    clauses.push('scale = ?');
    params.push(filter.scale);
  }
  for (const r of filter.ranges ?? []) {
    const def = FIELD_BY_KEY.get(r.field);
    if (!def || !['count', 'money', 'decimal', 'year'].includes(def.kind)) continue;
    if (r.min != null) {
      clauses.push(`${r.field} >= ?`);
      params.push(r.min);
    }
    if (r.max != null) {
      clauses.push(`${r.field} <= ?`);
      params.push(r.max);
    }
  }
  return { sql: clauses.join(' AND '), params };
}

/** ORDER BY from whitelisted column keys (the contract's zod enum); unknown values never reach SQL. */
export function buildOrder(sort: IkmSort): string {
  const parts = sort.map(({ field, desc }) => {
    const def = FIELD_BY_KEY.get(field);
    const textual = !def || ['text', 'name', 'email', 'businessForm'].includes(def.kind);
    const dir = desc ? 'DESC' : 'ASC';
    return `(${field} IS NULL), ${field}${textual ? ' COLLATE NOCASE' : ''} ${dir}`;
  });
  parts.push('id ASC');
  return parts.join(', ');
}

export function queryPage(db: DB, filter: IkmFilter, sort: IkmSort, offset: number, limit: number) {
  const { sql, params } = buildWhere(filter);
  const rows = db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE ${sql} ORDER BY ${buildOrder(sort)} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as IkmRecord[];
  const total = (db.prepare(`SELECT count(*) AS n FROM ikm WHERE ${sql}`).get(...params) as { n: number }).n;
  return { rows, total };
}

export function summarise(db: DB, filter: IkmFilter): IkmSummary {
  const { sql, params } = buildWhere(filter);
  const r = db
    .prepare(
      `SELECT count(*) AS count, total(workers_male) AS workers_male, total(workers_female) AS workers_female,
        total(workers_total) AS workers_total, total(investment_idr) AS investment_idr,
        total(production_value_idr) AS production_value_idr FROM ikm WHERE ${sql}`,
    )
    .get(...params) as IkmSummary;
  return r;
}

export function getRecord(db: DB, id: number, includeDeleted = false): IkmRecord | undefined {
  return db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`)
    .get(id) as IkmRecord | undefined;
}

export function distinctValues(db: DB, field: 'commodity' | 'kbli', search?: string): string[] {
  const term = fold(search);
  const rows = db
    .prepare(
      `SELECT ${field} AS v, count(*) AS n FROM ikm WHERE deleted_at IS NULL AND ${field} IS NOT NULL
       GROUP BY ${field} COLLATE NOCASE ORDER BY n DESC LIMIT 500`,
    )
    .all() as { v: string }[];
  return rows.map((r) => r.v).filter((v) => term === '' || fold(v).includes(term)).slice(0, 100);
}

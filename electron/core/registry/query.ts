/**
 * Server-side filter, sort and paging of the registry. The renderer asks for the window of rows it
 * shows; nothing here ever loads the whole table.
 */
import type { IkmFilter, IkmSort, IkmSummary } from '../../../shared/contract';
import { FIELD_BY_KEY, type IkmRecord } from '../../../shared/fields';
import { fold, likeEscape } from '../../../shared/text';
import type Database from 'better-sqlite3';
import type { DB } from '../db/open';
import { cachedUntilWrite } from './generation';
import { valueFilterSql } from '../view/table';

export const RECORD_COLUMNS = `id, nib, business_name, owner_name, district_code, address, commodity, kbli,
  workers_male, workers_female, workers_total, investment_idr, production_value_idr, year_established, phone,
  kecamatan, desa, email, business_form, capacity_value, capacity_unit, raw_material_value_idr, scale,
  created_at, updated_at`;

/** Columns a header value filter may name: every field and the computed scale. */
export const VALUE_COLUMNS: ReadonlySet<string> = new Set([...FIELD_BY_KEY.keys(), 'scale']);

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
  if (filter.featured) {
    // Produk unggulan: named in a (not deleted) governor's decree of the Go Ekspor program.
    clauses.push(`EXISTS (SELECT 1 FROM ge_featured f JOIN ge_decree d ON d.id = f.decree_id AND d.deleted_at IS NULL WHERE f.ikm_id = ikm.id AND f.deleted_at IS NULL)`);
  }
  // Header value filters: the column key comes from the contract's enum, never from free text.
  const values = valueFilterSql(filter.values, VALUE_COLUMNS);
  clauses.push(...values.clauses);
  params.push(...values.params);
  if (filter.establishedBy != null) {
    clauses.push('(year_established IS NULL OR year_established <= ?)');
    params.push(filter.establishedBy);
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

const NOT_NULL = new Set(['business_name', 'district_code']);

/** ORDER BY from whitelisted column keys (the contract's zod enum); unknown values never reach SQL. */
export function buildOrder(sort: IkmSort): string {
  const parts = sort.map(({ field, desc }) => {
    const def = FIELD_BY_KEY.get(field);
    const textual = !def || ['text', 'name', 'email', 'businessForm'].includes(def.kind);
    const dir = desc ? 'DESC' : 'ASC';
    // Empty values sort last; NOT NULL columns skip that term so their indexes can serve the sort.
    const nullsLast = NOT_NULL.has(field) ? '' : `(${field} IS NULL), `;
    return `${nullsLast}${field}${textual ? ' COLLATE NOCASE' : ''} ${dir}`;
  });
  parts.push('id ASC');
  return parts.join(', ');
}

/**
 * One window of rows. The inner query pages over ids only (late row lookup), so a deep OFFSET
 * steps over narrow index entries instead of whole records.
 */
export function queryRows(db: DB, filter: IkmFilter, sort: IkmSort, offset: number, limit: number): IkmRecord[] {
  const { sql, params } = buildWhere(filter);
  const order = buildOrder(sort);
  // In id order over all districts, pin the narrow index: after ANALYZE the planner prefers a
  // full table scan, 5× slower at a deep offset. With a district filter its own index is better.
  const inner = sort.length === 0 && !filter.province && !filter.districts?.length ? 'ikm INDEXED BY ikm_active_id' : 'ikm';
  return db
    .prepare(
      `SELECT ${RECORD_COLUMNS} FROM ikm WHERE id IN
         (SELECT id FROM ${inner} WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?)
       ORDER BY ${order}`,
    )
    .all(...params, limit, offset) as IkmRecord[];
}

export function countRows(db: DB, filter: IkmFilter): number {
  const { sql, params } = buildWhere(filter);
  return (db.prepare(`SELECT count(*) AS n FROM ikm WHERE ${sql}`).get(...params) as { n: number }).n;
}

const counts = new WeakMap<DB, Map<string, { gen: number; value: number }>>();

export function queryPage(db: DB, filter: IkmFilter, sort: IkmSort, offset: number, limit: number) {
  let cache = counts.get(db);
  if (!cache) counts.set(db, (cache = new Map()));
  const total = cachedUntilWrite(db, cache, JSON.stringify(filter), () => countRows(db, filter));
  return { rows: queryRows(db, filter, sort, offset, limit), total };
}

/** Filters that touch only district columns can be summed from the narrow covering index. */
const coveredBySumsIndex = (f: IkmFilter): boolean =>
  !f.search?.trim() && !f.commodity && !f.kbli && !f.scale && f.establishedBy == null && (f.ranges ?? []).length === 0;

export function summarise(db: DB, filter: IkmFilter): IkmSummary {
  const { sql, params } = buildWhere(filter);
  const from = coveredBySumsIndex(filter) ? 'ikm INDEXED BY ikm_district_sums' : 'ikm';
  const r = db
    .prepare(
      `SELECT count(*) AS count, total(workers_male) AS workers_male, total(workers_female) AS workers_female,
        total(workers_total) AS workers_total, total(investment_idr) AS investment_idr,
        total(production_value_idr) AS production_value_idr FROM ${from} WHERE ${sql}`,
    )
    .get(...params) as IkmSummary;
  return r;
}

const recordStatements = new WeakMap<DB, { active: Database.Statement; any: Database.Statement }>();

/** One record by id; the statements are prepared once per connection (imports call this per row). */
export function getRecord(db: DB, id: number, includeDeleted = false): IkmRecord | undefined {
  let st = recordStatements.get(db);
  if (!st) {
    st = {
      active: db.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE id = ? AND deleted_at IS NULL`),
      any: db.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE id = ?`),
    };
    recordStatements.set(db, st);
  }
  return (includeDeleted ? st.any : st.active).get(id) as IkmRecord | undefined;
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

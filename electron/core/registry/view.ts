/**
 * The grid's operations over the registry's current view (the filter and sort the user sees), run
 * here in SQL so a selection or a find over 100,000 rows never loads those rows in the renderer:
 * where a record now sits (an edited row in a sorted view), Sum/Average/Count of a selected
 * rectangle, fill (Ctrl+D, a value pasted onto a range), find, replace-all and a column's distinct
 * values for the header filter. Writes go through applyChanges (validated all-or-nothing, one
 * audit row per cell) and return every cell's before/after, so one undo reverts the whole batch.
 */
import type { BulkResult, CellDiff, CellError, ColumnValue, IkmFilter, IkmSort, RangeStats } from '../../../shared/contract';
import { BUSINESS_FORM_LABELS, FIELD_BY_KEY, type IkmFieldKey, type IkmRecord, type IkmValue } from '../../../shared/fields';
import { districtLabel } from '../../../shared/areas';
import { fold } from '../../../shared/text';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { likeEscape } from '../../../shared/text';
import { buildOrder, buildWhere, VALUE_COLUMNS } from './query';
import { applyChanges } from './write';

/** As many cells as one paste may change (the contract's ikm.update limit). */
export const MAX_BULK_CELLS = 50_000;

const NUMERIC_KINDS = new Set(['count', 'money', 'decimal', 'year']);
const isNumeric = (field: string): boolean => NUMERIC_KINDS.has(FIELD_BY_KEY.get(field)?.kind ?? '');

/** Column names reach SQL only when they are known columns (the contract's enum checks them too). */
function known(fields: readonly string[]): string[] {
  for (const f of fields) if (!VALUE_COLUMNS.has(f)) throw new Error(`unknown column ${f}`);
  return [...fields];
}

/** Ids of the view's rows top..bottom, in view order. */
export function viewIds(db: DB, filter: IkmFilter, sort: IkmSort, top: number, bottom: number): number[] {
  if (bottom < top) return [];
  const { sql, params } = buildWhere(filter);
  return (db.prepare(`SELECT id FROM ikm WHERE ${sql} ORDER BY ${buildOrder(sort)} LIMIT ? OFFSET ?`).pluck().all(...params, bottom - top + 1, top) as number[]);
}

/** Where a record sits in the view (0-based), or null when the filter leaves it out. */
export function locate(db: DB, filter: IkmFilter, sort: IkmSort, id: number): number | null {
  const { sql, params } = buildWhere(filter);
  const r = db
    .prepare(`SELECT rn FROM (SELECT id, row_number() OVER (ORDER BY ${buildOrder(sort)}) - 1 AS rn FROM ikm WHERE ${sql}) WHERE id = ?`)
    .pluck()
    .get(...params, id) as number | undefined;
  return r ?? null;
}

/** Sum, Average and Count of the selected rectangle, as Excel's status bar shows them. */
export function rangeStats(db: DB, filter: IkmFilter, sort: IkmSort, top: number, bottom: number, fields: string[]): RangeStats {
  const cols = known(fields);
  const { sql, params } = buildWhere(filter);
  const parts = cols.map((f, i) => (isNumeric(f) ? `count(${f}) AS c${i}, count(${f}) AS n${i}, total(${f}) AS s${i}` : `count(NULLIF(${f}, '')) AS c${i}, 0 AS n${i}, 0 AS s${i}`));
  const r = db
    .prepare(`SELECT ${parts.join(', ')} FROM ikm WHERE id IN (SELECT id FROM ikm WHERE ${sql} ORDER BY ${buildOrder(sort)} LIMIT ? OFFSET ?)`)
    .get(...params, Math.max(0, bottom - top + 1), top) as Record<string, number>;
  let count = 0;
  let numbers = 0;
  let sum = 0;
  cols.forEach((_, i) => {
    count += r[`c${i}`] ?? 0;
    numbers += r[`n${i}`] ?? 0;
    sum += r[`s${i}`] ?? 0;
  });
  return { count, numbers, sum, average: numbers > 0 ? sum / numbers : null };
}

const readCells = (db: DB, ids: number[], fields: string[]): Map<number, Record<string, IkmValue>> => {
  const out = new Map<number, Record<string, IkmValue>>();
  const st = db.prepare(`SELECT id, ${fields.join(', ')} FROM ikm WHERE id = ?`);
  for (const id of ids) {
    const r = st.get(id) as Record<string, IkmValue> | undefined;
    if (r) out.set(id, r);
  }
  return out;
};

/** Saves changes through the one write path; the diff of what changed, or the refused cells. */
function save(db: DB, changes: { id: number; field: IkmFieldKey; value: IkmValue }[], rowOf: (index: number) => number, typed: boolean): BulkResult {
  if (changes.length === 0) return { ok: true, cells: [] };
  if (changes.length > MAX_BULK_CELLS) return { ok: false, errors: [], tooMany: true };
  const ids = [...new Set(changes.map((c) => c.id))];
  const fields = [...new Set(changes.map((c) => c.field))];
  const before = readCells(db, ids, fields);
  const res = applyChanges(db, changes, { typed });
  if (!res.ok) return { ok: false, errors: res.errors.slice(0, 200).map((e: CellError) => ({ ...e, row: rowOf(e.index) })) };
  const after = new Map<number, IkmRecord>(res.records.map((r) => [r.id, r]));
  const cells: CellDiff[] = [];
  for (const c of changes) {
    const oldValue = before.get(c.id)?.[c.field] ?? null;
    const newValue = after.get(c.id)?.[c.field] ?? null;
    if (oldValue !== newValue) cells.push({ id: c.id, field: c.field, oldValue, newValue });
  }
  return { ok: true, cells };
}

/**
 * Fills rows top..bottom of the view with `block`, repeated down and across as Excel repeats a
 * pasted block over a larger selection (fill down is a one-row block: the top row's values).
 */
export function fillRange(db: DB, filter: IkmFilter, sort: IkmSort, top: number, bottom: number, fields: IkmFieldKey[], block: IkmValue[][]): BulkResult {
  known(fields);
  if ((bottom - top + 1) * fields.length > MAX_BULK_CELLS) return { ok: false, errors: [], tooMany: true };
  const ids = viewIds(db, filter, sort, top, bottom);
  const changes = ids.flatMap((id, r) => {
    const line = block[r % block.length]!;
    return fields.map((field, c) => ({ id, field, value: line[c % line.length] ?? null }));
  });
  return save(db, changes, (i) => top + Math.floor(i / fields.length), false);
}

/** A SQL condition per field: the cell holds the text (case-insensitive), as the grid shows it. */
function matchConditions(db: DB, fields: string[], text: string): { sql: string; params: unknown[] }[] {
  const term = fold(text);
  const like = `%${likeEscape(text.trim())}%`;
  return fields.map((f) => {
    if (f === 'district_code') {
      const codes = districtResolver(db).districts.filter((d) => fold(districtLabel(d)).includes(term)).map((d) => d.code);
      return codes.length ? { sql: `district_code IN (${codes.map(() => '?').join(',')})`, params: codes } : { sql: '0', params: [] };
    }
    if (f === 'business_form') {
      const keys = Object.entries(BUSINESS_FORM_LABELS).filter(([, l]) => fold(l).includes(term)).map(([k]) => k);
      return keys.length ? { sql: `business_form IN (${keys.map(() => '?').join(',')})`, params: keys } : { sql: '0', params: [] };
    }
    if (isNumeric(f)) {
      // "1.500.000" finds 1500000: id-ID separators are dropped, a decimal comma read as a point.
      const digits = text.trim().replace(/\./g, '').replace(',', '.');
      return { sql: `CAST(${f} AS TEXT) LIKE ? ESCAPE '\\'`, params: [`%${likeEscape(digits)}%`] };
    }
    return { sql: `${f} LIKE ? ESCAPE '\\'`, params: [like] };
  });
}

/**
 * The next cell after (row, col) — in reading order over `fields`, the columns as shown — that
 * holds the text; wraps around the view. `col` -1 starts at the row's first column.
 */
export function findNext(db: DB, filter: IkmFilter, sort: IkmSort, text: string, fields: string[], row: number, col: number, backwards = false): { row: number; field: string; matches: number } | null {
  const cols = known(fields);
  const conds = matchConditions(db, cols, text);
  const { sql, params } = buildWhere(filter);
  const any = conds.map((c) => `(${c.sql})`).join(' OR ');
  const anyParams = conds.flatMap((c) => c.params);
  const matches = db.prepare(`SELECT count(*) FROM ikm WHERE ${sql} AND (${any})`).pluck().get(...params, ...anyParams) as number;
  if (matches === 0) return null;
  const flags = conds.map((c, i) => `(${c.sql}) AS m${i}`).join(', ');
  const flagParams = conds.flatMap((c) => c.params);
  const query = (cmp: string, from: number, limit: number) =>
    db
      .prepare(
        `SELECT rn, ${flags} FROM (SELECT *, row_number() OVER (ORDER BY ${buildOrder(sort)}) - 1 AS rn FROM ikm WHERE ${sql})
         WHERE rn ${cmp} ? AND (${any}) ORDER BY rn ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .all(...flagParams, ...params, from, ...anyParams, limit) as Record<string, number>[];
  const pick = (r: Record<string, number>, after: number | null) => {
    const order = cols.map((_, i) => i);
    if (backwards) order.reverse();
    const i = order.find((i) => r[`m${i}`] === 1 && (after == null || (backwards ? i < after : i > after)));
    return i == null ? null : { row: r.rn!, field: cols[i]!, matches };
  };
  for (const r of query(backwards ? '<=' : '>=', row, 2)) {
    const hit = pick(r, r.rn === row ? (backwards && col < 0 ? cols.length : col) : null);
    if (hit) return hit;
  }
  // Wrap around to the first (or last) match of the view.
  const [first] = query(backwards ? '<=' : '>=', backwards ? Number.MAX_SAFE_INTEGER : 0, 1);
  return first ? pick(first, null) : null;
}

/** Replaces the text in every cell of `fields` under the filter; one batch, validated all-or-nothing. */
export function replaceAll(db: DB, filter: IkmFilter, fields: IkmFieldKey[], find: string, replace: string): BulkResult {
  // Numbers and codes are not text to replace in; districts by name ("Kotim" → "Kotawaringin Timur").
  const cols = known(fields).filter((f) => !isNumeric(f) && f !== 'business_form') as IkmFieldKey[];
  if (cols.length === 0) return { ok: true, cells: [] };
  const conds = matchConditions(db, cols, find);
  const { sql, params } = buildWhere(filter);
  const rows = db
    .prepare(`SELECT id, ${cols.join(', ')} FROM ikm WHERE ${sql} AND (${conds.map((c) => `(${c.sql})`).join(' OR ')}) ORDER BY id LIMIT ?`)
    .all(...params, ...conds.flatMap((c) => c.params), MAX_BULK_CELLS + 1) as Record<string, IkmValue>[];
  const pattern = new RegExp(find.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  const resolver = districtResolver(db);
  const changes: { id: number; field: IkmFieldKey; value: IkmValue }[] = [];
  for (const r of rows)
    for (const f of cols) {
      const v = r[f];
      if (v == null) continue;
      const shown = f === 'district_code' ? districtLabel(resolver.get(String(v)) ?? { type: 'Kabupaten', name: String(v) }) : String(v);
      const next = shown.replace(pattern, () => replace);
      if (next !== shown) changes.push({ id: r.id as number, field: f, value: next.trim() === '' ? null : next });
    }
  // A replacement is typed by a person: a 12-digit NIB it makes is a typo (see parseNib).
  return save(db, changes, () => -1, true);
}

/**
 * A column's values under the filter, the column's own header filter left out (as Excel lists
 * them), most frequent first; empty cells as one null entry ("(Kosong)").
 */
export function columnValues(db: DB, filter: IkmFilter, field: string, search: string | undefined, limit: number): { values: ColumnValue[]; more: boolean } {
  const [f] = known([field]);
  const others: IkmFilter = { ...filter, values: filter.values?.filter((v) => v.field !== f) };
  if (!others.values?.length) delete others.values;
  const { sql, params } = buildWhere(others);
  let extra = '';
  const extraParams: unknown[] = [];
  if (search?.trim()) {
    const [c] = matchConditions(db, [f!], search);
    extra = ` AND (${c!.sql})`;
    extraParams.push(...c!.params);
  }
  const rows = db
    .prepare(`SELECT NULLIF(${f}, '') AS v, count(*) AS n FROM ikm WHERE ${sql}${extra} GROUP BY 1 ORDER BY (v IS NULL) DESC, n DESC, v LIMIT ?`)
    .all(...params, ...extraParams, limit + 1) as { v: string | number | null; n: number }[];
  return { values: rows.slice(0, limit).map((r) => ({ value: r.v == null ? null : String(r.v), count: r.n })), more: rows.length > limit };
}

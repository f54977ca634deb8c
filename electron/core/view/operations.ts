/**
 * The grid's operations over a table's current view (the filter and sort the user sees), run
 * here in SQL so a selection or a find over 100,000 rows never loads those rows in the renderer:
 * where a record now sits (an edited row in a sorted view), Sum/Average/Count of a selected
 * rectangle, fill (Ctrl+D, a value pasted onto a range), find, replace-all and a column's distinct
 * values for the header filter. One engine for every grid: the table it works on is a
 * description (table.ts) — the registry's (registry/view.ts), the shipments' (shipments/view.ts).
 * Writes go through the table's write path (validated all-or-nothing, one audit row per cell) and
 * return every cell's before/after, so one undo reverts the whole batch.
 */
import type { BulkResult, CellDiff, ColumnValue, RangeStats } from '../../../shared/contract';
import { fold, likeEscape } from '../../../shared/text';
import type { DB } from '../db/open';
import type { ValueFilter, ViewChange, ViewColumn, ViewTable } from './table';

/** As many cells as one paste may change (the contract's update limit). */
export const MAX_BULK_CELLS = 50_000;

type AnyView = ViewTable<{ values?: ValueFilter[] }, unknown>;
type Value = string | number | null;

/** Column names reach SQL only when they are the table's columns (the contract's enum checks them too). */
function known(t: AnyView, fields: readonly string[]): string[] {
  for (const f of fields) if (!t.columns.has(f)) throw new Error(`unknown column ${f}`);
  return [...fields];
}
const column = (t: AnyView, f: string): ViewColumn => t.columns.get(f)!;

/** Ids of the view's rows top..bottom, in view order. */
export function viewIds<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, sort: S, top: number, bottom: number): number[] {
  if (bottom < top) return [];
  const { sql, params } = t.where(filter);
  return db.prepare(`SELECT id FROM ${t.table} WHERE ${sql} ORDER BY ${t.order(sort)} LIMIT ? OFFSET ?`).pluck().all(...params, bottom - top + 1, top) as number[];
}

/** Where a record sits in the view (0-based), or null when the filter leaves it out. */
export function locate<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, sort: S, id: number): number | null {
  const { sql, params } = t.where(filter);
  const r = db
    .prepare(`SELECT rn FROM (SELECT id, row_number() OVER (ORDER BY ${t.order(sort)}) - 1 AS rn FROM ${t.table} WHERE ${sql}) WHERE id = ?`)
    .pluck()
    .get(...params, id) as number | undefined;
  return r ?? null;
}

/** Sum, Average and Count of the selected rectangle, as Excel's status bar shows them. */
export function rangeStats<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, sort: S, top: number, bottom: number, fields: string[]): RangeStats {
  const cols = known(t, fields);
  const { sql, params } = t.where(filter);
  const parts = cols.map((f, i) =>
    column(t, f).kind === 'number' ? `count(${f}) AS c${i}, count(${f}) AS n${i}, total(${f}) AS s${i}` : `count(NULLIF(${f}, '')) AS c${i}, 0 AS n${i}, 0 AS s${i}`,
  );
  const r = db
    .prepare(`SELECT ${parts.join(', ')} FROM ${t.table} WHERE id IN (SELECT id FROM ${t.table} WHERE ${sql} ORDER BY ${t.order(sort)} LIMIT ? OFFSET ?)`)
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

function readCells(db: DB, t: AnyView, ids: number[], fields: string[]): Map<number, Record<string, Value>> {
  const out = new Map<number, Record<string, Value>>();
  const st = db.prepare(`SELECT id, ${fields.join(', ')} FROM ${t.table} WHERE id = ?`);
  for (const id of ids) {
    const r = st.get(id) as Record<string, Value> | undefined;
    if (r) out.set(id, r);
  }
  return out;
}

/** Saves changes through the table's write path; the diff of what changed, or the refused cells. */
function save(db: DB, t: AnyView, changes: ViewChange[], rowOf: (index: number) => number, typed: boolean): BulkResult {
  if (changes.length === 0) return { ok: true, cells: [] };
  if (changes.length > MAX_BULK_CELLS) return { ok: false, errors: [], tooMany: true };
  const ids = [...new Set(changes.map((c) => c.id))];
  const fields = [...new Set(changes.map((c) => c.field))];
  const before = readCells(db, t, ids, fields);
  const res = t.write(db, changes, typed);
  if (!res.ok) return { ok: false, errors: res.errors.slice(0, 200).map((e) => ({ ...e, row: rowOf(e.index) })) };
  const after = new Map(res.records.map((r) => [r.id, r]));
  const cells: CellDiff[] = [];
  for (const c of changes) {
    const oldValue = before.get(c.id)?.[c.field] ?? null;
    const newValue = ((after.get(c.id) as Record<string, Value> | undefined)?.[c.field]) ?? null;
    if (oldValue !== newValue) cells.push({ id: c.id, field: c.field, oldValue, newValue });
  }
  return { ok: true, cells };
}

/**
 * Fills rows top..bottom of the view with `block`, repeated down and across as Excel repeats a
 * pasted block over a larger selection (fill down is a one-row block: the top row's values).
 */
export function fillRange<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, sort: S, top: number, bottom: number, fields: string[], block: Value[][]): BulkResult {
  known(t, fields);
  if ((bottom - top + 1) * fields.length > MAX_BULK_CELLS) return { ok: false, errors: [], tooMany: true };
  const ids = viewIds(db, t, filter, sort, top, bottom);
  const changes = ids.flatMap((id, r) => {
    const line = block[r % block.length]!;
    return fields.map((field, c) => ({ id, field, value: line[c % line.length] ?? null }));
  });
  return save(db, t as AnyView, changes, (i) => top + Math.floor(i / fields.length), false);
}

/** The SQL that reads an ISO day the way the grid shows it: 2026-03-12 → 12/03/2026. */
const shownDate = (f: string) => `(substr(${f}, 9, 2) || '/' || substr(${f}, 6, 2) || '/' || substr(${f}, 1, 4))`;

/** A SQL condition per field: the cell holds the text (case-insensitive), as the grid shows it. */
function matchConditions(db: DB, t: AnyView, fields: string[], text: string): { sql: string; params: unknown[] }[] {
  const term = fold(text);
  const like = (s: string) => `%${likeEscape(s)}%`;
  return fields.map((f) => {
    const col = column(t, f);
    switch (col.kind) {
      case 'code': {
        const codes = (col.codes?.(db) ?? []).filter((c) => fold(c.label).includes(term) || fold(c.code) === term).map((c) => c.code);
        return codes.length ? { sql: `${f} IN (${codes.map(() => '?').join(',')})`, params: codes } : { sql: '0', params: [] };
      }
      case 'number': {
        // "1.500.000" finds 1500000: id-ID separators are dropped, a decimal comma read as a point.
        const digits = text.trim().replace(/\./g, '').replace(',', '.');
        return { sql: `CAST(${f} AS TEXT) LIKE ? ESCAPE '\\'`, params: [like(digits)] };
      }
      case 'digits':
        return { sql: `${f} LIKE ? ESCAPE '\\'`, params: [like(text.trim().replace(/[.\s]/g, ''))] };
      case 'date':
        return { sql: `${shownDate(f)} LIKE ? ESCAPE '\\'`, params: [like(text.trim().replace(/[-.]/g, '/'))] };
      case 'text':
        return { sql: `${f} LIKE ? ESCAPE '\\'`, params: [like(text.trim())] };
    }
  });
}

/**
 * The next cell after (row, col) — in reading order over `fields`, the columns as shown — that
 * holds the text; wraps around the view. `col` -1 starts at the row's first column.
 */
export function findNext<F extends { values?: ValueFilter[] }, S>(
  db: DB, t: ViewTable<F, S>, filter: F, sort: S, text: string, fields: string[], row: number, col: number, backwards = false,
): { row: number; field: string; matches: number } | null {
  const cols = known(t, fields);
  const conds = matchConditions(db, t as AnyView, cols, text);
  const { sql, params } = t.where(filter);
  const any = conds.map((c) => `(${c.sql})`).join(' OR ');
  const anyParams = conds.flatMap((c) => c.params);
  const matches = db.prepare(`SELECT count(*) FROM ${t.table} WHERE ${sql} AND (${any})`).pluck().get(...params, ...anyParams) as number;
  if (matches === 0) return null;
  const flags = conds.map((c, i) => `(${c.sql}) AS m${i}`).join(', ');
  const flagParams = conds.flatMap((c) => c.params);
  const query = (cmp: string, from: number, limit: number) =>
    db
      .prepare(
        `SELECT rn, ${flags} FROM (SELECT *, row_number() OVER (ORDER BY ${t.order(sort)}) - 1 AS rn FROM ${t.table} WHERE ${sql})
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
export function replaceAll<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, fields: string[], find: string, replace: string): BulkResult {
  // Numbers, dates and codes are not text to replace in; a district or country by its name is ("Kotim" → "Kotawaringin Timur").
  const cols = known(t, fields).filter((f) => column(t, f).replace);
  if (cols.length === 0) return { ok: true, cells: [] };
  const conds = matchConditions(db, t as AnyView, cols, find);
  const { sql, params } = t.where(filter);
  const rows = db
    .prepare(`SELECT id, ${cols.join(', ')} FROM ${t.table} WHERE ${sql} AND (${conds.map((c) => `(${c.sql})`).join(' OR ')}) ORDER BY id LIMIT ?`)
    .all(...params, ...conds.flatMap((c) => c.params), MAX_BULK_CELLS + 1) as Record<string, Value>[];
  const pattern = new RegExp(find.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  const labels = new Map(cols.map((f) => [f, new Map((column(t, f).codes?.(db) ?? []).map((c) => [c.code, c.label]))]));
  const changes: ViewChange[] = [];
  for (const r of rows)
    for (const f of cols) {
      const v = r[f];
      if (v == null) continue;
      const shown = labels.get(f)!.get(String(v)) ?? String(v);
      const next = shown.replace(pattern, () => replace);
      if (next !== shown) changes.push({ id: r.id as number, field: f, value: next.trim() === '' ? null : next });
    }
  // A replacement is typed by a person: a 12-digit NIB it makes is a typo (see parseNib).
  return save(db, t as AnyView, changes, () => -1, true);
}

/**
 * A column's values under the filter, the column's own header filter left out (as Excel lists
 * them), most frequent first; empty cells as one null entry ("(Kosong)").
 */
export function columnValues<F extends { values?: ValueFilter[] }, S>(db: DB, t: ViewTable<F, S>, filter: F, field: string, search: string | undefined, limit: number): { values: ColumnValue[]; more: boolean } {
  const [f] = known(t, [field]);
  const others: F = { ...filter, values: filter.values?.filter((v) => v.field !== f) };
  if (!others.values?.length) delete others.values;
  const { sql, params } = t.where(others);
  let extra = '';
  const extraParams: unknown[] = [];
  if (search?.trim()) {
    const [c] = matchConditions(db, t as AnyView, [f!], search);
    extra = ` AND (${c!.sql})`;
    extraParams.push(...c!.params);
  }
  const rows = db
    .prepare(`SELECT NULLIF(${f}, '') AS v, count(*) AS n FROM ${t.table} WHERE ${sql}${extra} GROUP BY 1 ORDER BY (v IS NULL) DESC, n DESC, v LIMIT ?`)
    .all(...params, ...extraParams, limit + 1) as { v: string | number | null; n: number }[];
  return { values: rows.slice(0, limit).map((r) => ({ value: r.v == null ? null : String(r.v), count: r.n })), more: rows.length > limit };
}

/**
 * What the grid's view engine (operations.ts, export/view.ts) needs to know of a table: its SQL
 * name, how the page's filter and sort become SQL, each column as the grid shows it, and the
 * table's one write path. Like the field tables of shared/ (fields.ts, shipments.ts) it is a
 * description: the registry's is in registry/view.ts, the shipments' in shipments/view.ts.
 */
import type { CellError } from '../../../shared/contract';
import type { DB } from '../db/open';

/**
 * How a column's cells are found, summed and exported:
 *   number  summed and averaged; found by its digits ("1.500.000" finds 1500000); a number cell.
 *   text    found and replaced as text; a text cell (NIB, phone keep their zeros).
 *   digits  a code of digits shown with dots (HS 4602.19.00): found without the dots; a text cell.
 *   date    an ISO day shown dd/mm/yyyy, found as shown; a date cell.
 *   code    a stored code shown by its label (district, country, business form): found by the
 *           label or the code, exported as the label; `codes` lists them.
 */
export type ViewColumnKind = 'number' | 'text' | 'digits' | 'date' | 'code';

export interface ViewColumn {
  kind: ViewColumnKind;
  /** Column width in the exported sheet, from the field table's grid width (pixels). */
  width: number;
  /** Excel number format of a number column. */
  numFmt?: string;
  /** A code column's codes and how each reads. */
  codes?(db: DB): readonly { code: string; label: string }[];
  /** Find & replace may write into it (text, and codes typed by their label such as a district). */
  replace: boolean;
}

/** A column header's value filter: the cell's stored value is one of `values` (null: empty). */
export interface ValueFilter {
  field: string;
  values: (string | null)[];
}

export type ViewChange = { id: number; field: string; value: string | number | null };
export type WriteOutcome = { ok: true; records: { id: number }[] } | { ok: false; errors: CellError[] };

export interface ViewTable<F extends { values?: ValueFilter[] }, S> {
  /** The SQL table (its rows have `id` and `deleted_at`). */
  table: string;
  /** Every column a view may name, by key: nothing else reaches SQL. */
  columns: ReadonlyMap<string, ViewColumn>;
  where(filter: F): { sql: string; params: unknown[] };
  order(sort: S): string;
  /** The table's one write path: validated all-or-nothing, one audit row per changed cell. `typed`: a person typed it. */
  write(db: DB, changes: ViewChange[], typed: boolean): WriteOutcome;
  /** "Ekspor tampilan": the worksheet's name and the file name's stem. */
  sheet: string;
  file: string;
}

/**
 * The SQL of header value filters, for a table's where(): keys that are not the table's columns
 * are skipped (the contract's enum has already refused them).
 */
export function valueFilterSql(values: readonly ValueFilter[] | undefined, columns: { has(key: string): boolean }, alias = ''): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const v of values ?? []) {
    if (!columns.has(v.field)) continue;
    const col = `${alias ? `${alias}.` : ''}${v.field}`;
    const listed = v.values.filter((x): x is string => x != null);
    const parts: string[] = [];
    if (listed.length > 0) {
      parts.push(`${col} IN (${listed.map(() => '?').join(',')})`);
      params.push(...listed);
    }
    if (listed.length < v.values.length) parts.push(`${col} IS NULL OR ${col} = ''`);
    clauses.push(`(${parts.join(' OR ')})`);
  }
  return { clauses, params };
}

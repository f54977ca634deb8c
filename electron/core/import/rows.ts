/**
 * One worksheet row → a registry record, a refusal with its reason, or junk to skip silently
 * (blank rows, totals, signature blocks, notes under the table: junk.ts).
 */
import type { DistrictResolver } from '../../../shared/areas';
import { parseField, type IkmValues } from '../../../shared/fields';
import type { MessageKey } from '../../../shared/messages';
import { parseIdNumber, parseYear, readQuantity } from '../../../shared/parse';
import type { ColumnMapping } from './header';
import { isFurniture } from './junk';
import { rowProblem, valueWarning, type ProblemParams } from './problem';
import { cellText, type RawCell } from './sheet';
import type { RowProblem } from '../../../shared/import';

export type { RowProblem };

export type RowOutcome =
  | { kind: 'junk' }
  /** "KECAMATAN BAAMANG" across a table grouped by kecamatan: the kecamatan of the rows below. */
  | { kind: 'heading'; kecamatan: string }
  | { kind: 'refused'; problem: RowProblem }
  | { kind: 'record'; values: IkmValues; warnings: RowProblem[] };

const HEADING = /^(?:[ivx]+\.|[a-z]\.|\d+\.)?\s*(?:kec\.|kecamatan)\s+(.+)$/i;
/** Fields a group or sub-total row may fill: where it is, and its sums. */
const AREA: ReadonlySet<string> = new Set(['district_code', 'kecamatan', 'desa']);

/** Fields whose invalid value refuses the row (the rest are imported empty, with a warning). */
const REFUSING: ReadonlySet<string> = new Set(['nib', 'business_name', 'district_code']);
/** Failures that keep the row: the value cannot be recovered, so it is left empty with a warning. */
const WARN_ONLY: ReadonlySet<string> = new Set(['err.nibLost']);

export interface RowContext {
  sheet: string;
  columns: ColumnMapping[];
  districts: DistrictResolver;
  /** District for files without a district column (chosen by the user). */
  district: string | null;
  /** Sheet name as kecamatan, for workbooks with one sheet per kecamatan. */
  kecamatan: string | null;
  date1904: boolean;
  now: Date;
  /** Text cells were typed as text (a workbook, not a CSV): a 12-digit NIB there lost no zero. */
  typedText?: boolean;
}

/**
 * A row inside the table that groups or sums the rows around it ("KEC. BAAMANG" with its sums,
 * a sub-total whose label sits in a merged or unmapped cell): no name, nothing that identifies a
 * business, only places and numbers. Skipped, not refused — a row with a commodity or an owner
 * but no name is a business with a gap, and is refused so the district fills it.
 */
function isGroupRow(values: IkmValues, fields: readonly string[], raws: readonly RawCell[]): boolean {
  if (values.business_name != null) return false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (AREA.has(f)) continue;
    const raw = raws[i];
    if (typeof raw === 'number') continue;
    if (typeof raw === 'string' && /^[\s\d.,()rp-]*$/i.test(raw)) continue;
    return false;
  }
  return true;
}

/**
 * Parsed values by raw value, per column of a sheet: district files repeat a column's few values
 * (commodity, KBLI, year, workers) on thousands of rows. Parsing is pure, so a repeat is looked
 * up; a column's first distinct values are kept, up to a bound, and a column that rarely repeats
 * (names, NIBs, phones) soon stops being looked up at all.
 */
const MEMO_SIZE = 512;
interface Memo {
  text: Map<string, ReturnType<typeof parseField>>;
  number: Map<number, ReturnType<typeof parseField>>;
  lookups: number;
  hits: number;
}
const memos = new WeakMap<ColumnMapping, Memo | null>();

function parseMemo(m: ColumnMapping, value: unknown, ctx: RowContext): ReturnType<typeof parseField> {
  const kind = typeof value === 'string' ? 'text' : typeof value === 'number' ? 'number' : null;
  let memo = memos.get(m);
  const pctx = { districts: ctx.districts, now: ctx.now, typed: ctx.typedText === true && kind === 'text' };
  if (!kind || memo === null) return parseField(m.field, value, pctx);
  if (!memo) memos.set(m, (memo = { text: new Map(), number: new Map(), lookups: 0, hits: 0 }));
  // Numbers and their text are parsed apart ('5' and 5 are not the same raw value).
  const map = memo[kind] as Map<unknown, ReturnType<typeof parseField>>;
  let p = map.get(value);
  if (p) memo.hits++;
  else {
    p = parseField(m.field, value, pctx);
    if (map.size < MEMO_SIZE) map.set(value, p);
  }
  if (++memo.lookups === 2000 && memo.hits < 1000) memos.set(m, null);
  return p;
}

const nameOf = (columns: readonly ColumnMapping[], cells: RawCell[]): { name?: string } => {
  const m = columns.find((c) => c.field === 'business_name');
  const name = m ? cellText(cells[m.col]) : '';
  return name ? { name } : {};
};

/**
 * A row as the district wrote it, for the error report sent back: its business name, and each
 * imported column's value (header → value), numbers kept as numbers so the report shows them so.
 */
export function rowAsWritten(columns: readonly ColumnMapping[], cells: RawCell[]): { name?: string; original: Record<string, string | number> } {
  const original: Record<string, string | number> = {};
  for (const c of columns) {
    const v = cells[c.col];
    original[c.header] = typeof v === 'number' ? v : cellText(v);
  }
  return { ...nameOf(columns, cells), original };
}

export function readRow(cells: RawCell[], rowNumber: number, ctx: RowContext): RowOutcome {
  const mapped: ColumnMapping[] = [];
  const fields: string[] = [];
  const raws: RawCell[] = [];
  for (const m of ctx.columns) {
    const raw = cells[m.col] ?? null;
    if (cellText(raw) !== '') {
      mapped.push(m);
      fields.push(m.field);
      raws.push(raw);
    }
  }
  let filled = 0;
  for (const c of cells) if (c != null && c !== '') filled++;
  if (filled <= 2)
    for (const c of cells) {
      if (c == null || c === '') continue;
      const heading = cellText(c).match(HEADING);
      if (heading) return { kind: 'heading', kecamatan: heading[1]!.replace(/\s+/g, ' ').trim() };
    }
  // The one junk rule (junk.ts); a lone business name is a business with gaps, not a note.
  if (isFurniture(cells, filled, fields, raws, 'business_name')) return { kind: 'junk' };

  const values: IkmValues = {};
  const warnings: RowProblem[] = [];
  const at = (m: ColumnMapping | undefined) => ({ sheet: ctx.sheet, row: rowNumber, column: m });
  // Only problem rows carry their name and original values (for the error report): built here, not per row.
  const problem = (m: ColumnMapping | undefined, key: MessageKey, params?: ProblemParams): RowProblem => rowProblem({ ...at(m), ...rowAsWritten(ctx.columns, cells) }, key, params);
  let refusal: RowProblem | null = null;
  let unit: string | null = null;
  for (let i = 0; i < mapped.length; i++) {
    const m = mapped[i]!;
    const raw = raws[i]!;
    let value: unknown = raw;
    if (m.field === 'year_established' && (typeof raw === 'number' || raw instanceof Date)) {
      const y = parseYear(raw, ctx.now, ctx.date1904);
      value = y.ok ? y.value : raw;
    }
    // "500 kg" in the capacity column: 500, and kg its unit (below) unless the row has one.
    const quantity = m.field === 'capacity_value' ? readQuantity(raw) : null;
    if (quantity?.unit) {
      value = quantity.amount;
      unit = quantity.unit;
    }
    if (m.multiplier !== 1 || (m.group && typeof value === 'string')) {
      // "(Juta Rp)" 1,5 is Rp 1.500.000: scale before rounding to whole rupiah.
      const n = parseIdNumber(value, m.group);
      if (n.ok && n.value != null) value = n.value * m.multiplier;
    }
    const p = parseMemo(m, value, ctx);
    if (!p.ok) {
      const { key, params } = p.error;
      if (!WARN_ONLY.has(key) && (REFUSING.has(m.field) || key === 'err.negative')) {
        // The first refusal is the reason; the rest of the row is still read to tell a sub-total apart.
        refusal ??= problem(m, key, params);
        continue;
      }
      // A WARN_ONLY text says itself what became of the value; any other is imported empty.
      const where = { ...at(m), ...nameOf(ctx.columns, cells) };
      warnings.push(WARN_ONLY.has(key) ? rowProblem(where, key, params) : valueWarning(where, key, params));
      continue;
    }
    values[m.field] = p.value;
  }
  if (isGroupRow(values, fields, raws)) {
    const label = raws.map(cellText).find((t) => HEADING.test(t));
    return label && !ctx.columns.some((c) => c.field === 'kecamatan') ? { kind: 'heading', kecamatan: label.match(HEADING)![1]!.trim() } : { kind: 'junk' };
  }
  if (refusal) return { kind: 'refused', problem: refusal };
  if (values.business_name == null) return { kind: 'refused', problem: problem(ctx.columns.find((c) => c.field === 'business_name'), 'imp.noName') };
  if (values.district_code == null) {
    if (!ctx.district) return { kind: 'refused', problem: problem(ctx.columns.find((c) => c.field === 'district_code'), 'imp.noDistrict') };
    values.district_code = ctx.district;
  }
  if (values.kecamatan == null && ctx.kecamatan) values.kecamatan = ctx.kecamatan;
  if (unit && values.capacity_value != null && values.capacity_unit == null) values.capacity_unit = unit;
  const male = values.workers_male as number | undefined;
  const female = values.workers_female as number | undefined;
  if (male != null && female != null) values.workers_total = male + female;
  return { kind: 'record', values, warnings };
}

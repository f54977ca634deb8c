/**
 * One worksheet row → a registry record, a refusal with its reason, or junk to skip silently
 * (blank rows, totals, signature blocks, notes under the table).
 */
import type { DistrictResolver } from '../../../shared/areas';
import { parseField, type IkmValues } from '../../../shared/fields';
import { message } from '../../../shared/messages';
import { parseIdNumber, parseYear } from '../../../shared/parse';
import { fold } from '../../../shared/text';
import type { ColumnMapping } from './header';
import { columnLetter, type RawCell } from './sheet';
import type { RowProblem } from '../../../shared/import';

export type { RowProblem };

export type RowOutcome =
  | { kind: 'junk' }
  /** "KECAMATAN BAAMANG" across a table grouped by kecamatan: the kecamatan of the rows below. */
  | { kind: 'heading'; kecamatan: string }
  | { kind: 'refused'; problem: RowProblem }
  | { kind: 'record'; values: IkmValues; warnings: RowProblem[] };

/** Words that open a totals row; such a row names no owner, NIB, address or phone. */
export const TOTALS = /^(jumlah|total|sub ?total|subtotal|grand total|rekap|rekapitulasi)\b/;
/** Signature blocks and notes under the table. */
export const SIGNATURE = /^(mengetahui|menyetujui|diketahui|kepala (dinas|bidang|seksi|bagian)\b|kabid\b|kasi\b|kasubag\b|sekretaris\b|plt\.? |plh\.? |nip[ .:]|ttd\b|a\.? ?n\.? |dibuat oleh|disusun oleh|diverifikasi oleh|catatan\b|keterangan ?:|sumber ?:|ket ?:|note ?:|\*)/;
/** "Sampit, 20 Desember 2025" — the place and date above a signature. */
export const PLACE_DATE = /^[a-z .'-]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$/;
const HEADING = /^(?:[ivx]+\.|[a-z]\.|\d+\.)?\s*(?:kec\.|kecamatan)\s+(.+)$/i;
/** The column-number row some tables have under the header: 1 2 3 … or (1) (2) (3) … */
const COLUMN_NUMBER = /^\(?\d{1,3}\)?\.?$/;
const IDENTIFYING: ReadonlySet<string> = new Set(['owner_name', 'nib', 'address', 'phone', 'email']);

/** Fields whose invalid value refuses the row (the rest are imported empty, with a warning). */
const REFUSING: ReadonlySet<string> = new Set(['nib', 'business_name', 'district_code']);

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
}

const text = (c: RawCell | undefined) => (c == null ? '' : c instanceof Date ? c.toISOString() : String(c).trim());

/** Rows that are part of the table's furniture, not businesses: skipped without a word. */
function isJunk(cells: RawCell[], filled: number, mapped: ColumnMapping[], raws: RawCell[]): boolean {
  // Cheap tests first: this runs for every row of a 100,000-row file.
  for (let j = 0; j < cells.length; j++) {
    // Past the first four cells only a sparse row can be junk.
    if (filled > 3 && j >= 4) break;
    const c = cells[j];
    if (typeof c !== 'string') continue;
    const t = c.trim().toLowerCase();
    if (t === '') continue;
    // Signature blocks and notes are sparse rows; a business row may well say "Catatan" somewhere.
    if (filled <= 3 && (SIGNATURE.test(t) || (t.includes(',') && PLACE_DATE.test(fold(t))))) return true;
    // "JUMLAH" / "TOTAL" at the left of a row naming nobody ("Total Jaya" with an owner is a business).
    if (j < 4 && TOTALS.test(t) && !mapped.some((m) => IDENTIFYING.has(m.field))) return true;
  }
  if (raws.every((raw) => COLUMN_NUMBER.test(text(raw)))) return true;
  // A lone note under the table (one filled cell that is not a name) is not a business.
  return !mapped.some((m) => m.field === 'business_name') && mapped.length < 2;
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
  if (!kind || memo === null) return parseField(m.field, value, { districts: ctx.districts, now: ctx.now });
  if (!memo) memos.set(m, (memo = { text: new Map(), number: new Map(), lookups: 0, hits: 0 }));
  // Numbers and their text are parsed apart ('5' and 5 are not the same raw value).
  const map = memo[kind] as Map<unknown, ReturnType<typeof parseField>>;
  let p = map.get(value);
  if (p) memo.hits++;
  else {
    p = parseField(m.field, value, { districts: ctx.districts, now: ctx.now });
    if (map.size < MEMO_SIZE) map.set(value, p);
  }
  if (++memo.lookups === 2000 && memo.hits < 1000) memos.set(m, null);
  return p;
}

export function readRow(cells: RawCell[], rowNumber: number, ctx: RowContext): RowOutcome {
  const mapped: ColumnMapping[] = [];
  const raws: RawCell[] = [];
  for (const m of ctx.columns) {
    const raw = cells[m.col] ?? null;
    if (text(raw) !== '') {
      mapped.push(m);
      raws.push(raw);
    }
  }
  let filled = 0;
  for (const c of cells) if (c != null && c !== '') filled++;
  if (filled <= 2)
    for (const c of cells) {
      if (c == null || c === '') continue;
      const heading = text(c).match(HEADING);
      if (heading) return { kind: 'heading', kecamatan: heading[1]!.replace(/\s+/g, ' ').trim() };
    }
  if (mapped.length === 0 || isJunk(cells, filled, mapped, raws)) return { kind: 'junk' };

  const values: IkmValues = {};
  const warnings: RowProblem[] = [];
  const problem = (m: ColumnMapping | undefined, reason: string): RowProblem => ({
    sheet: ctx.sheet,
    row: rowNumber,
    ...(m ? { column: columnLetter(m.col + 1), header: m.header } : {}),
    reason,
    // Only refused rows carry their original text (for the error report): built here, not per row.
    original: Object.fromEntries(ctx.columns.map((c) => [c.header, text(cells[c.col])])),
  });
  for (let i = 0; i < mapped.length; i++) {
    const m = mapped[i]!;
    const raw = raws[i]!;
    let value: unknown = raw;
    if (m.field === 'year_established' && (typeof raw === 'number' || raw instanceof Date)) {
      const y = parseYear(raw, ctx.now, ctx.date1904);
      value = y.ok ? y.value : raw;
    }
    if (m.multiplier !== 1) {
      // "(Juta Rp)" 1,5 is Rp 1.500.000: scale before rounding to whole rupiah.
      const n = parseIdNumber(raw);
      if (n.ok && n.value != null) value = n.value * m.multiplier;
    }
    const p = parseMemo(m, value, ctx);
    if (!p.ok) {
      const reason = message('id', p.error.key, p.error.params);
      if (REFUSING.has(m.field) || p.error.key === 'err.negative') return { kind: 'refused', problem: problem(m, reason) };
      warnings.push({ sheet: ctx.sheet, row: rowNumber, column: columnLetter(m.col + 1), header: m.header, reason: `${reason} Nilai ini tidak diimpor.` });
      continue;
    }
    values[m.field] = p.value;
  }
  if (values.business_name == null) return { kind: 'refused', problem: problem(ctx.columns.find((c) => c.field === 'business_name'), 'Nama usaha kosong.') };
  if (values.district_code == null) {
    if (!ctx.district) return { kind: 'refused', problem: problem(ctx.columns.find((c) => c.field === 'district_code'), 'Kabupaten/kota tidak diisi dan berkas tidak menyebutkannya.') };
    values.district_code = ctx.district;
  }
  if (values.kecamatan == null && ctx.kecamatan) values.kecamatan = ctx.kecamatan;
  const male = values.workers_male as number | undefined;
  const female = values.workers_female as number | undefined;
  if (male != null && female != null) values.workers_total = male + female;
  return { kind: 'record', values, warnings };
}

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
  | { kind: 'refused'; problem: RowProblem }
  | { kind: 'record'; values: IkmValues; warnings: RowProblem[] };

const JUNK_START = /^(jumlah|total|sub ?total|grand total|rekap|mengetahui|menyetujui|kepala (dinas|bidang|seksi)|kabid|kasi|nip\b|nip\.|ttd|a\.?n\.? |an\. |dibuat oleh|disusun oleh|catatan|keterangan ?:|sumber ?:|ket ?:|\*)/;
const PLACE_DATE = /^[a-z .'-]+,\s*\d{1,2}\s+[a-z]+\s+\d{4}$/;

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

export function readRow(cells: RawCell[], rowNumber: number, ctx: RowContext): RowOutcome {
  const mapped = ctx.columns.map((m) => ({ m, raw: cells[m.col] ?? null })).filter(({ raw }) => text(raw) !== '');
  if (mapped.length === 0) return { kind: 'junk' };
  const firstTexts = cells.slice(0, 4).map((c) => fold(text(c)));
  if (firstTexts.some((t) => JUNK_START.test(t))) return { kind: 'junk' };
  if (cells.some((c) => typeof c === 'string' && (PLACE_DATE.test(fold(c)) || /^nip[ .:]/.test(fold(c))))) return { kind: 'junk' };
  // A lone note under the table (one or two filled cells, no name) is not a business.
  const hasName = mapped.some(({ m }) => m.field === 'business_name');
  if (!hasName && mapped.length < 3) return { kind: 'junk' };

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
  for (const { m, raw } of mapped) {
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
    const p = parseField(m.field, value, { districts: ctx.districts, now: ctx.now });
    if (!p.ok) {
      const reason = message('id', p.error.key, p.error.params);
      if (REFUSING.has(m.field) || p.error.key === 'err.negative') return { kind: 'refused', problem: problem(m, reason) };
      const { original: _o, ...w } = problem(m, `${reason} Nilai ini tidak diimpor.`);
      warnings.push(w);
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

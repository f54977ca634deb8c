/**
 * The column mapping after the header: the values under each column confirm (or doubt) its
 * field, a column whose header means nothing but whose values clearly are one field is proposed,
 * the columns that hold data and are not imported are counted, and the user's corrections
 * (header text → field, '' = ignore) apply last. Corrections are remembered per district, so next
 * year's file with the same odd header maps by itself. All of it is decided once per table.
 */
import type { DistrictResolver } from '../../../shared/areas';
import { FIELD_BY_KEY, parseField, type IkmFieldKey } from '../../../shared/fields';
import type { FileReport, ImportResult, UnmappedColumn } from '../../../shared/import';
import { numberGroup, readQuantity } from '../../../shared/parse';
import type { DB } from '../db/open';
import { getSetting, setSetting } from '../settings/store';
import { headerWords, perMonth, yearlyScale, type ColumnMapping, type MappingReason } from './header';
import { cellText, columnLetter, type RawCell } from './sheet';

export type MappingOverrides = Record<string, string>;

/** The detected columns with the user's overrides applied; a field is never mapped twice. */
export function applyOverrides<F extends string = IkmFieldKey>(
  columns: ColumnMapping<F>[],
  cells: { col: number; header: string }[],
  overrides: MappingOverrides,
  known: (field: string) => boolean = (f) => FIELD_BY_KEY.has(f),
  /** Fields kept per year (Vocabulary.perYear): a column the user names so, headed per month, is ×12 as a found one is. */
  perYear: ReadonlySet<string> = new Set(),
): ColumnMapping<F>[] {
  if (Object.keys(overrides).length === 0) return columns;
  const byCol = new Map(columns.map((c) => [c.col, c]));
  for (const { col, header } of cells) {
    if (!(header in overrides)) continue;
    const field = overrides[header];
    if (!field) byCol.delete(col);
    else if (known(field)) {
      for (const [other, c] of byCol) if (c.field === field && other !== col) byCol.delete(other);
      const yearly = yearlyScale(perYear, field, perMonth(header));
      const why: MappingReason[] = [{ key: 'map.user' }, ...(yearly !== 1 ? [{ key: 'map.perMonth' as const }] : [])];
      byCol.set(col, { col, field: field as F, header, multiplier: headerWords(header).multiplier * yearly, confidence: 1, source: 'user', why });
    }
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}


/** What a column's values look like, for fields a header may not name: share of values that are one kind. */
type Kind = 'nib' | 'kbli' | 'phone' | 'email' | 'district' | 'year';
const PROPOSE: Record<Kind, IkmFieldKey> = { nib: 'nib', kbli: 'kbli', phone: 'phone', email: 'email', district: 'district_code', year: 'year_established' };
const MONEY = new Set(['investment_idr', 'production_value_idr', 'raw_material_value_idr']);
const NUMERIC = new Set([...MONEY, 'workers_male', 'workers_female', 'workers_total', 'capacity_value']);
const TEXTUAL = new Set(['business_name', 'owner_name', 'address', 'commodity', 'kecamatan', 'desa']);

function kindOf(v: RawCell, districts: DistrictResolver, year: number): Kind | null {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= year) return 'year';
    if (Number.isInteger(v) && v >= 10000 && v <= 99999) return 'kbli';
    if (Number.isInteger(v) && v >= 1e11 && v < 1e13) return 'nib';
    return null;
  }
  const s = cellText(v);
  if (/^\d{13}$/.test(s)) return 'nib';
  if (/^\d{5}$/.test(s)) return 'kbli';
  if (/^(19|20)\d{2}$/.test(s) && Number(s) <= year) return 'year';
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(s)) return 'email';
  const digits = s.replace(/[\s().-]/g, '');
  if (/^(\+?62|0)8\d{7,11}$/.test(digits) && digits.length !== 13) return 'phone';
  if (/^(\+?62|0)8\d{7,11}$/.test(digits) && /[\s.-]/.test(s)) return 'phone';
  if (/[a-z]/i.test(s) && s.length <= 40 && districts.resolve(s)) return 'district';
  return null;
}

export interface ConfirmContext {
  districts: DistrictResolver;
  now: Date;
}

/**
 * The values under the header confirm each IKM column (confidence and why), give a number
 * column its separator style (1,283,883 vs 1.283.883), and propose a field for a column whose
 * header names none when at least three of its values, and four in five, clearly are that field
 * (13-digit NIBs, 5-digit KBLI, 08…/62… phones, years, e-mails, district names).
 */
export function confirmMapping(columns: ColumnMapping[], cells: { col: number; header: string }[], sample: readonly RawCell[][], ctx: ConfirmContext): ColumnMapping[] {
  const year = ctx.now.getFullYear();
  const valuesOf = (col: number) => sample.map((r) => r[col] ?? null).filter((v) => cellText(v) !== '');
  const out = columns.map((m) => {
    const values = valuesOf(m.col);
    const group = NUMERIC.has(m.field) ? numberGroup(values) : undefined;
    if (values.length < 3) return group ? { ...m, group } : m;
    let agree = 0;
    for (const v of values) {
      if (TEXTUAL.has(m.field)) agree += typeof v === 'string' && /\p{L}/u.test(v) ? 1 : 0;
      else {
        // A capacity with its unit ("500 kg") is read as its amount (rows.ts).
        const raw = m.field === 'capacity_value' ? readQuantity(v).amount : v;
        const p = parseField(m.field, group && typeof raw === 'string' ? raw.replace(group === ',' ? /,(?=\d{3}\b)/g : /\.(?=\d{3}\b)/g, '') : raw, { districts: ctx.districts, now: ctx.now });
        agree += p.ok && p.value != null ? 1 : 0;
      }
    }
    const share = agree / values.length;
    const why: MappingReason[] = [...(m.why ?? []), { key: share >= 0.5 ? 'map.values' : 'map.valuesWeak', params: { n: agree, of: values.length } }];
    const confidence = Math.round(Math.min(1, m.confidence ?? 1) * (0.5 + 0.5 * share) * 100) / 100;
    return { ...m, confidence, why, ...(group ? { group } : {}) };
  });
  const taken = new Set(out.map((m) => m.field as string));
  const mapped = new Set(out.map((m) => m.col));
  for (const { col, header } of cells.length ? cells : []) {
    if (mapped.has(col)) continue;
    const values = valuesOf(col);
    if (values.length < 3) continue;
    const counts = new Map<Kind, number>();
    for (const v of values) {
      const k = kindOf(v, ctx.districts, year);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const [kind, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (!kind || n < 3 || n / values.length < 0.8) continue;
    const field = PROPOSE[kind];
    if (taken.has(field)) continue;
    taken.add(field);
    out.push({ col, field, header, multiplier: 1, confidence: Math.round((0.5 + 0.4 * (n / values.length)) * 100) / 100, source: 'values', why: [{ key: 'map.proposed', params: { n, of: values.length, field } }] });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** Headers of columns that are the table's own numbering, not data ("No", "No. Urut"). */
const NUMBERING = /^(no|nomor|no urut|nomor urut|urut|#|nr|no\.? ?urut)\.?$/i;

/**
 * Counts, row by row, the values in columns that are not imported, so none is dropped unseen:
 * the wizard and the JSON list each such column ("kolom berisi data yang tidak diimpor").
 */
export class UnmappedColumns {
  private readonly skip: Uint8Array;
  private readonly counts = new Map<number, { values: number; examples: string[] }>();

  constructor(
    private readonly sheet: string,
    private readonly cells: { col: number; header: string }[],
    columns: readonly { col: number }[],
  ) {
    this.skip = new Uint8Array(Math.max(64, ...cells.map((c) => c.col + 1), ...columns.map((c) => c.col + 1)));
    for (const c of columns) this.skip[c.col] = 1;
    for (const c of cells) if (NUMBERING.test(c.header.replace(/\s+/g, ' ').trim())) this.skip[c.col] = 1;
  }

  /** One data row (a record or a refused row, not furniture). Cheap: one pass over its cells. */
  see(cells: RawCell[]): void {
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j];
      if (v == null || v === '' || this.skip[j] === 1) continue;
      let c = this.counts.get(j);
      if (!c) this.counts.set(j, (c = { values: 0, examples: [] }));
      c.values++;
      if (c.examples.length < 3) {
        const t = cellText(v);
        if (t && !c.examples.includes(t)) c.examples.push(t.slice(0, 60));
      }
    }
  }

  list(): UnmappedColumn[] {
    const header = new Map(this.cells.map((c) => [c.col, c.header]));
    return [...this.counts]
      .filter(([, c]) => c.examples.length > 0)
      .sort((a, b) => a[0] - b[0])
      .map(([col, c]) => ({ sheet: this.sheet, column: columnLetter(col + 1), header: header.get(col) ?? '', values: c.values, examples: c.examples }));
  }
}

/**
 * Whose saved mapping: an IKM district's BPS code, null for IKM files naming their district in a
 * column ("umum"), SHIPMENT_MAPPINGS for shipment lists (one office's recaps, whatever the district).
 */
type MappingScope = string | null;
export const SHIPMENT_MAPPINGS = 'ekspor';
const key = (scope: MappingScope) => `import.mapping.${scope ?? 'umum'}`;

export function savedOverrides(db: DB, scope: MappingScope): MappingOverrides {
  return getSetting<MappingOverrides>(db, key(scope)) ?? {};
}

export function rememberOverrides(db: DB, scope: MappingScope, overrides: MappingOverrides): void {
  if (Object.keys(overrides).length > 0) setSetting(db, key(scope), { ...savedOverrides(db, scope), ...overrides });
}

/** After an import that wrote: the corrections of each file it imported, remembered under the file's scope. */
export function rememberImported(db: DB, result: ImportResult, inputs: readonly { mapping?: MappingOverrides }[], scope: (f: FileReport) => MappingScope): void {
  if (result.batchId == null) return;
  inputs.forEach((input, i) => {
    const f = result.files[i];
    if (f?.status === 'imported' && input.mapping) rememberOverrides(db, scope(f), input.mapping);
  });
}

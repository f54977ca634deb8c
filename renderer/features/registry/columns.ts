/**
 * The grid's columns: every IKM field plus the computed scale, how each shows and edits.
 * Business name is always first and frozen; the rest can be hidden, moved and resized.
 */
import type { District } from '../../../shared/areas';
import { BUSINESS_FORM_LABELS as FORM_LABELS, BUSINESS_FORMS, FIELD_BY_KEY, IKM_FIELDS, type IkmColumnKey, type IkmRecord } from '../../../shared/fields';
import type { EditorOption } from '../../grid/CellEditor';
import { formatNumber } from '../../format';

export interface GridColumn {
  key: IkmColumnKey;
  width: number;
  numeric: boolean;
  editable: boolean;
}

export const FROZEN: IkmColumnKey = 'business_name';

export const ALL_COLUMNS: GridColumn[] = [
  ...IKM_FIELDS.map((f) => ({
    key: f.key as IkmColumnKey,
    width: f.width,
    numeric: ['count', 'money', 'decimal', 'year'].includes(f.kind),
    editable: true,
  })),
  { key: 'scale', width: 110, numeric: false, editable: false },
];
export const COLUMN_BY_KEY = new Map(ALL_COLUMNS.map((c) => [c.key, c]));

/** Default order: frozen name first, then the export order. */
export const DEFAULT_ORDER: IkmColumnKey[] = [FROZEN, ...ALL_COLUMNS.map((c) => c.key).filter((k) => k !== FROZEN)];

const BUSINESS_FORM_LABELS: Record<string, string> = FORM_LABELS;

export interface Display {
  districtName(code: string | null | undefined): string;
  scaleName(scale: string): string;
}

/** What a cell shows: id-ID numbers (money without "Rp" in the cell; the header says Rp). */
export function displayValue(row: IkmRecord, key: IkmColumnKey, d: Display): string {
  const v = row[key as keyof IkmRecord];
  if (v == null || v === '') return '';
  if (key === 'district_code') return d.districtName(String(v));
  if (key === 'scale') return d.scaleName(String(v));
  if (key === 'year_established') return String(v);
  if (key === 'business_form') return BUSINESS_FORM_LABELS[String(v)] ?? String(v);
  const kind = FIELD_BY_KEY.get(key)?.kind;
  if (kind === 'count' || kind === 'money' || kind === 'decimal') return formatNumber(Number(v));
  return String(v);
}

/** What the editor starts with (and what Ctrl+C copies): numbers without separators so Excel reads them. */
export function rawValue(row: IkmRecord, key: IkmColumnKey, d: Display): string {
  const v = row[key as keyof IkmRecord];
  if (v == null) return '';
  if (key === 'district_code') return d.districtName(String(v));
  if (key === 'scale') return d.scaleName(String(v));
  if (key === 'business_form') return BUSINESS_FORM_LABELS[String(v)] ?? String(v);
  return String(v);
}

/** Choices offered by the cell editor: districts (typed names still accepted) and business forms. */
export function editorOptions(key: IkmColumnKey, districts: readonly District[], districtName: (code: string) => string): EditorOption[] | undefined {
  if (key === 'district_code')
    return districts.map((d) => ({ value: d.code, label: districtName(d.code), hint: d.province, keys: [d.name, ...d.variants, d.code] }));
  if (key === 'business_form') return BUSINESS_FORMS.map((f) => ({ value: f, label: BUSINESS_FORM_LABELS[f] ?? f }));
  return undefined;
}

/**
 * The IKM record: its fields in export order (the canonical columns of the shared README first,
 * then what districts commonly send), how each is parsed and validated. One table drives the
 * database columns, the grid columns, edits, paste, import and export.
 */
import type { DistrictResolver } from './areas';
import {
  fail,
  ok,
  parseEmail,
  parseKbli,
  parseNib,
  parsePhone,
  parseText,
  parseWholeNumber,
  parseIdNumber,
  parseYear,
  type Parsed,
} from './parse';

export type FieldKind =
  | 'text'
  | 'name'
  | 'nib'
  | 'kbli'
  | 'count'
  | 'money'
  | 'decimal'
  | 'year'
  | 'phone'
  | 'district'
  | 'email'
  | 'businessForm';

export interface FieldDef {
  key: IkmFieldKey;
  kind: FieldKind;
  /** Part of the canonical record of ../shared/README.md (and of `export ikm`). */
  canonical: boolean;
  /** Numeric fields summed in the grid footer. */
  summed?: boolean;
  /** Default column width in pixels. */
  width: number;
}

export const IKM_FIELDS = [
  { key: 'nib', kind: 'nib', canonical: true, width: 130 },
  { key: 'business_name', kind: 'name', canonical: true, width: 240 },
  { key: 'owner_name', kind: 'text', canonical: true, width: 160 },
  { key: 'district_code', kind: 'district', canonical: true, width: 170 },
  { key: 'address', kind: 'text', canonical: true, width: 220 },
  { key: 'commodity', kind: 'text', canonical: true, width: 170 },
  { key: 'kbli', kind: 'kbli', canonical: true, width: 70 },
  { key: 'workers_male', kind: 'count', canonical: true, summed: true, width: 70 },
  { key: 'workers_female', kind: 'count', canonical: true, summed: true, width: 70 },
  { key: 'workers_total', kind: 'count', canonical: true, summed: true, width: 80 },
  { key: 'investment_idr', kind: 'money', canonical: true, summed: true, width: 150 },
  { key: 'production_value_idr', kind: 'money', canonical: true, summed: true, width: 160 },
  { key: 'year_established', kind: 'year', canonical: true, width: 80 },
  { key: 'phone', kind: 'phone', canonical: true, width: 130 },
  { key: 'kecamatan', kind: 'text', canonical: false, width: 140 },
  { key: 'desa', kind: 'text', canonical: false, width: 140 },
  { key: 'email', kind: 'email', canonical: false, width: 180 },
  { key: 'business_form', kind: 'businessForm', canonical: false, width: 120 },
  { key: 'capacity_value', kind: 'decimal', canonical: false, width: 100 },
  { key: 'capacity_unit', kind: 'text', canonical: false, width: 90 },
  { key: 'raw_material_value_idr', kind: 'money', canonical: false, width: 150 },
] as const satisfies readonly (Omit<FieldDef, 'key'> & { key: string })[];

export type IkmFieldKey = (typeof IKM_FIELDS)[number]['key'];
export const IKM_FIELD_KEYS = IKM_FIELDS.map((f) => f.key) as IkmFieldKey[];
export const CANONICAL_KEYS = IKM_FIELDS.filter((f) => f.canonical).map((f) => f.key) as IkmFieldKey[];
export const FIELD_BY_KEY = new Map<string, FieldDef>(IKM_FIELDS.map((f) => [f.key, f as FieldDef]));

/** Computed (read-only) columns the grid shows after the editable ones. */
export const COMPUTED_KEYS = ['scale'] as const;
export type ComputedKey = (typeof COMPUTED_KEYS)[number];
export type IkmColumnKey = IkmFieldKey | ComputedKey;

export const BUSINESS_FORMS = ['perseorangan', 'cv', 'pt', 'koperasi', 'bumdes', 'ud', 'firma', 'lainnya'] as const;
export type BusinessForm = (typeof BUSINESS_FORMS)[number];
/** How a business form reads (grid, exports). */
export const BUSINESS_FORM_LABELS: Record<BusinessForm, string> = {
  perseorangan: 'Perseorangan', cv: 'CV', pt: 'PT', koperasi: 'Koperasi', bumdes: 'BUMDes', ud: 'UD', firma: 'Firma', lainnya: 'Lainnya',
};

/** Business scale by the Kemenperin rule (Permenperin 64/M-IND/PER/7/2016). */
export type BusinessScale = 'kecil' | 'menengah' | 'besar';

export type IkmValue = string | number | null;
export type IkmValues = Partial<Record<IkmFieldKey, IkmValue>>;

export interface IkmRecord extends Record<IkmFieldKey, IkmValue> {
  id: number;
  nib: string | null;
  business_name: string;
  district_code: string;
  scale: BusinessScale | null;
  created_at: string;
  updated_at: string;
}

export interface ParseContext {
  districts: DistrictResolver;
  now?: Date;
  /** One value typed into the grid's cell editor (not pasted or imported): see parseNib. */
  typed?: boolean;
}

function parseBusinessForm(raw: unknown): Parsed<string> {
  const t = parseText(raw);
  if (!t.ok || t.value == null) return t;
  const k = t.value.toLowerCase().replace(/[.\s]/g, '');
  const alias: Record<string, BusinessForm> = {
    perorangan: 'perseorangan', perseorangan: 'perseorangan', individu: 'perseorangan', usahadagang: 'ud',
    cv: 'cv', pt: 'pt', koperasi: 'koperasi', kop: 'koperasi', bumdes: 'bumdes', ud: 'ud', firma: 'firma',
    fa: 'firma', lainnya: 'lainnya', lain: 'lainnya', lainlain: 'lainnya',
  };
  const form = alias[k];
  return form ? ok(form) : fail('err.businessForm', { value: t.value });
}

/** Parses and validates one value of one field, as typed, pasted or imported. */
export function parseField(key: IkmFieldKey, raw: unknown, ctx: ParseContext): Parsed<string | number> {
  const def = FIELD_BY_KEY.get(key);
  if (!def) return fail('err.notEditable', { field: key });
  switch (def.kind) {
    case 'name': {
      const p = parseText(raw, 200);
      return p.ok && p.value == null ? fail('err.required') : p;
    }
    case 'text':
      return parseText(raw);
    case 'nib':
      return parseNib(raw, ctx.typed);
    case 'kbli':
      return parseKbli(raw);
    case 'count':
      return parseWholeNumber(raw);
    case 'money':
      return parseWholeNumber(raw, { round: true });
    case 'decimal': {
      const p = parseIdNumber(raw);
      return p.ok && p.value != null && p.value < 0 ? fail('err.negative') : p;
    }
    case 'year':
      return parseYear(raw, ctx.now);
    case 'phone':
      return parsePhone(raw);
    case 'email':
      return parseEmail(raw);
    case 'businessForm':
      return parseBusinessForm(raw);
    case 'district': {
      if (raw == null || String(raw).trim() === '') return fail('err.required');
      const d = ctx.districts.resolve(raw);
      return d ? ok(d.code) : fail('err.district', { value: String(raw) });
    }
  }
}

/** Kemenperin scale from workers and investment; null when either is unknown. */
export function businessScale(workers: number | null, investment: number | null): BusinessScale | null {
  if (workers == null || investment == null) return null;
  if (workers <= 19) return investment < 1_000_000_000 ? 'kecil' : 'menengah';
  return investment <= 15_000_000_000 ? 'menengah' : 'besar';
}

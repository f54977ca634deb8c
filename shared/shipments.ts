/**
 * Export shipments (one PEB line: what an exporter shipped where) and the province's monthly
 * trade statistics. Like fields.ts for IKM, one table drives the database columns, the grid,
 * edits, import and export, and one parser reads a value however it was typed or sent.
 */
import type { District, DistrictResolver } from './areas';
import type { ShipmentFilter } from './contract';
import type { CountryResolver } from './countries';
import { fail, localDay, ok, parseDate, parseHsCode, parseIdNumber, parseNib, parseText, type Parsed } from './parse';

/** 2026-03-12 → 12/03/2026, the way staff write dates. */
const dmy = (iso: string) => iso.split('-').reverse().join('/');

export type ShipmentFieldKind = 'date' | 'nib' | 'name' | 'text' | 'district' | 'hs' | 'country' | 'decimal' | 'usd' | 'coo';

export const SHIPMENT_FIELDS = [
  { key: 'date', kind: 'date', width: 100 },
  { key: 'exporter_nib', kind: 'nib', width: 130 },
  { key: 'exporter_name', kind: 'name', width: 220 },
  { key: 'district_code', kind: 'district', width: 170 },
  { key: 'product', kind: 'text', width: 200 },
  { key: 'hs_code', kind: 'hs', width: 100 },
  { key: 'country_code', kind: 'country', width: 150 },
  { key: 'quantity', kind: 'decimal', width: 100, summed: false },
  { key: 'unit', kind: 'text', width: 70 },
  { key: 'net_weight_kg', kind: 'decimal', width: 120, summed: true },
  { key: 'fob_usd', kind: 'usd', width: 130, summed: true },
  { key: 'port', kind: 'text', width: 150 },
  { key: 'peb_number', kind: 'text', width: 130 },
  { key: 'peb_date', kind: 'date', width: 100 },
  { key: 'coo_form', kind: 'coo', width: 100 },
] as const satisfies readonly { key: string; kind: ShipmentFieldKind; width: number; summed?: boolean }[];

export type ShipmentFieldKey = (typeof SHIPMENT_FIELDS)[number]['key'];
export const SHIPMENT_FIELD_KEYS = SHIPMENT_FIELDS.map((f) => f.key) as ShipmentFieldKey[];
export const SHIPMENT_FIELD_BY_KEY = new Map<string, (typeof SHIPMENT_FIELDS)[number]>(SHIPMENT_FIELDS.map((f) => [f.key, f]));

export type ShipmentValue = string | number | null;
export type ShipmentValues = Partial<Record<ShipmentFieldKey, ShipmentValue>>;

export interface ShipmentRecord extends Record<ShipmentFieldKey, ShipmentValue> {
  id: number;
  date: string;
  exporter_name: string;
  district_code: string | null;
  country_code: string;
  /** The registry record of the exporter, when its NIB is registered. */
  ikm_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ShipmentParseContext {
  districts: DistrictResolver;
  countries: CountryResolver;
  date1904?: boolean;
  /** Today's local date (ISO), the latest a shipment or its PEB may be dated; tests pass their own. */
  today?: string;
}

/** "SKA Form D", "form-d", "D" → "Form D"; "IJEPA" → "Form IJEPA". Longer texts are kept as typed. */
export function normaliseCooForm(text: string): string {
  const rest = text.trim().replace(/^(ska|coo|skaform)\s*/i, '').replace(/^form\s*[-.:]?\s*/i, '').trim();
  return /^[a-z0-9-]{1,8}$/i.test(rest) ? `Form ${rest.toUpperCase()}` : text.trim();
}

export function parseShipmentField(key: ShipmentFieldKey, raw: unknown, ctx: ShipmentParseContext): Parsed<string | number> {
  const def = SHIPMENT_FIELD_BY_KEY.get(key);
  if (!def) return fail('err.notEditable', { field: key });
  switch (def.kind) {
    case 'date': {
      const p = parseDate(raw, ctx.date1904);
      if (key === 'date' && p.ok && p.value == null) return fail('err.required');
      // A shipment is recorded once it has sailed: a date after today is a typo (2062 for 2026).
      const today = ctx.today ?? localDay();
      if (p.ok && typeof p.value === 'string' && p.value > today) return fail('err.dateFuture', { value: dmy(p.value), max: dmy(today) });
      return p;
    }
    case 'nib':
      return parseNib(raw);
    case 'name':
      return parseText(raw, 200);
    case 'text':
      return parseText(raw);
    case 'district': {
      if (raw == null || String(raw).trim() === '') return ok(null);
      const d = ctx.districts.resolve(raw);
      return d ? ok(d.code) : fail('err.district', { value: String(raw) });
    }
    case 'hs':
      return parseHsCode(raw);
    case 'country': {
      if (raw == null || String(raw).trim() === '') return fail('err.required');
      const c = ctx.countries.resolve(raw);
      return c ? ok(c.code) : fail('err.country', { value: String(raw) });
    }
    case 'decimal':
    case 'usd': {
      const p = parseIdNumber(raw);
      if (!p.ok || p.value == null) return p;
      if (p.value < 0) return fail('err.negative');
      return ok(def.kind === 'usd' ? Math.round(p.value * 100) / 100 : p.value);
    }
    case 'coo': {
      const p = parseText(raw, 60);
      return p.ok && p.value != null ? ok(normaliseCooForm(p.value)) : p;
    }
  }
}

/** HS chapter (first two digits), the commodity level of the "per komoditi/HS" report. */
export const hsChapter = (hs: string | null | undefined): string | null => (hs && hs.length >= 2 ? hs.slice(0, 2) : null);

/** One row of the province's trade statistics (BPS): month 0 is a whole-year figure. */
/** The columns a BPS trade table can have (electron/core/trade/stats.ts), for its column mapping. */
export const TRADE_FIELD_KEYS = ['year', 'month', 'period', 'export_usd', 'import_usd'] as const;
export type TradeFieldKey = (typeof TRADE_FIELD_KEYS)[number];

export interface TradeStat {
  /** The province the BPS figures are of (2-digit BPS code). */
  province_code: string;
  year: number;
  month: number;
  export_usd: number | null;
  import_usd: number | null;
  source: string | null;
}

/**
 * What a shipment added under a filter starts with, so it shows under that filter: the filter's
 * district (or the first of its province), country, product, HS code, a day inside its period,
 * and a column's header value when one is chosen. A filter no new row can meet (a search, an HS
 * chapter of two digits, a period after today) is left to the page, which lifts it with a word.
 */
export function newShipmentValues(filter: ShipmentFilter, districts: readonly District[], today: string): Partial<Record<ShipmentFieldKey, ShipmentValue>> {
  const v: Partial<Record<ShipmentFieldKey, ShipmentValue>> = {};
  const district = filter.districts?.[0] ?? (filter.province ? districts.find((d) => d.provinceCode === filter.province)?.code : undefined);
  if (district) v.district_code = district;
  if (filter.countries?.[0]) v.country_code = filter.countries[0];
  if (filter.commodity) v.product = filter.commodity;
  if (filter.hs && filter.hs.length >= 4) v.hs_code = filter.hs;
  // Today, or the period's last day when the period ended before today.
  if (filter.to && filter.to < today && (!filter.from || filter.from <= filter.to)) v.date = filter.to;
  for (const f of filter.values ?? []) {
    const key = f.field as ShipmentFieldKey;
    if (f.values.includes(null) || v[key] != null) continue;
    const first = f.values[0]!;
    const kind = SHIPMENT_FIELD_BY_KEY.get(key)?.kind;
    // Stored numbers come back as text ("1234.5"): sent as numbers, not read as id-ID digits.
    v[key] = kind === 'decimal' || kind === 'usd' ? Number(first) : first;
  }
  return v;
}

/** The shipments grid's columns and how their cells read: dates dd/mm/yyyy, countries by name. */
import type { District } from '../../../shared/areas';
import type { CountryResolver } from '../../../shared/countries';
import { SHIPMENT_FIELDS, type ShipmentRecord } from '../../../shared/shipments';
import { formatNumber, formatUsd } from '../../format';
import type { EditorOption } from '../../grid/CellEditor';
import type { GridColumnDef } from '../../grid/Grid';

export const SHIPMENT_COLUMNS: GridColumnDef[] = SHIPMENT_FIELDS.map((f) => ({
  key: f.key,
  width: f.width,
  numeric: f.kind === 'decimal' || f.kind === 'usd',
  editable: true,
}));

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface ShipmentDisplay {
  districtName(code: string | null | undefined): string;
  countries: CountryResolver;
}

export function shipmentText(row: ShipmentRecord, key: string, d: ShipmentDisplay): string {
  const v = row[key as keyof ShipmentRecord];
  if (v == null || v === '') return '';
  if (key === 'date' || key === 'peb_date') return dmy(String(v));
  if (key === 'district_code') return d.districtName(String(v));
  if (key === 'country_code') return `${d.countries.name(String(v))} (${String(v)})`;
  if (key === 'fob_usd') return formatUsd(Number(v));
  if (key === 'quantity' || key === 'net_weight_kg') return formatNumber(Number(v));
  if (key === 'hs_code') return String(v).replace(/^(\d{4})(\d{2})?(\d{2})?(\d{2})?$/, (_, a: string, b?: string, c?: string, e?: string) => [a, b, c, e].filter(Boolean).join('.'));
  return String(v);
}

/** What the editor starts with and Ctrl+C copies: plain numbers, names the parsers read back. */
export function shipmentRaw(row: ShipmentRecord, key: string, d: ShipmentDisplay): string {
  const v = row[key as keyof ShipmentRecord];
  if (v == null) return '';
  if (key === 'date' || key === 'peb_date') return dmy(String(v));
  if (key === 'district_code') return d.districtName(String(v));
  if (key === 'country_code') return d.countries.name(String(v));
  return String(v);
}

export function shipmentOptions(key: string, districts: readonly District[], districtName: (c: string) => string, countries: CountryResolver): EditorOption[] | undefined {
  if (key === 'district_code') return districts.map((x) => ({ value: x.code, label: districtName(x.code), hint: x.province, keys: [x.name, ...x.variants, x.code] }));
  if (key === 'country_code')
    return countries.byName().map((c) => ({ value: c.code, label: countries.name(c.code), hint: c.code, keys: [c.name, c.nameEn, c.code, c.alpha3, ...c.aliases] }));
  return undefined;
}

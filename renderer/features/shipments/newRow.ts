/**
 * What a shipment added under a filter starts with, so it shows under that filter: the filter's
 * district (or the first of its province), country, product, HS code, a day inside its period,
 * and a column's header value when one is chosen. A filter no new row can meet (a search, an HS
 * chapter of two digits, a period after today) is left to the page, which lifts it with a word.
 */
import type { District } from '../../../shared/areas';
import type { ShipmentFilter } from '../../../shared/contract';
import { SHIPMENT_FIELD_BY_KEY, type ShipmentFieldKey, type ShipmentValue } from '../../../shared/shipments';

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

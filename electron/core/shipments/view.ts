/**
 * The shipments as the grid's view engine sees them (electron/core/view/table.ts): the shipment
 * table, its filter and sort (query.ts), each column of shared/shipments.ts by kind, and
 * applyShipmentChanges as the write path — the same range operations, find/replace, header
 * values and export as the registry, on the same engine.
 */
import type { ShipmentFilter, ShipmentSort } from '../../../shared/contract';
import { districtLabel } from '../../../shared/areas';
import { SHIPMENT_FIELDS, type ShipmentFieldKind } from '../../../shared/shipments';
import { districtResolver } from '../reference/areas';
import { countryResolver } from '../reference/countries';
import type { ViewColumn, ViewTable } from '../view/table';
import { shipmentOrder, shipmentWhere } from './query';
import { applyShipmentChanges } from './write';

const districtCodes: ViewColumn['codes'] = (db) => districtResolver(db).districts.map((d) => ({ code: d.code, label: districtLabel(d) }));
// A country reads by its Indonesian name (the grid adds the code, which find also takes).
const countryCodes: ViewColumn['codes'] = () => countryResolver().countries.map((c) => ({ code: c.code, label: c.name }));

function shipmentColumn(kind: ShipmentFieldKind, width: number): ViewColumn {
  switch (kind) {
    case 'date':
      return { kind: 'date', width, replace: false };
    case 'decimal':
      return { kind: 'number', width, numFmt: '#,##0.##', replace: false };
    case 'usd':
      return { kind: 'number', width, numFmt: '#,##0.00', replace: false };
    case 'hs':
      return { kind: 'digits', width, replace: false };
    // Typed by their names, so replace works on the name ("Malaysia" → "Singapura").
    case 'district':
      return { kind: 'code', width, codes: districtCodes, replace: true };
    case 'country':
      return { kind: 'code', width, codes: countryCodes, replace: true };
    default:
      return { kind: 'text', width, replace: true };
  }
}

export const SHIPMENT_VIEW: ViewTable<ShipmentFilter, ShipmentSort> = {
  table: 'shipment',
  columns: new Map<string, ViewColumn>(SHIPMENT_FIELDS.map((f) => [f.key, shipmentColumn(f.kind, f.width)])),
  where: (filter) => shipmentWhere(filter),
  order: shipmentOrder,
  write: (db, changes) => applyShipmentChanges(db, changes),
  sheet: 'Pengapalan Ekspor',
  file: 'pengapalan-ekspor',
};

/**
 * Filter, sort and paging of shipments, and the footer's sums: the same server-side windows as
 * the registry (the grid never holds the whole table).
 */
import type { ShipmentFilter, ShipmentSort, ShipmentSummary } from '../../../shared/contract';
import { SHIPMENT_FIELD_BY_KEY, type ShipmentRecord } from '../../../shared/shipments';
import { fold, likeEscape } from '../../../shared/text';
import type { DB } from '../db/open';
import { cachedUntilWrite } from '../registry/generation';
import { SHIPMENT_COLUMNS } from './write';
import { valueFilterSql } from '../view/table';

export function shipmentWhere(filter: ShipmentFilter, alias = ''): { sql: string; params: unknown[] } {
  const a = alias ? `${alias}.` : '';
  const clauses = [`${a}deleted_at IS NULL`];
  const params: unknown[] = [];
  for (const term of fold(filter.search).split(' ').filter(Boolean)) {
    clauses.push(`${a}search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(term)}%`);
  }
  if (filter.from) {
    clauses.push(`${a}date >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push(`${a}date <= ?`);
    params.push(filter.to);
  }
  if (filter.province) {
    clauses.push(`${a}district_code >= ? AND ${a}district_code < ?`);
    params.push(`${filter.province}00`, `${filter.province}99~`);
  }
  if (filter.districts?.length) {
    clauses.push(`${a}district_code IN (${filter.districts.map(() => '?').join(',')})`);
    params.push(...filter.districts);
  }
  if (filter.countries?.length) {
    clauses.push(`${a}country_code IN (${filter.countries.map(() => '?').join(',')})`);
    params.push(...filter.countries);
  }
  if (filter.commodity) {
    // Products are free text ("Rotan anyaman", "ROTAN"): a word match, not an exact one.
    clauses.push(`${a}search_text LIKE ? ESCAPE '\\'`);
    params.push(`%${likeEscape(fold(filter.commodity))}%`);
  }
  if (filter.hs) {
    clauses.push(`${a}hs_code LIKE ? ESCAPE '\\'`);
    params.push(`${likeEscape(filter.hs)}%`);
  }
  // Header value filters: the column key comes from the contract's enum, never from free text.
  const values = valueFilterSql(filter.values, SHIPMENT_FIELD_BY_KEY, alias);
  clauses.push(...values.clauses);
  params.push(...values.params);
  return { sql: clauses.join(' AND '), params };
}

export function shipmentOrder(sort: ShipmentSort): string {
  const parts = sort.map(({ field, desc }) => {
    const kind = SHIPMENT_FIELD_BY_KEY.get(field)?.kind;
    const textual = kind === 'text' || kind === 'name';
    const nullsLast = field === 'date' || field === 'exporter_name' || field === 'country_code' ? '' : `(${field} IS NULL), `;
    return `${nullsLast}${field}${textual ? ' COLLATE NOCASE' : ''} ${desc ? 'DESC' : 'ASC'}`;
  });
  if (sort.length === 0) parts.push('date DESC');
  parts.push('id ASC');
  return parts.join(', ');
}

const counts = new WeakMap<DB, Map<string, { gen: number; value: number }>>();

export function queryShipments(db: DB, filter: ShipmentFilter, sort: ShipmentSort, offset: number, limit: number): { rows: ShipmentRecord[]; total: number } {
  const { sql, params } = shipmentWhere(filter);
  const order = shipmentOrder(sort);
  let cache = counts.get(db);
  if (!cache) counts.set(db, (cache = new Map()));
  const total = cachedUntilWrite(db, cache, JSON.stringify(filter), () => (db.prepare(`SELECT count(*) AS n FROM shipment WHERE ${sql}`).get(...params) as { n: number }).n);
  const rows = db
    .prepare(
      `SELECT ${SHIPMENT_COLUMNS} FROM shipment WHERE id IN
         (SELECT id FROM shipment WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?)
       ORDER BY ${order}`,
    )
    .all(...params, limit, offset) as ShipmentRecord[];
  return { rows, total };
}

export function summariseShipments(db: DB, filter: ShipmentFilter): ShipmentSummary {
  const { sql, params } = shipmentWhere(filter);
  return db
    .prepare(`SELECT count(*) AS count, total(fob_usd) AS fob_usd, total(net_weight_kg) AS net_weight_kg FROM shipment WHERE ${sql}`)
    .get(...params) as ShipmentSummary;
}

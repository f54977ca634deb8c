/** The shipments grid and trade statistics side of the contract. */
import type { Args } from '../../../shared/contract';
import type { DB } from '../db/open';
import { ValidationError } from '../api/errors';
import { countryResolver } from '../reference/countries';
import { deleteTradeStat, importTradeStats, listTradeStats, setTradeStat } from '../trade/stats';
import { importShipments } from './import';
import { queryShipments, summariseShipments } from './query';
import { applyShipmentChanges, createShipment, deleteShipments, getShipment, shipmentHistory, shipmentSource } from './write';
import { NotFoundError } from '../api/errors';
import { columnValues, fillRange, findNext, locate, rangeStats, replaceAll } from '../view/operations';
import { exportView } from '../export/view';
import { SHIPMENT_VIEW } from './view';

const decode = (b64: string) => Buffer.from(b64, 'base64');

export const shipmentHandlers = {
  'countries.list': () => [...countryResolver().countries],
  'shipments.query': (db: DB, a: Args<'shipments.query'>) => queryShipments(db, a.filter, a.sort, a.offset, a.limit),
  'shipments.summary': (db: DB, a: Args<'shipments.summary'>) => summariseShipments(db, a.filter),
  'shipments.update': (db: DB, a: Args<'shipments.update'>) => applyShipmentChanges(db, a.changes),
  'shipments.create': (db: DB, a: Args<'shipments.create'>) => createShipment(db, { ...(a.district ? { district_code: a.district } : {}), ...a.values }),
  'shipments.delete': (db: DB, a: Args<'shipments.delete'>) => ({ deleted: deleteShipments(db, a.ids) }),
  'shipments.import': (db: DB, a: Args<'shipments.import'>) =>
    importShipments(db, a.files.map((f) => ({ name: f.name, data: decode(f.dataBase64), district: f.district ?? null, mapping: f.mapping })), { dryRun: a.dryRun }),
  'shipments.get': (db: DB, a: Args<'shipments.get'>) => {
    const r = getShipment(db, a.id);
    if (!r) throw new NotFoundError(a.id);
    return r;
  },
  'shipments.history': (db: DB, a: Args<'shipments.history'>) => shipmentHistory(db, a.id),
  'shipments.source': (db: DB, a: Args<'shipments.source'>) => shipmentSource(db, a.id),
  // The grid's range operations and export, on the registry's engine (electron/core/view/).
  'shipments.locate': (db: DB, a: Args<'shipments.locate'>) => ({ index: locate(db, SHIPMENT_VIEW, a.filter, a.sort, a.id) }),
  'shipments.rangeStats': (db: DB, a: Args<'shipments.rangeStats'>) => rangeStats(db, SHIPMENT_VIEW, a.filter, a.sort, a.top, a.bottom, a.fields),
  'shipments.fill': (db: DB, a: Args<'shipments.fill'>) => fillRange(db, SHIPMENT_VIEW, a.filter, a.sort, a.top, a.bottom, a.fields, a.block),
  'shipments.find': (db: DB, a: Args<'shipments.find'>) => findNext(db, SHIPMENT_VIEW, a.filter, a.sort, a.text, a.fields, a.row, a.col, a.backwards),
  'shipments.replaceAll': (db: DB, a: Args<'shipments.replaceAll'>) => replaceAll(db, SHIPMENT_VIEW, a.filter, a.fields, a.find, a.replace),
  'shipments.columnValues': (db: DB, a: Args<'shipments.columnValues'>) => columnValues(db, SHIPMENT_VIEW, a.filter, a.field, a.search, a.limit),
  'shipments.exportView': (db: DB, a: Args<'shipments.exportView'>) => exportView(db, SHIPMENT_VIEW, a.filter, a.sort, a.columns, a.format),
  'trade.list': (db: DB, a: Args<'trade.list'>) => listTradeStats(db, a.province),
  'trade.set': (db: DB, a: Args<'trade.set'>) => {
    if (a.export_usd == null && a.import_usd == null) throw new ValidationError([{ index: 0, id: a.year, field: 'export_usd', key: 'err.required', message: 'Isi nilai ekspor atau impor.' }]);
    return setTradeStat(db, a);
  },
  'trade.delete': (db: DB, a: Args<'trade.delete'>) => deleteTradeStat(db, a.year, a.month, a.province_code),
  'trade.import': (db: DB, a: Args<'trade.import'>) => importTradeStats(db, { name: a.file.name, data: decode(a.file.dataBase64), mapping: a.mapping }, { dryRun: a.dryRun, province: a.province }),
};

/**
 * The implementation of every method of the contract (shared/contract.ts). Handlers receive
 * arguments already validated by dispatch.ts; they never see raw IPC or HTTP input.
 */
import type { Args, Method, Result } from '../../../shared/contract';
import type { IkmRecord } from '../../../shared/fields';
import { openedFile, schemaVersion, type DB } from '../db/open';
import type { RegistrySession } from '../db/session';
import { backupHandlers, type BackupHost } from '../backup/handlers';
import { loadAreas } from '../reference/areas';
import { distinctValues, getRecord, queryPage, summarise } from '../registry/query';
import { applyChanges, createRecord, deleteRecords, osUser, recordHistory, restoreRecords } from '../registry/write';
import { columnValues, fillRange, findNext, locate, rangeStats, replaceAll } from '../view/operations';
import { REGISTRY_VIEW } from '../registry/view';
import { exportView } from '../export/view';
import { importHandlers } from '../import/handlers';
import { reportHandlers } from '../reports/handlers';
import type { PdfPrinter } from '../reports/service';
import { shipmentHandlers } from '../shipments/handlers';
import { goEksporHandlers } from '../goekspor/handlers';
import { demoCount, removeDemo, seedDemoWorld } from '../seed/world';
import { listTrash, restoreTrash, trashCount } from '../trash/bin';
import { getSetting, setSetting } from '../settings/store';
import { NotFoundError, ValidationError } from './errors';

/** `session`: the host's open registry, for the few handlers that replace its file (restore). */
export type Handler<M extends Method> = (db: DB, args: Args<M>, session: RegistrySession) => Result<M> | Promise<Result<M>>;
export type HandlerTable = { [M in Method]: Handler<M> };

export interface HostInfo extends BackupHost {
  dbPath: string;
  version: string;
  /** How this host prints HTML to PDF (Electron's printToPDF, or Playwright's Chromium). */
  printPdf?: PdfPrinter;
}

export function createHandlers(host: HostInfo): HandlerTable {
  return {
    'app.info': (db, _a, session) => ({
      dbPath: host.dbPath,
      version: host.version,
      schemaVersion: schemaVersion(db),
      user: osUser(),
      // A registry found damaged in the background is not read further (the banner leads to Cadangan).
      ...(session.damaged
        ? { ikmCount: 0, deletedCount: 0, demoCount: 0 }
        : {
            ikmCount: (db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number }).n,
            deletedCount: trashCount(db, 'ikm'),
            demoCount: demoCount(db),
          }),
      readOnly: openedFile(db).readOnly,
      notices: openedFile(db).notices,
      checking: session.checking != null,
      damaged: session.damaged,
    }),
    'areas.list': (db) => loadAreas(db),
    'ikm.query': (db, a) => queryPage(db, a.filter, a.sort, a.offset, a.limit),
    'ikm.summary': (db, a) => summarise(db, a.filter),
    'ikm.get': (db, a) => {
      const r = getRecord(db, a.id);
      if (!r) throw new NotFoundError(a.id);
      return r;
    },
    'ikm.update': (db, a) => applyChanges(db, a.changes, { typed: a.typed }),
    'ikm.create': (db, a) => {
      const r = createRecord(db, a.values ?? {});
      if ('errors' in r) throw new ValidationError(r.errors);
      return r as IkmRecord;
    },
    'ikm.delete': (db, a) => ({ deleted: deleteRecords(db, a.ids) }),
    'ikm.restore': (db, a) => ({ restored: restoreRecords(db, a.ids) }),
    'ikm.history': (db, a) => recordHistory(db, a.id),
    'ikm.distinct': (db, a) => distinctValues(db, a.field, a.search),
    'ikm.locate': (db, a) => ({ index: locate(db, REGISTRY_VIEW, a.filter, a.sort, a.id) }),
    'ikm.rangeStats': (db, a) => rangeStats(db, REGISTRY_VIEW, a.filter, a.sort, a.top, a.bottom, a.fields),
    'ikm.fill': (db, a) => fillRange(db, REGISTRY_VIEW, a.filter, a.sort, a.top, a.bottom, a.fields, a.block),
    'ikm.find': (db, a) => findNext(db, REGISTRY_VIEW, a.filter, a.sort, a.text, a.fields, a.row, a.col, a.backwards),
    'ikm.replaceAll': (db, a) => replaceAll(db, REGISTRY_VIEW, a.filter, a.fields, a.find, a.replace),
    'ikm.columnValues': (db, a) => columnValues(db, REGISTRY_VIEW, a.filter, a.field, a.search, a.limit),
    'ikm.exportView': (db, a) => exportView(db, REGISTRY_VIEW, a.filter, a.sort, a.columns, a.format),
    // The first-run demo fills every screen: registry, shipments, trade figures, Go Ekspor.
    'demo.seed': (db, a) => seedDemoWorld(db, a.rows),
    'demo.remove': (db) => removeDemo(db),
    'trash.list': (db, a) => listTrash(db, a.kind, a),
    'trash.restore': (db, a) => restoreTrash(db, a.kind, a.ids),
    ...importHandlers,
    ...shipmentHandlers,
    ...reportHandlers(host.printPdf),
    ...goEksporHandlers,
    ...backupHandlers(host),
    'settings.get': (db, a) => getSetting(db, a.key),
    'settings.set': (db, a) => {
      setSetting(db, a.key, a.value);
      return null;
    },
  };
}

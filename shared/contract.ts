/**
 * The one API contract between the renderer and the core. Each method has a zod schema for its
 * argument (checked in the core's entry layer, whatever the transport: Electron IPC or the
 * browser host's HTTP) and a TypeScript result type. Add a method here, implement it in
 * electron/core/api/handlers.ts, and both transports carry it.
 */
import { z } from 'zod';
import type { District, Province } from './areas';
import type { IkmRecord } from './fields';
import { IKM_FIELD_KEYS, COMPUTED_KEYS } from './fields';
import type { ImportBatch, ImportProgress, ImportResult, RecordSource, UndoSkip } from './import';
import type { MessageKey } from './messages';
import type { Country } from './countries';
import type { BackupInfo } from './backups';
import { goEksporContract, type GoEksporResults } from './goekspor-contract';
import { letterheadSchema, REPORT_NAMES, reportParamsSchema, type Letterhead, type ReportModel } from './reports';
import { SHIPMENT_FIELD_KEYS, type ShipmentRecord, type TradeStat } from './shipments';
import { UI_SETTINGS, UI_SETTING_KEYS } from './settings';
import { isoDateSchema } from './parse';
import { stripControls } from './text';
import { TRASH_KINDS, type TrashRestoreResult, type TrashRow } from './trash';

const fieldKey = z.enum(IKM_FIELD_KEYS as [string, ...string[]]);
const columnKey = z.enum([...COMPUTED_KEYS, ...IKM_FIELD_KEYS] as [string, ...string[]]);
const cellValue = z.union([z.string().max(10_000), z.number(), z.null()]);

/** A grid's column header value filters: a column's stored value is one of `values` (null: empty, "(Kosong)"). */
const valueFilters = <C extends z.ZodType<string>>(column: C) =>
  z.array(z.object({ field: column, values: z.array(z.string().max(500).nullable()).min(1).max(1000) }).strict()).max(30).optional();

export const rangeSchema = z.object({
  field: fieldKey,
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
});

export const ikmFilterSchema = z
  .object({
    search: z.string().max(200).optional(),
    province: z.string().regex(/^\d{2}$/).optional(),
    districts: z.array(z.string().regex(/^\d{4}$/)).max(100).optional(),
    commodity: z.string().max(200).optional(),
    kbli: z.string().max(10).optional(),
    scale: z.enum(['kecil', 'menengah', 'besar']).optional(),
    ranges: z.array(rangeSchema).max(20).optional(),
    /** Only IKM with a featured product (produk unggulan) of a governor's decree. */
    featured: z.boolean().optional(),
    /** The column headers' value filters: a column's stored value is one of `values` (null: empty, "(Kosong)"). */
    values: valueFilters(columnKey),
    /** IKM founded by the end of this year or of unknown founding year: a report's "keadaan s.d. tahun" (drill-down). */
    establishedBy: z.number().int().min(1800).max(2200).optional(),
  })
  .strict();

export const sortSchema = z.array(z.object({ field: columnKey, desc: z.boolean() }).strict()).max(5);

export const cellChangeSchema = z.object({ id: z.number().int().positive(), field: fieldKey, value: cellValue }).strict();

export type IkmFilter = z.infer<typeof ikmFilterSchema>;

/**
 * The grid's range operations over a table's current view (electron/core/view/operations.ts), the
 * same for every grid: a rectangle is rows `top`..`bottom` by their index under the filter and
 * sort the grid shows, and some columns, so a selection of 100,000 rows never travels to the
 * renderer. `column`: keys a view may name; `field`: keys that may be written.
 */
function viewMethods<F extends z.ZodType, S extends z.ZodType, C extends z.ZodType<string>, W extends z.ZodType<string>>(filter: F, sort: S, column: C, field: W) {
  const range = { filter, sort, top: z.number().int().min(0), bottom: z.number().int().min(0) };
  return {
    locate: z.object({ filter, sort, id: z.number().int().positive() }).strict(),
    rangeStats: z.object({ ...range, fields: z.array(column).min(1).max(40) }).strict(),
    fill: z.object({ ...range, fields: z.array(field).min(1).max(40), block: z.array(z.array(cellValue).min(1).max(40)).min(1).max(1000) }).strict(),
    find: z
      .object({ filter, sort, text: z.string().min(1).max(200), fields: z.array(column).min(1).max(40), row: z.number().int().min(0), col: z.number().int().min(-1), backwards: z.boolean().optional() })
      .strict(),
    replaceAll: z.object({ filter, fields: z.array(field).min(1).max(40), find: z.string().min(1).max(200), replace: z.string().max(1000) }).strict(),
    columnValues: z.object({ filter, field: column, search: z.string().max(100).optional(), limit: z.number().int().min(1).max(1000) }).strict(),
    exportView: z.object({ filter, sort, columns: z.array(z.object({ key: column, label: z.string().min(1).max(100) }).strict()).min(1).max(40), format: z.enum(['xlsx', 'csv']) }).strict(),
  };
}
/** One cell a range operation changed, with its value before and after (for undo). */
export interface CellDiff {
  id: number;
  field: string;
  oldValue: string | number | null;
  newValue: string | number | null;
}
/** A range operation: all of it saved (and audited), or nothing and the refused cells with their row index in the view. */
export type BulkResult = { ok: true; cells: CellDiff[] } | { ok: false; errors: (CellError & { row: number })[]; tooMany?: boolean };
export interface RangeStats {
  /** Non-empty cells. */
  count: number;
  /** Cells holding a number, and their sum and average (null when none). */
  numbers: number;
  sum: number;
  average: number | null;
}
export interface ColumnValue {
  /** The stored value (a district code, a number as text); null for empty cells. */
  value: string | null;
  count: number;
}
export type IkmSort = z.infer<typeof sortSchema>;
export type CellChange = z.infer<typeof cellChangeSchema>;

export interface CellError {
  index: number; // position in the request's changes
  id: number;
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  message: string; // Bahasa Indonesia
}

export interface IkmSummary {
  count: number;
  workers_male: number;
  workers_female: number;
  workers_total: number;
  investment_idr: number;
  production_value_idr: number;
}

export interface AuditEntry {
  id: number;
  ikm_id: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  at: string; // ISO timestamp (UTC)
  os_user: string;
}

export type UpdateResult = { ok: true; records: IkmRecord[] } | { ok: false; errors: CellError[] };

export interface AppInfo {
  dbPath: string;
  /** Why the registry is open read-only (for the banner), or null. */
  readOnly?: string | null;
  /** What opening did that the user should know (a stale -wal set aside). */
  notices?: string[];
  /** A large registry's quick_check still running in the background (writes wait). */
  checking?: boolean;
  /** The damage that check found, with the way to restore (for the banner), or null. */
  damaged?: string | null;
  schemaVersion: number;
  user: string;
  ikmCount: number;
  /** Registry records in Sampah: while any is there the registry is not new (no first-run screen). */
  deletedCount: number;
  /** Demo records still in the registry ("Hapus data contoh" is offered while > 0). */
  demoCount: number;
  version: string;
}

/** Files the wizard sends: bytes as base64 (the same over IPC and HTTP), with an optional district. */
export const importFilesSchema = z
  .array(
    z
      .object({
        name: z.string().min(1).max(255),
        dataBase64: z.string().max(70_000_000),
        district: z.string().regex(/^\d{4}$/).nullable().optional(),
        /** Corrections to the column mapping: header text → field key, '' to ignore the column. */
        mapping: z.record(z.string().max(300), z.string().max(40)).optional(),
        /** Cells corrected before importing: "Sheet!E22" → value. */
        fixes: z.record(z.string().max(300), z.string().max(1000)).optional(),
        /** Choices made on the preview's review: rows merged ("Sheet!12" → record or row), conflicts taken from the file ("Sheet!12:field"). */
        decisions: z
          .object({
            merge: z
              .record(
                z.string().max(320),
                z.union([z.object({ id: z.number().int().positive() }).strict(), z.object({ file: z.string().max(255).optional(), sheet: z.string().max(300), row: z.number().int().positive() }).strict()]),
              )
              .optional(),
            takeFile: z.array(z.string().max(360)).max(100_000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  )
  .min(1)
  .max(50);

const isoDate = isoDateSchema;
const shipmentKey = z.enum(SHIPMENT_FIELD_KEYS as [string, ...string[]]);

export const shipmentFilterSchema = z
  .object({
    search: z.string().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    province: z.string().regex(/^\d{2}$/).optional(),
    districts: z.array(z.string().regex(/^\d{4}$/)).max(100).optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(250).optional(),
    commodity: z.string().max(200).optional(),
    /** HS chapter or any prefix of the code: "46", "4602". */
    hs: z.string().regex(/^\d{1,10}$/).optional(),
    values: valueFilters(shipmentKey),
  })
  .strict();
export const shipmentSortSchema = z.array(z.object({ field: shipmentKey, desc: z.boolean() }).strict()).max(5);
const ikmView = viewMethods(ikmFilterSchema, sortSchema, columnKey, fieldKey);
const shipmentView = viewMethods(shipmentFilterSchema, shipmentSortSchema, shipmentKey, shipmentKey);
export type ShipmentFilter = z.infer<typeof shipmentFilterSchema>;
export type ShipmentSort = z.infer<typeof shipmentSortSchema>;
export interface ShipmentSummary {
  count: number;
  fob_usd: number;
  net_weight_kg: number;
}
/** One change of a shipment (shipment_audit), as the detail panel lists it. */
export interface ShipmentAuditEntry extends Omit<AuditEntry, 'ikm_id'> {
  shipment_id: number;
  batch_id: number | null;
}
export type ShipmentSource = Omit<RecordSource, 'sheet' | 'row'> & { sheet: string | null; row: number | null };
export type ShipmentUpdateResult = { ok: true; records: ShipmentRecord[] } | { ok: false; errors: CellError[] };

const provinceCode = z.string().regex(/^\d{2}$/);
const tradeStatSchema = z
  .object({
    /** Omitted: the office's province (named in the letterhead). */
    province_code: provinceCode.optional(),
    year: z.number().int().min(1900).max(2200),
    month: z.number().int().min(0).max(12),
    export_usd: z.number().min(0).max(1e15).nullable(),
    import_usd: z.number().min(0).max(1e15).nullable(),
    source: z.string().transform(stripControls).pipe(z.string().max(200)).nullable(),
  })
  .strict();
const oneFileSchema = z.object({ name: z.string().min(1).max(255), dataBase64: z.string().max(70_000_000) }).strict();
const reportRequest = z.object({ name: z.enum(REPORT_NAMES), params: reportParamsSchema }).strict();

/** A backup's file name in the cadangan folder (never a path). */
const backupId = z.string().regex(/^[\w-]{1,120}\.db$/);

/** The contract: method → [argument schema, result type]. */
export const contract = {
  'app.info': z.object({}).strict(),
  'areas.list': z.object({}).strict(),
  'ikm.query': z
    .object({
      filter: ikmFilterSchema,
      sort: sortSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    })
    .strict(),
  'ikm.summary': z.object({ filter: ikmFilterSchema }).strict(),
  'ikm.get': z.object({ id: z.number().int().positive() }).strict(),
  /** `typed`: one value typed into the cell editor (a 12-digit NIB is a typo there, not a lost zero). */
  'ikm.update': z.object({ changes: z.array(cellChangeSchema).min(1).max(50_000), typed: z.boolean().optional() }).strict(),
  'ikm.create': z.object({ values: z.partialRecord(fieldKey, cellValue).optional() }).strict(),
  'ikm.delete': z.object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) }).strict(),
  'ikm.restore': z.object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) }).strict(),
  'ikm.history': z.object({ id: z.number().int().positive() }).strict(),
  'ikm.distinct': z.object({ field: z.enum(['commodity', 'kbli']), search: z.string().max(100).optional() }).strict(),
  // The grid's range operations over the current view (electron/core/view/operations.ts).
  'ikm.locate': ikmView.locate,
  'ikm.rangeStats': ikmView.rangeStats,
  'ikm.fill': ikmView.fill,
  'ikm.find': ikmView.find,
  'ikm.replaceAll': ikmView.replaceAll,
  'ikm.columnValues': ikmView.columnValues,
  'ikm.exportView': ikmView.exportView,
  'demo.seed': z.object({ rows: z.number().int().min(1).max(1_000_000) }).strict(),
  'demo.remove': z.object({}).strict(),
  'trash.list': z
    .object({ kind: z.enum(TRASH_KINDS), search: z.string().max(200).optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
    .strict(),
  'trash.restore': z.object({ kind: z.enum(TRASH_KINDS), ids: z.array(z.number().int().positive()).min(1).max(100_000) }).strict(),
  'import.preview': z.object({ files: importFilesSchema }).strict(),
  'import.commit': z.object({ files: importFilesSchema }).strict(),
  'import.progress': z.object({}).strict(),
  'import.cancel': z.object({}).strict(),
  'import.history': z.object({}).strict(),
  'import.undo': z.object({ batchId: z.number().int().positive() }).strict(),
  /** `report`: only the one district's report (a key from shared/error-reports.ts), so one click gives one file. */
  'import.errorReports': z.object({ files: importFilesSchema, report: z.string().min(1).max(300).optional() }).strict(),
  'import.source': z.object({ id: z.number().int().positive() }).strict(),
  'countries.list': z.object({}).strict(),
  'shipments.query': z
    .object({ filter: shipmentFilterSchema, sort: shipmentSortSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
    .strict(),
  'shipments.summary': z.object({ filter: shipmentFilterSchema }).strict(),
  'shipments.update': z
    .object({ changes: z.array(z.object({ id: z.number().int().positive(), field: shipmentKey, value: cellValue }).strict()).min(1).max(50_000) })
    .strict(),
  /** `values`: what the grid's filter asks of a new row (district, country, period…), parsed like typed values. */
  'shipments.create': z.object({ district: z.string().regex(/^\d{4}$/).nullable().optional(), values: z.partialRecord(shipmentKey, cellValue).optional() }).strict(),
  'shipments.delete': z.object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) }).strict(),
  'shipments.import': z.object({ files: importFilesSchema, dryRun: z.boolean() }).strict(),
  'shipments.get': z.object({ id: z.number().int().positive() }).strict(),
  'shipments.history': z.object({ id: z.number().int().positive() }).strict(),
  'shipments.source': z.object({ id: z.number().int().positive() }).strict(),
  'shipments.locate': shipmentView.locate,
  'shipments.rangeStats': shipmentView.rangeStats,
  'shipments.fill': shipmentView.fill,
  'shipments.find': shipmentView.find,
  'shipments.replaceAll': shipmentView.replaceAll,
  'shipments.columnValues': shipmentView.columnValues,
  'shipments.exportView': shipmentView.exportView,
  'trade.list': z.object({ province: provinceCode.optional() }).strict(),
  'trade.set': tradeStatSchema,
  'trade.delete': z.object({ province_code: provinceCode.optional(), year: z.number().int().min(1900).max(2200), month: z.number().int().min(0).max(12) }).strict(),
  'trade.import': z
    .object({
      file: oneFileSchema,
      dryRun: z.boolean(),
      province: provinceCode.optional(),
      /** Corrections to the column mapping, as for the other imports: header text → field key, '' to ignore. */
      mapping: z.record(z.string().max(300), z.string().max(40)).optional(),
    })
    .strict(),
  'reports.preview': reportRequest,
  'reports.xlsx': reportRequest,
  'reports.pdf': reportRequest,
  'reports.letterhead': z.object({}).strict(),
  'reports.setLetterhead': letterheadSchema,
  'settings.get': z.object({ key: z.enum(UI_SETTING_KEYS) }).strict(),
  // Only the known preferences, each value checked by its own schema (shared/settings.ts).
  'settings.set': z
    .object({ key: z.enum(UI_SETTING_KEYS), value: z.unknown() })
    .strict()
    .superRefine((a, ctx) => {
      const r = UI_SETTINGS[a.key].nullable().safeParse(a.value);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, code: 'custom', path: ['value', ...i.path], message: i.message });
    }),
  'backups.list': z.object({}).strict(),
  'backups.create': z.object({}).strict(),
  'backups.restore': z.object({ id: backupId }).strict(),
  'backups.copy': z.object({ id: backupId }).strict(),
  ...goEksporContract,
} as const;

export type Method = keyof typeof contract;
export type Args<M extends Method> = z.infer<(typeof contract)[M]>;

export interface Results extends GoEksporResults {
  'app.info': AppInfo;
  'areas.list': { provinces: Province[]; districts: District[] };
  'ikm.query': { rows: IkmRecord[]; total: number };
  'ikm.summary': IkmSummary;
  'ikm.get': IkmRecord;
  'ikm.update': UpdateResult;
  'ikm.create': IkmRecord;
  'ikm.delete': { deleted: number };
  'ikm.restore': { restored: number };
  'ikm.history': AuditEntry[];
  'ikm.distinct': string[];
  'ikm.locate': { index: number | null };
  'ikm.rangeStats': RangeStats;
  'ikm.fill': BulkResult;
  /** The next cell holding the text after (row, col) in the view, wrapping; and how many rows hold it. */
  'ikm.find': { row: number; field: string; matches: number } | null;
  'ikm.replaceAll': BulkResult;
  'ikm.columnValues': { values: ColumnValue[]; more: boolean };
  'ikm.exportView': { name: string; dataBase64: string; rows: number };
  'demo.seed': { inserted: number };
  'demo.remove': { ikm: number; shipments: number; trade: number; goEkspor: number };
  'trash.list': { rows: TrashRow[]; total: number };
  'trash.restore': TrashRestoreResult;
  'import.preview': ImportResult;
  'import.commit': ImportResult;
  'import.progress': ImportProgress | null;
  'import.cancel': { cancelled: boolean };
  'import.history': ImportBatch[];
  'import.undo': { batchId: number; deleted: number; reverted: number; skipped: UndoSkip[] };
  'import.errorReports': { name: string; dataBase64: string }[];
  'import.source': RecordSource | null;
  'countries.list': Country[];
  'shipments.query': { rows: ShipmentRecord[]; total: number };
  'shipments.summary': ShipmentSummary;
  'shipments.update': ShipmentUpdateResult;
  'shipments.create': ShipmentRecord;
  'shipments.delete': { deleted: number };
  'shipments.import': ImportResult;
  'shipments.get': ShipmentRecord;
  'shipments.history': ShipmentAuditEntry[];
  /** Where the shipment came from: its latest import not undone (file; sheet and row once the import records them), or null. */
  'shipments.source': ShipmentSource | null;
  'shipments.locate': { index: number | null };
  'shipments.rangeStats': RangeStats;
  'shipments.fill': BulkResult;
  'shipments.find': { row: number; field: string; matches: number } | null;
  'shipments.replaceAll': BulkResult;
  'shipments.columnValues': { values: ColumnValue[]; more: boolean };
  'shipments.exportView': { name: string; dataBase64: string; rows: number };
  'trade.list': TradeStat[];
  'trade.set': TradeStat[];
  'trade.delete': TradeStat[];
  'trade.import': ImportResult;
  'reports.preview': ReportModel;
  'reports.xlsx': { name: string; dataBase64: string };
  'reports.pdf': { name: string; dataBase64: string };
  'reports.letterhead': Letterhead;
  'reports.setLetterhead': Letterhead;
  'settings.get': unknown;
  'settings.set': null;
  'backups.list': { dir: string; keep: number; backups: BackupInfo[] };
  'backups.create': BackupInfo;
  'backups.restore': { restored: string; previous: string | null; ikmCount: number | null };
  /** Electron: copied to the folder chosen in its dialog (null: cancelled). Browser host: the bytes, to download. */
  'backups.copy': { path: string | null } | { name: string; dataBase64: string };
}
export type Result<M extends Method> = M extends keyof Results ? Results[M] : never;

/** What every transport returns: a result, or a typed error with a message in Bahasa Indonesia. */
export type Envelope<T> =
  | { ok: true; result: T }
  | {
      ok: false;
      error: {
        code: 'bad_request' | 'unknown_method' | 'not_found' | 'internal' | 'unauthorized' | 'constraint' | 'busy' | 'read_only' | 'disk_full' | 'io' | StorageErrorCode;
        key: MessageKey;
        /** The key's parameters, so the screen can say it in its own language (`message` is Indonesian). */
        params?: Record<string, string | number>;
        message: string;
      };
    };

/** The registry's file could not take the request beyond SQLite's own codes: gone or replaced since opened, a backup that failed. */
export type StorageErrorCode = 'read_only' | 'db_moved' | 'backup_failed' | 'damaged';

/** What the renderer holds: `api.call('ikm.query', {...})`, over IPC or HTTP alike. */
export interface Api {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
}

export const METHODS = Object.keys(contract) as Method[];
export { IPC_CHANNEL } from './ipc';

/**
 * The core's entry layer, shared by Electron IPC and the browser host: takes an untrusted
 * (method, args) pair, validates both against the contract, runs the handler, and always answers
 * with an Envelope — an unknown method or a bad shape is a typed error, never a crash.
 */
import { contract, type Envelope, type Method } from '../../../shared/contract';
import { message, type MessageKey } from '../../../shared/messages';
import { assertSameFile, openedFile, type DB } from '../db/open';
import { RegistrySession } from '../db/session';
import { ImportFileError } from '../import/errors';
import { databaseFailure, NotFoundError, StorageError, ValidationError } from './errors';
import type { HandlerTable } from './handlers';

type ErrorCode = Extract<Envelope<unknown>, { ok: false }>['error']['code'];

const failure = (code: ErrorCode, key: MessageKey, params?: Record<string, string | number>): Envelope<never> => ({
  ok: false,
  error: { code, key, params: params ?? {}, message: message('id', key, params) },
});

/** Methods that still answer when the registry's file is gone: the banner and the backups. */
const WITHOUT_FILE = new Set<string>(['app.info', 'backups.list']);
/** What a registry found damaged after opening still answers: the banner and the way back. */
const WHEN_DAMAGED = new Set<string>(['app.info', 'backups.list', 'backups.copy', 'backups.restore']);
/**
 * Methods that only read: they answer while a large file's quick_check runs in the background;
 * every other method (anything not listed, too) waits for the check to pass.
 */
const READS = new Set<string>([
  'app.info', 'areas.list', 'countries.list', 'settings.get', 'backups.list',
  'ikm.query', 'ikm.summary', 'ikm.get', 'ikm.history', 'ikm.distinct', 'ikm.locate', 'ikm.rangeStats', 'ikm.find', 'ikm.columnValues', 'ikm.exportView',
  'trash.list', 'import.progress', 'import.history', 'import.source', 'shipments.query', 'shipments.summary', 'trade.list',
  'reports.preview', 'reports.xlsx', 'reports.pdf', 'reports.letterhead',
  'goekspor.activities', 'goekspor.board', 'goekspor.certificateSteps', 'goekspor.certificates', 'goekspor.dashboard', 'goekspor.decrees',
  'goekspor.history', 'goekspor.participants', 'goekspor.readiness', 'goekspor.stuckMonths', 'goekspor.exportXlsx',
]);

/** Argument names as the screens label them, for refusals of a malformed request. */
const FIELD_LABELS: Record<string, string> = {
  date: 'Tanggal', started_on: 'Tanggal mulai', issued_on: 'Tanggal terbit', expires_on: 'Berlaku sampai', status_since: 'Status sejak',
  title: 'Judul', name: 'Nama', label: 'Keterangan', number: 'Nomor', note: 'Catatan', notes: 'Catatan', place: 'Tempat', organiser: 'Penyelenggara',
  product: 'Produk', stage: 'Tahap', status: 'Status', type: 'Jenis', kind: 'Jenis kegiatan', ikm_id: 'IKM', activity_id: 'Kegiatan', decree_id: 'SK',
  province: 'Provinsi', province_code: 'Provinsi', district: 'Kabupaten/kota', districts: 'Kabupaten/kota', year: 'Tahun', month: 'Bulan', search: 'Pencarian',
  commodity: 'Komoditi', from: 'Dari tanggal', to: 'Sampai tanggal',
};

type Issue = { code: string; path: PropertyKey[]; message?: string; input?: unknown; maximum?: unknown; minimum?: unknown };

/**
 * A request that does not fit the contract, said the way the screens say it: which field
 * ("Tanggal mulai"), and what is wrong with it — never zod's English or an argument path.
 */
function badFields(issues: readonly Issue[]): Envelope<never> {
  const i = issues[0]!;
  const name = [...i.path].reverse().find((p): p is string => typeof p === 'string');
  const field = name ? (FIELD_LABELS[name] ?? name) : 'permintaan';
  // A check of our own (a calendar day, a logo's size) already says what is wrong, in Indonesian.
  if (i.code === 'custom' && i.message) return failure('bad_request', 'err.badField', { field, reason: i.message.replace(/\.$/, '') });
  const reason: MessageKey =
    i.code === 'invalid_type' && i.input === undefined ? 'err.reason.required'
    : i.code === 'too_big' ? 'err.reason.tooLong'
    : i.code === 'too_small' ? (i.minimum === 1 && typeof i.input === 'string' ? 'err.reason.required' : 'err.reason.tooShort')
    : i.code === 'invalid_format' ? 'err.reason.format'
    : i.code === 'invalid_value' || i.code === 'invalid_union' ? 'err.reason.choice'
    : i.code === 'invalid_type' ? 'err.reason.type'
    : 'err.reason.other';
  const params = { max: String(i.maximum ?? ''), min: String(i.minimum ?? '') };
  return failure('bad_request', 'err.badField', { field, reason: message('id', reason, params) });
}

/** `source`: the host's session (a restore reopens it), or a bare connection (wrapped in one). */
export function createDispatcher(source: DB | RegistrySession, handlers: HandlerTable) {
  const session = source instanceof RegistrySession ? source : RegistrySession.of(source);
  return async function dispatch(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method))
      return failure('unknown_method', 'err.unknownMethod', { method: String(method).slice(0, 60) });
    const parsed = contract[method as Method].safeParse(args ?? {});
    if (!parsed.success) return badFields(parsed.error.issues);
    if (session.checking && !READS.has(method)) await session.checking;
    if (session.damaged && !WHEN_DAMAGED.has(method)) return failure('damaged', 'err.damaged', { detail: session.damaged });
    const db = session.db;
    try {
      // A file deleted, moved or replaced since it was opened takes no more writes.
      if (!WITHOUT_FILE.has(method)) assertSameFile(db);
      const handler = handlers[method as Method] as (db: DB, a: unknown, s: RegistrySession) => unknown;
      return { ok: true, result: await handler(db, parsed.data, session) };
    } catch (e) {
      if (e instanceof StorageError) return failure(e.code, e.key, e.params);
      if (e instanceof NotFoundError) return failure('not_found', 'err.notFound', { id: e.id });
      // A refusal the core worded for the user (what, where, what to do): shown as it is.
      if (e instanceof ValidationError) return failure('bad_request', 'err.refused', { detail: e.message });
      // A file or an import the core refused, by its message key (shown in the screen's language).
      if (e instanceof ImportFileError) return failure('bad_request', e.key, e.params);
      const failed = databaseFailure(e);
      // Opened read-only on purpose (the banner says why): the refusal names the reason too.
      const readOnly = openedFile(db).readOnly;
      if (failed === 'read_only' && readOnly) return failure('read_only', 'err.db.read_only_reason', { reason: readOnly });
      if (failed) {
        console.error(`[pangkalan] ${method} gagal (${failed}):`, e);
        return failure(failed, `err.db.${failed}`);
      }
      console.error(`[pangkalan] ${method} gagal:`, e);
      return failure('internal', 'err.internal', { detail: (e as Error).message ?? String(e) });
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;

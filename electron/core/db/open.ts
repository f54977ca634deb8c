/**
 * Opens (or creates) the one SQLite database: WAL, foreign keys, migrations in a transaction,
 * reference areas kept in step with resources/. A database that cannot be migrated is never
 * deleted or recreated: opening fails with a DatabaseError whose message says what to do.
 *
 * Opening also guards the registry (issue 13): `PRAGMA quick_check` first, and a damaged file is
 * refused with the way to restore it; a file or folder that cannot be written is opened read-only
 * with the reason kept for the banner; a leftover -wal that would damage the file (a backup copied
 * over it by hand) is set aside, not replayed; the file's identity (device and inode, the NTFS
 * file id on Windows) is kept, so a write into a file deleted or replaced since is refused.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fold } from '../../../shared/text';
import { MIGRATIONS, type Migration } from './migrations';
import { syncReferenceAreas } from '../reference/areas';
import { StorageError } from '../api/errors';
import { backupBeforeMigration, backupDirOf, newestBackup, stamp } from '../backup/backups';

export type DB = Database.Database;

/** What opening found out about the file, for the banner and for the identity check. */
export interface OpenedFile {
  /** The registry's path as given (for a read-only snapshot, not the snapshot's). */
  path: string;
  identity: string | null;
  /** Why the registry is read-only (Bahasa Indonesia), or null when it can be written. */
  readOnly: string | null;
  /** Things done while opening that the user should hear about (a -wal set aside). */
  notices: string[];
  /** quick_check was left to the background (a large file, check 'auto'). */
  checkPending?: boolean;
}
const opened = new WeakMap<DB, OpenedFile>();

/** What opening found, for any connection openDatabase made (in-memory: writable, no identity). */
export const openedFile = (db: DB): OpenedFile => opened.get(db) ?? { path: db.name, identity: null, readOnly: db.readonly ? 'berkas dibuka dalam mode hanya-baca' : null, notices: [] };

/** Device and inode (on Windows, the volume serial and NTFS file id): who the file is, not where. */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Throws StorageError('db_moved') when the file at the registry's path is no longer the one
 * opened: deleted, moved away, or replaced by another file. Called before every request and
 * before an import begins and commits its batch.
 */
export function assertSameFile(db: DB): void {
  const f = opened.get(db);
  if (!f?.identity) return;
  const now = fileIdentity(f.path);
  if (now === f.identity) return;
  throw new StorageError('db_moved', 'err.dbMoved', { path: f.path, what: now == null ? 'dihapus atau dipindahkan' : 'diganti dengan berkas lain' });
}

const canWrite = (p: string): boolean => {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why a file that exists cannot be written (null if it can), from the OS's own access check. */
function readOnlyReason(path: string): string | null {
  if (!canWrite(path)) return `berkas "${path}" tidak dapat ditulisi (atribut hanya-baca atau izin berkas)`;
  if (!canWrite(dirname(path))) return `folder "${dirname(path)}" tidak dapat ditulisi`;
  for (const f of [`${path}-wal`, `${path}-shm`]) if (existsSync(f) && !canWrite(f)) return `berkas "${f}" tidak dapat ditulisi`;
  return null;
}

/** Header byte 18 = 2: the file is in WAL mode (a read needs a -shm beside it). */
function walMode(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, 18);
    return b[0] === 2;
  } finally {
    closeSync(fd);
  }
}

const CORRUPT = /SQLITE_CORRUPT|SQLITE_NOTADB/;
const isCorrupt = (e: unknown) => CORRUPT.test(String((e as { code?: string }).code)) || /malformed|not a database/i.test((e as Error).message ?? '');

/** The way back from a damaged registry: the newest verified backup and how to restore it. */
function howToRestore(path: string): string {
  const newest = newestBackup(path);
  const where = newest ? `Cadangan terbaru yang utuh: "${newest.path}" (${newest.reason}, ${newest.at.slice(0, 16).replace('T', ' ')}).` : `Belum ada cadangan di "${backupDirOf(path)}".`;
  return (
    `${where} Cara memulihkan: di aplikasi pilih "Pulihkan cadangan terakhir" pada pesan ini, atau jalankan ` +
    `npm run cli -- restore ${newest ? `"${basename(newest.path)}"` : '<berkas cadangan>'} --db "${path}". ` +
    'Berkas yang rusak disimpan dulu di folder cadangan, tidak dihapus.'
  );
}

/** 'PKIM' — marks a file as ours, so a foreign SQLite file is refused rather than altered. */
const APPLICATION_ID = 0x504b494d;

export class DatabaseError extends Error {
  /** 'damaged': quick_check failed or the file cannot be read as a database (offer a restore). */
  constructor(
    message: string,
    readonly kind: 'damaged' | 'other' = 'other',
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export const checksum = (m: Migration): string => createHash('sha256').update(m.sql).digest('hex');

function looksLikeSqlite(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  resourcesDir?: string;
  readonly?: boolean;
  /** A rollback journal instead of WAL: for a database on a network folder (db/network-folder.ts). */
  rollbackJournal?: boolean;
  /**
   * 'quick' (the default): quick_check before opening returns. 'auto' (the app and the browser
   * host): the same for a file up to SYNC_CHECK_BYTES, a larger one is checked in a worker after
   * opening while writes wait (RegistrySession). 'background': always so (tests). 'none': no
   * check (a file just written and verified, e.g. by a restore).
   */
  check?: 'quick' | 'auto' | 'background' | 'none';
}

/**
 * Files up to this size are checked before the app shows anything (measured: about 0.6 s for
 * 100,000 IKM, 68 MB, on a quiet machine); larger ones, in the background (README).
 */
export const SYNC_CHECK_BYTES = 256 * 1024 * 1024;

/** The damage found by quick_check, as the message that refuses the file. */
export function damagedMessage(path: string, problems: string[]): string {
  return (
    `Berkas registri "${path}" rusak (pemeriksaan: ${problems.join('; ').slice(0, 200)}). ` +
    `Registri tidak dibuka agar kerusakan tidak bertambah. ${howToRestore(path)}`
  );
}

/** A damaged file is refused: quick_check must answer "ok". */
function quickCheck(db: DB, path: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  } catch (e) {
    if (isCorrupt(e)) rows = [{ quick_check: (e as Error).message }];
    else throw e;
  }
  if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
  throw new DatabaseError(damagedMessage(path, rows.map((r) => r.quick_check)), 'damaged');
}

/**
 * A -wal left beside the file (after a crash, or a backup copied over the database by hand) is
 * replayed by SQLite whether or not it belongs to this file: a stale one damages it (tested). So a
 * leftover -wal is first read through a read-only connection, which replays it in memory only;
 * if the result fails quick_check, the -wal and -shm are moved into cadangan/ and the file opened
 * without them. A -wal of a crash of this very file passes, and is replayed as usual.
 */
function setAsideStaleWal(path: string): string | null {
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return null;
  let stale = false;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true, timeout: 3000 });
    try {
      const r = probe.pragma('quick_check(1)', { simple: true });
      stale = r !== 'ok';
    } finally {
      probe.close();
    }
  } catch (e) {
    if (!isCorrupt(e)) return null; // busy, locked: another program has it open; leave its -wal alone
    stale = true;
  }
  if (!stale) return null;
  const dir = backupDirOf(path);
  mkdirSync(dir, { recursive: true });
  const aside = join(dir, `wal-disisihkan-${stamp(new Date())}`);
  renameSync(wal, `${aside}.db-wal`);
  if (existsSync(`${path}-shm`)) renameSync(`${path}-shm`, `${aside}.db-shm`);
  return `Berkas "${basename(wal)}" yang tertinggal tidak cocok dengan registri (misalnya setelah cadangan disalin secara manual) dan tidak dipakai; disisihkan ke "${aside}.db-wal".`;
}

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  const memory = path === ':memory:';
  if (!memory) path = resolve(path);
  const exists = !memory && existsSync(path);
  let readOnly: string | null = opts.readonly ? 'dibuka hanya-baca atas permintaan' : null;
  const notices: string[] = [];
  let file = path;
  if (!memory) {
    if (exists && statSync(path).isDirectory())
      throw new DatabaseError(`"${path}" adalah folder, bukan berkas basis data.`);
    if (!looksLikeSqlite(path))
      throw new DatabaseError(`Berkas "${path}" bukan basis data Pangkalan IKM (bukan berkas SQLite). Pilih berkas lain.`);
    if (exists) readOnly ??= readOnlyReason(path);
    else {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (e) {
        throw new DatabaseError(`Folder "${dirname(path)}" tidak dapat dibuat (${(e as NodeJS.ErrnoException).code}). Pilih folder lain untuk registri.`);
      }
      if (!canWrite(dirname(path))) throw new DatabaseError(`Folder "${dirname(path)}" tidak dapat ditulisi: registri baru tidak dapat dibuat di sana. Pilih folder lain.`);
    }
    if (exists && !readOnly) {
      const aside = setAsideStaleWal(path);
      if (aside) notices.push(aside);
    }
    // A WAL file in a folder we cannot write has no -shm to read through: read a snapshot copy.
    if (exists && readOnly && !canWrite(dirname(path)) && walMode(path) && !existsSync(`${path}-shm`)) {
      file = join(mkdtempSync(join(tmpdir(), 'pangkalan-hanya-baca-')), basename(path));
      copyFileSync(path, file);
      if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${file}-wal`);
    }
  }
  let db: DB;
  try {
    db = new Database(file, { readonly: readOnly != null, fileMustExist: exists, timeout: 3000 });
  } catch (e) {
    if (isCorrupt(e)) throw new DatabaseError(`Berkas registri "${path}" rusak. ${howToRestore(path)}`, 'damaged');
    throw new DatabaseError(`Basis data "${path}" tidak dapat dibuka: ${(e as Error).message}`);
  }
  try {
    const check = opts.check ?? 'quick';
    const deferred = exists && (check === 'background' || (check === 'auto' && statSync(path).size > SYNC_CHECK_BYTES));
    if (exists && check !== 'none' && !deferred) quickCheck(db, path);
    if (!readOnly) db.pragma(opts.rollbackJournal ? 'journal_mode = DELETE' : 'journal_mode = WAL');
    configure(db);
    migrate(db, path, readOnly);
    if (!readOnly) syncReferenceAreas(db, opts.resourcesDir);
    // Taken now: a new registry's file exists only since `new Database` created it.
    opened.set(db, { path, identity: memory ? null : fileIdentity(path), readOnly, notices, checkPending: deferred || undefined });
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    const msg = (e as Error).message;
    if (/locked|busy/i.test(msg))
      throw new DatabaseError(`Basis data "${path}" sedang dipakai program lain. Tutup program itu lalu coba lagi.`);
    if (isCorrupt(e)) throw new DatabaseError(`Berkas registri "${path}" rusak. ${howToRestore(path)}`, 'damaged');
    throw new DatabaseError(`Basis data "${path}" tidak dapat disiapkan: ${msg}`);
  }
}

/** What every connection needs, the first and any other (foreign keys, fold() for the indexes). */
function configure(db: DB): void {
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.function('fold', { deterministic: true }, (s: unknown) => fold(s == null ? '' : String(s)));
}

/**
 * Another connection to an open database (an import's writer beside the app's reader): set up
 * as the first, without migrating or syncing the reference areas again (the first did, and the
 * packaged app's resources/ need not be found twice). An in-memory database is its own.
 */
export function openConnection(db: DB): DB {
  if (db.memory) return db;
  // Never a new, empty registry at the same path: the file must exist and be the one opened.
  assertSameFile(db);
  let conn: DB;
  try {
    conn = new Database(db.name, { readonly: db.readonly, timeout: 3000, fileMustExist: true });
  } catch (e) {
    const f = openedFile(db);
    if (/SQLITE_CANTOPEN/.test(String((e as { code?: string }).code)) || !existsSync(db.name))
      throw new StorageError('db_moved', 'err.dbMoved', { path: f.path, what: 'dihapus atau dipindahkan' });
    throw e;
  }
  try {
    configure(conn);
    const f = opened.get(db);
    if (f) opened.set(conn, f);
    return conn;
  } catch (e) {
    conn.close();
    throw e;
  }
}

function migrate(db: DB, path: string, readOnly: string | null): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tableCount = (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
  if (tableCount > 0 && appId !== APPLICATION_ID)
    throw new DatabaseError(`Berkas "${path}" adalah basis data SQLite milik program lain, bukan Pangkalan IKM. Berkas tidak diubah.`);

  if (!readOnly) db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get() != null;
  const applied = (hasTable ? db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() : []) as {
    version: number;
    name: string;
    checksum: string;
  }[];
  const known = new Map(MIGRATIONS.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = known.get(row.version);
    if (!m)
      throw new DatabaseError(
        `Basis data "${path}" dibuat oleh versi Pangkalan IKM yang lebih baru (skema ${row.version}). Perbarui aplikasi.`,
      );
    if (checksum(m) !== row.checksum)
      throw new DatabaseError(
        `Migrasi skema ${row.version} (${row.name}) telah diubah sejak diterapkan pada "${path}". ` +
          'Basis data tidak disentuh; hubungi pengembang.',
      );
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = MIGRATIONS.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (readOnly)
    throw new DatabaseError(`Registri "${path}" perlu diperbarui ke skema ${pending.at(-1)!.version} oleh versi aplikasi ini, tetapi ${readOnly}. Buka dengan akses tulis sekali untuk memperbaruinya.`);
  // An existing registry is copied (and the copy verified) before its schema changes.
  if (tableCount > 0 && applied.length > 0) {
    try {
      backupBeforeMigration(db, path);
    } catch (e) {
      throw new DatabaseError((e as Error).message);
    }
  }
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (e) {
        throw new DatabaseError(
          `Migrasi skema ${m.version} (${m.name}) gagal pada "${path}": ${(e as Error).message}. Basis data tidak diubah.`,
        );
      }
      insert.run(m.version, m.name, checksum(m), new Date().toISOString());
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

export function schemaVersion(db: DB): number {
  return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
}

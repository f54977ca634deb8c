/**
 * Opens (or creates) the one SQLite database: WAL, foreign keys, migrations in a transaction,
 * reference areas kept in step with resources/. A database that cannot be migrated is never
 * deleted or recreated: opening fails with a DatabaseError whose message says what to do.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { fold } from '../../../shared/text';
import { MIGRATIONS, type Migration } from './migrations';
import { syncReferenceAreas } from '../reference/areas';

export type DB = Database.Database;

/** 'PKIM' — marks a file as ours, so a foreign SQLite file is refused rather than altered. */
const APPLICATION_ID = 0x504b494d;

export class DatabaseError extends Error {
  constructor(message: string) {
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
}

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  if (path !== ':memory:') {
    if (existsSync(path) && statSync(path).isDirectory())
      throw new DatabaseError(`"${path}" adalah folder, bukan berkas basis data.`);
    if (!looksLikeSqlite(path))
      throw new DatabaseError(`Berkas "${path}" bukan basis data Pangkalan IKM (bukan berkas SQLite). Pilih berkas lain.`);
    mkdirSync(dirname(path), { recursive: true });
  }
  let db: DB;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: 3000 });
  } catch (e) {
    throw new DatabaseError(`Basis data "${path}" tidak dapat dibuka: ${(e as Error).message}`);
  }
  try {
    if (!opts.readonly) db.pragma(opts.rollbackJournal ? 'journal_mode = DELETE' : 'journal_mode = WAL');
    configure(db);
    migrate(db, path);
    if (!opts.readonly) syncReferenceAreas(db, opts.resourcesDir);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    const msg = (e as Error).message;
    if (/locked|busy/i.test(msg))
      throw new DatabaseError(`Basis data "${path}" sedang dipakai program lain. Tutup program itu lalu coba lagi.`);
    if (/not a database|malformed/i.test(msg))
      throw new DatabaseError(`Berkas "${path}" rusak atau bukan basis data Pangkalan IKM. Pulihkan dari cadangan.`);
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
  const conn = new Database(db.name, { readonly: db.readonly, timeout: 3000 });
  try {
    configure(conn);
    return conn;
  } catch (e) {
    conn.close();
    throw e;
  }
}

function migrate(db: DB, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tableCount = (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
  if (tableCount > 0 && appId !== APPLICATION_ID)
    throw new DatabaseError(`Berkas "${path}" adalah basis data SQLite milik program lain, bukan Pangkalan IKM. Berkas tidak diubah.`);

  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
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

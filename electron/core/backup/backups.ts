/**
 * Backups of the registry, all in one place: the "cadangan" folder beside the database file.
 * A backup is made before every import and every schema migration, once a day when the app
 * starts, before a restore, and on request. Each is written under a temporary name, checked
 * with `PRAGMA integrity_check` and only then given its name: a damaged copy never counts as one
 * of the ten kept, so it can never push good ones out. Backups are self-contained files
 * (rollback journal, no -wal), readable from a flash drive or a read-only folder.
 *
 * The file name says why and when: `sebelum-impor-20261201-094500.db` (UTC time).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { localDay } from '../../../shared/parse';
import type { BackupInfo, BackupReason } from '../../../shared/backups';
import { StorageError } from '../api/errors';
import { backupDirOf } from '../export/output';
import type { DB } from '../db/open';

export { backupDirOf };
export const KEEP = 10;

const PREFIX: Record<BackupReason, string> = {
  import: 'sebelum-impor',
  migration: 'sebelum-migrasi',
  daily: 'harian',
  manual: 'manual',
  restore: 'sebelum-pemulihan',
};
const NAME = /^(sebelum-impor|sebelum-migrasi|harian|manual|sebelum-pemulihan)-(\d{8})-(\d{6})(?:-\d+)?\.db$/;
const REASON_OF = Object.fromEntries(Object.entries(PREFIX).map(([k, v]) => [v, k])) as Record<string, BackupReason>;

/** 20261201-094500 (UTC): sorts as time does. */
export const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

interface Named {
  name: string;
  path: string;
  reason: BackupReason;
  at: string;
}

function parseName(dir: string, name: string): Named | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, prefix, d, t] = m as unknown as [string, string, string, string];
  const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.000Z`;
  return { name, path: join(dir, name), reason: REASON_OF[prefix]!, at };
}

/** The backups in the folder, newest first (by the time in their names, whatever their reason). */
function named(dbPath: string): Named[] {
  const dir = backupDirOf(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((n) => parseName(dir, n))
    .filter((b): b is Named => b != null)
    .sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : b.at.localeCompare(a.at)));
}

export function newestBackup(dbPath: string): Named | null {
  return named(dbPath)[0] ?? null;
}

/** IKM count and schema of a backup file, read without changing it (null if unreadable). */
function peek(path: string): { ikmCount: number | null; schemaVersion: number | null } {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const n = db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number };
      const v = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
      return { ikmCount: n.n, schemaVersion: v.v };
    } finally {
      db.close();
    }
  } catch {
    return { ikmCount: null, schemaVersion: null };
  }
}

export function listBackups(dbPath: string): BackupInfo[] {
  return named(dbPath).map((b) => ({ id: b.name, path: b.path, reason: b.reason, at: b.at, size: statSync(b.path).size, ...peek(b.path) }));
}

export function findBackup(dbPath: string, id: string): Named {
  const b = named(dbPath).find((x) => x.name === id);
  if (!b) throw new StorageError('backup_failed', 'err.backupNotFound', { name: id.slice(0, 80) });
  return b;
}

/** Keeps the KEEP newest backups; leftovers of interrupted backups (*.tmp) go too. */
function prune(dbPath: string): void {
  for (const b of named(dbPath).slice(KEEP)) rmSync(b.path, { force: true });
  const dir = backupDirOf(dbPath);
  for (const f of readdirSync(dir)) if (/^\..*\.tmp(-journal)?$/.test(f) && Date.now() - statSync(join(dir, f)).mtimeMs > 3600_000) rmSync(join(dir, f), { force: true });
}

function target(dbPath: string, reason: BackupReason, now: Date): { final: string; tmp: string } {
  const dir = backupDirOf(dbPath);
  mkdirSync(dir, { recursive: true });
  const base = `${PREFIX[reason]}-${stamp(now)}`;
  let final = join(dir, `${base}.db`);
  for (let n = 2; existsSync(final); n++) final = join(dir, `${base}-${n}.db`);
  return { final, tmp: join(dir, `.${basename(final)}.tmp`) };
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
  ikmCount: number | null;
}

/**
 * The check, on any thread. A backup: made self-contained (rollback journal), integrity_check,
 * IKM count. The live registry ('live'): read-only, quick_check, IKM count.
 */
type CheckKind = 'backup' | 'live';
const CHECK_SQL = `PRAGMA journal_mode = DELETE`;
function checkHere(path: string, kind: CheckKind = 'backup'): CheckResult {
  const db = new Database(path, { fileMustExist: true, timeout: 3000, readonly: kind === 'live' });
  try {
    if (kind === 'backup') db.exec(CHECK_SQL);
    const pragma = kind === 'backup' ? 'integrity_check' : 'quick_check';
    const rows = (db.pragma(`${pragma}(5)`) as Record<string, string>[]).map((r) => r[pragma]!);
    const ok = rows.length === 1 && rows[0] === 'ok';
    let ikmCount: number | null = null;
    try {
      ikmCount = (db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n;
    } catch {
      /* not a registry */
    }
    return { ok: ok && ikmCount != null, problems: ikmCount == null ? ['bukan registri Pangkalan IKM (tidak ada tabel ikm)'] : ok ? [] : rows, ikmCount };
  } finally {
    db.close();
  }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  const live = workerData.kind === 'live';
  db = new Database(workerData.path, { fileMustExist: true, timeout: 3000, readonly: live });
  if (!live) db.exec(${JSON.stringify(CHECK_SQL)});
  const pragma = live ? 'quick_check' : 'integrity_check';
  const rows = db.pragma(pragma + '(5)').map((r) => r[pragma]);
  let ikmCount = null;
  try { ikmCount = db.prepare('SELECT count(*) AS n FROM ikm').get().n; } catch {}
  const ok = rows.length === 1 && rows[0] === 'ok';
  parentPort.postMessage({ ok: ok && ikmCount != null, problems: ikmCount == null ? ['bukan registri Pangkalan IKM (tidak ada tabel ikm)'] : ok ? [] : rows, ikmCount });
} catch (e) {
  parentPort.postMessage({ ok: false, problems: [String(e && e.message || e)], ikmCount: null });
} finally { try { db && db.close(); } catch {} }
`;

/**
 * integrity_check of a file in a worker thread (seconds for a large registry: the app keeps
 * answering meanwhile); on this thread if a worker cannot be started.
 */
export function checkBackupFile(path: string, kind: CheckKind = 'backup'): Promise<CheckResult> {
  let module: string;
  try {
    module = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return Promise.resolve().then(() => checkHere(path, kind));
  }
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { path, module, kind } });
    } catch {
      resolve(checkHere(path, kind));
      return;
    }
    worker.once('message', (r: CheckResult) => resolve(r));
    worker.once('error', () => {
      try {
        resolve(checkHere(path, kind));
      } catch (e) {
        resolve({ ok: false, problems: [(e as Error).message], ikmCount: null });
      }
    });
  });
}

const failed = (detail: string) => new StorageError('backup_failed', 'err.backupFailed', { detail });
const diskDetail = (e: unknown) => {
  const code = String((e as { code?: string }).code ?? '');
  return code === 'SQLITE_FULL' || code === 'ENOSPC' ? 'disk penuh; kosongkan ruang disk lalu coba lagi.' : `${(e as Error).message}.`;
};

/** Gives a verified temporary copy its name, or removes it and says why it does not count. */
function settle(tmp: string, final: string, check: CheckResult): string {
  if (!check.ok) {
    rmSync(tmp, { force: true });
    throw failed(`salinan tidak lolos pemeriksaan integritas (${check.problems.join('; ').slice(0, 160)}); cadangan yang lama tetap disimpan.`);
  }
  renameSync(tmp, final);
  return final;
}

export interface BackupOptions {
  /** No progress for this long (the file locked by another program): give up. */
  stallMs?: number;
  /** At most this long in all. */
  timeoutMs?: number;
  now?: Date;
}

/** A copy taken but not yet checked: `path` is its name once `verified` resolves. */
export interface PendingBackup {
  path: string;
  /** Resolves with `path` once checked and named; rejects with StorageError('backup_failed'). */
  verified: Promise<string>;
}

/**
 * Copies an open registry (null for an in-memory one) and starts its check. The copy never waits
 * forever: no progress for `stallMs` (default 15 s: the file locked by another program), or
 * longer than `timeoutMs` (default 10 min), fails with StorageError('backup_failed'). The caller
 * may write once this resolves (the copy is whole) and must await `verified` before relying on it
 * — the import does so before it commits, so the check runs while it writes.
 */
export async function startBackup(db: DB, dbPath: string, reason: BackupReason, opts: BackupOptions = {}): Promise<PendingBackup | null> {
  if (db.memory || !db.name) return null;
  const { final, tmp } = target(dbPath, reason, opts.now ?? new Date());
  const started = Date.now();
  const stallMs = opts.stallMs ?? 15_000;
  const timeoutMs = opts.timeoutMs ?? 600_000;
  let last = { remaining: Infinity, at: started };
  try {
    await db.backup(tmp, {
      progress: ({ remainingPages }) => {
        const now = Date.now();
        if (remainingPages < last.remaining) last = { remaining: remainingPages, at: now };
        if (now - last.at > stallMs) throw failed(`salinan tidak maju selama ${Math.round(stallMs / 1000)} detik (berkas dikunci program lain?).`);
        if (now - started > timeoutMs) throw failed(`salinan belum selesai setelah ${Math.round(timeoutMs / 60_000)} menit.`);
        return 2000;
      },
    });
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof StorageError) throw e;
    throw failed(diskDetail(e));
  }
  const verified = checkBackupFile(tmp).then((check) => {
    const path = settle(tmp, final, check);
    prune(dbPath);
    return path;
  });
  verified.catch(() => {}); // awaited by the caller; never an unhandled rejection meanwhile
  return { path: final, verified };
}

/** A verified backup of an open registry: copied, checked, named, the oldest beyond ten pruned. */
export async function createBackup(db: DB, dbPath: string, reason: BackupReason, opts: BackupOptions = {}): Promise<string | null> {
  const pending = await startBackup(db, dbPath, reason, opts);
  return pending ? pending.verified : null;
}

/**
 * The copy made before a migration changes the schema: synchronous (VACUUM INTO), as opening
 * is. If it cannot be made, the schema is not changed (the caller refuses to open).
 */
export function backupBeforeMigration(db: DB, dbPath: string): string {
  const { final, tmp } = target(dbPath, 'migration', new Date());
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const path = settle(tmp, final, checkHere(tmp, 'backup'));
    prune(dbPath);
    return path;
  } catch (e) {
    rmSync(tmp, { force: true });
    const detail = e instanceof StorageError ? String(e.params.detail ?? e.message) : diskDetail(e);
    throw new Error(`Cadangan sebelum pembaruan skema tidak dapat dibuat: ${detail} Skema tidak diperbarui.`);
  }
}

/** Once a day, when the app starts: unless a backup was already made today (local day). */
export async function dailyBackup(db: DB, dbPath: string, now = new Date()): Promise<string | null> {
  if (db.memory || db.readonly) return null;
  const newest = newestBackup(dbPath);
  if (newest && localDay(new Date(newest.at)) === localDay(now)) return null;
  return createBackup(db, dbPath, 'daily', { now });
}

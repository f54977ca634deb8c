/**
 * Restoring a backup over the registry, the one way the app and the CLI do it:
 *  1. the backup is checked again (integrity_check: it may have been damaged on disk since);
 *  2. the current registry is backed up first ("sebelum-pemulihan"), or, if it cannot be opened
 *     (damaged), its file is kept as `rusak-<time>.db` in cadangan/ — never deleted;
 *  3. the app's connection is closed (SQLite checkpoints and removes its -wal/-shm); a -wal that
 *     remains (another program has the file open) stops the restore before anything is replaced;
 *  4. the backup is copied beside the registry under a temporary name and renamed over it, so the
 *     file is at every moment either the old registry or the whole backup; stale -wal/-shm of the
 *     old file are moved into cadangan/, never replayed onto the restored one;
 *  5. the registry is opened again, now on the restored file.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StorageError } from '../api/errors';
import { guardOutputPath, writeOutput } from '../export/output';
import type { RegistrySession } from '../db/session';
import { backupDirOf, checkBackupFile, createBackup, findBackup, stamp } from './backups';

export interface RestoreResult {
  /** The file restored. */
  restored: string;
  /** The backup of the registry as it was before (or its damaged file, set aside). */
  previous: string | null;
  ikmCount: number | null;
}

const failed = (detail: string) => new StorageError('backup_failed', 'err.backupFailed', { detail });

/** A backup id (a name in cadangan/) or a path to any backup file, e.g. on a flash drive. */
export function resolveBackup(dbPath: string, idOrPath: string): string {
  if (/^[\w.-]+\.db$/.test(idOrPath) && existsSync(join(backupDirOf(dbPath), idOrPath))) return findBackup(dbPath, idOrPath).path;
  const full = resolve(idOrPath);
  if (!existsSync(full)) throw new StorageError('backup_failed', 'err.backupNotFound', { name: basename(idOrPath).slice(0, 80) });
  return full;
}

/** Moves -wal/-shm beside `path` into cadangan/ (they belong to the file being replaced). */
function setAsideJournals(path: string, label: string): void {
  for (const ext of ['-wal', '-shm', '-journal']) {
    const f = `${path}${ext}`;
    if (!existsSync(f)) continue;
    mkdirSync(backupDirOf(path), { recursive: true });
    renameSync(f, join(backupDirOf(path), `${label}.db${ext}`));
  }
}

/**
 * The backup copied beside the registry under a temporary name, and checked there (the copy is
 * what will be renamed into place, and pruning cannot take the source away meanwhile).
 */
async function stage(source: string, dbPath: string): Promise<{ tmp: string; ikmCount: number | null }> {
  const tmp = join(dirname(dbPath), `.${basename(dbPath)}.pemulihan.tmp`);
  try {
    copyFileSync(source, tmp);
    const check = await checkBackupFile(tmp);
    if (!check.ok) throw failed(`cadangan "${basename(source)}" tidak lolos pemeriksaan integritas (${check.problems.join('; ').slice(0, 160)}); pilih cadangan lain. Registri tidak diubah.`);
    return { tmp, ikmCount: check.ikmCount };
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof StorageError) throw e;
    throw failed(`${(e as Error).message}.`);
  }
}

/** A damaged registry's file copied into cadangan/ as rusak-<time>.db (not one of the ten kept). */
function keepDamaged(dbPath: string): string {
  mkdirSync(backupDirOf(dbPath), { recursive: true });
  const kept = join(backupDirOf(dbPath), `rusak-${stamp(new Date())}.db`);
  copyFileSync(dbPath, kept);
  return kept;
}

/** The staged copy renamed over the registry; the old file's journals moved aside first. */
function commit(tmp: string, dbPath: string): void {
  setAsideJournals(dbPath, `lama-${stamp(new Date())}`);
  renameSync(tmp, dbPath);
}

/** Restores into a registry the app has open: backs it up, closes, replaces, reopens. */
export async function restoreBackup(session: RegistrySession, idOrPath: string): Promise<RestoreResult> {
  const dbPath = session.path;
  const source = resolveBackup(dbPath, idOrPath);
  if (resolve(source) === resolve(dbPath)) throw failed('berkas itu adalah registri yang sedang dibuka.');
  if (session.db.readonly) throw new StorageError('read_only', 'err.db.read_only_reason', { reason: 'berkasnya atau foldernya tidak dapat ditulisi; pemulihan menulis ke berkas itu' });
  const { tmp, ikmCount } = await stage(source, dbPath);
  try {
    // A registry found damaged cannot make a verified backup: its file is kept as it is instead.
    const previous = session.damaged ? keepDamaged(dbPath) : await createBackup(session.db, dbPath, 'restore');
    await session.replaceFile(() => {
      if (existsSync(`${dbPath}-wal`)) throw failed('registri sedang dibuka oleh program lain (berkas -wal masih dipakai). Tutup program itu, lalu coba lagi.');
      commit(tmp, dbPath);
    });
    return { restored: source, previous, ikmCount };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Restores into a registry that is not open, e.g. one refused as damaged: its file (and any
 * -wal/-shm) is kept in cadangan/ as `rusak-<time>.db`, then the backup put in its place.
 */
export async function restoreClosed(dbPath: string, idOrPath: string): Promise<RestoreResult> {
  dbPath = resolve(dbPath);
  const source = resolveBackup(dbPath, idOrPath);
  if (source === dbPath) throw failed('berkas itu adalah registri itu sendiri.');
  const { tmp, ikmCount } = await stage(source, dbPath);
  try {
    let previous: string | null = null;
    if (existsSync(dbPath)) {
      previous = keepDamaged(dbPath);
      setAsideJournals(dbPath, basename(previous, '.db'));
    }
    commit(tmp, dbPath);
    return { restored: source, previous, ikmCount };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Copies a backup to a folder the user chose (a flash drive). The target is guarded like any
 * output (never the registry, never cadangan/) and written through a temporary file.
 */
export async function copyBackup(dbPath: string, id: string, folder: string): Promise<string> {
  const b = findBackup(dbPath, id);
  let out = join(resolve(folder), b.name);
  for (let n = 2; existsSync(out); n++) out = join(resolve(folder), b.name.replace(/\.db$/, `-${n}.db`));
  guardOutputPath(out, dbPath);
  await writeOutput(out, dbPath, (tmp) => copyFileSync(b.path, tmp));
  return out;
}

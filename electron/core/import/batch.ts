/**
 * The one way every importer writes (IKM submissions, shipment lists, BPS trade tables, Go Ekspor
 * lists): `withImportBatch(db, options, work)`. It owns what all imports must get right the same
 * way, so no importer repeats it:
 *  - its own connection (the app's keeps reading the last committed data meanwhile, WAL);
 *  - the verified backup before anything is written (started at once, checked while rows are
 *    written, awaited before the commit: a backup that fails its check fails the import);
 *  - the write lock and the `import_batch` row, taken by `begin()` when the work has its first row;
 *  - the dry run (the preview): the same code path, rolled back at the end;
 *  - cancellation, and the checks that the file on disk is still the one opened (begin, commit);
 *  - the batch's counts, summed from the reports the work returns;
 *  - nothing half-written: any throw, at any point, rolls the whole batch back.
 * Audit rows written on the batch's connection while it is open name it: the registry's and the
 * shipments' writers take `batch.id`; ge_audit and change_log ask `activeBatch(conn)`.
 */
import { rmSync } from 'node:fs';
import type { FileReport, ImportResult } from '../../../shared/import';
import { StorageError } from '../api/errors';
import { startBackup } from '../backup/backups';
import { assertSameFile, openConnection, openedFile, type DB } from '../db/open';
import { markChanged } from '../registry/generation';
import { osUser } from '../registry/write';
import { ImportCancelledError } from './errors';

/** What was imported: the history lists every kind, and undoes each its own way (undo.ts). */
export type ImportKind = 'ikm' | 'shipment' | 'trade' | 'goekspor';

export interface ImportBatchOptions {
  kind: ImportKind;
  /** The files' names, as the history shows them. */
  files: string[];
  /** The preview: everything is done, then rolled back. */
  dryRun?: boolean;
  now?: Date;
  /** Aborting cancels the import; nothing is written. */
  signal?: AbortSignal;
}

/** What the work sees of its batch. */
export interface ImportBatch {
  /** The connection to read and write on (the app's own for an in-memory registry). */
  readonly conn: DB;
  readonly dryRun: boolean;
  /** The batch row's id once `begin()` ran (also in a dry run, until it is rolled back). */
  readonly id: number | null;
  /** Takes the write lock for the whole batch and writes its row (waiting for the backup copy first); once. */
  begin(): Promise<number>;
  /** Throws ImportCancelledError once the user cancelled. */
  checkCancelled(): void;
}

/** The batch open on a connection, for the audit tables that are not told it (ge_audit, change_log). */
const open = new WeakMap<DB, number>();
export const activeBatch = (conn: DB): number | null => open.get(conn) ?? null;

const sum = (files: FileReport[], k: 'accepted' | 'updated' | 'unchanged') => files.reduce((s, f) => s + f[k], 0);

export async function withImportBatch(db: DB, opts: ImportBatchOptions, work: (batch: ImportBatch) => Promise<FileReport[]>): Promise<ImportResult> {
  const dryRun = Boolean(opts.dryRun);
  const file = openedFile(db);
  if (!dryRun && file.readOnly) throw new StorageError('read_only', 'err.db.read_only_reason', { reason: file.readOnly });
  const conn = openConnection(db);
  // A smaller page cache than the app's: a 100,000-row batch writes fine with it, and the
  // import's peak memory stays within an office laptop's means.
  if (conn !== db) conn.pragma('cache_size = -16384');
  // Copied through the import's connection while the first rows are read: its small page cache
  // keeps the copy from costing memory, and leaves pages the writes need warm.
  const backup = dryRun ? null : startBackup(conn, file.path, 'import');
  // Settles even if the import fails before it is awaited (the copy then stays, as any backup does).
  backup?.catch(() => {});
  const checkCancelled = () => {
    if (opts.signal?.aborted) throw new ImportCancelledError();
  };
  let id: number | null = null;
  let began: Promise<number> | null = null;
  const batch: ImportBatch = {
    conn,
    dryRun,
    get id() {
      return id;
    },
    begin: () =>
      (began ??= (async () => {
        await backup; // the copy is whole once this resolves; its integrity_check runs while rows are written
        checkCancelled();
        assertSameFile(db); // the file on disk is still the one opened
        conn.exec('BEGIN IMMEDIATE');
        id = Number(
          conn
            .prepare(`INSERT INTO import_batch (kind, at, os_user, files, inserted, updated, unchanged, refused, backup_path) VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?)`)
            .run(opts.kind, (opts.now ?? new Date()).toISOString(), osUser(), JSON.stringify(opts.files), (await backup)?.path ?? null).lastInsertRowid,
        );
        open.set(conn, id);
        return id;
      })()),
    checkCancelled,
  };
  try {
    const files = await work(batch);
    checkCancelled();
    const written = sum(files, 'accepted') + sum(files, 'updated') + sum(files, 'unchanged');
    let backupPath = (await backup)?.path ?? null;
    if (written === 0) {
      // Nothing to import after all: no backup either.
      const path = await (await backup)?.verified.catch(() => null);
      if (path) rmSync(path, { force: true });
      backupPath = null;
    }
    if (id != null)
      conn.prepare(`UPDATE import_batch SET inserted = ?, updated = ?, unchanged = ?, refused = ? WHERE id = ?`).run(
        sum(files, 'accepted'), sum(files, 'updated'), sum(files, 'unchanged'), files.reduce((s, f) => s + f.refused.length, 0), id,
      );
    if (dryRun || written === 0 || id == null) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      return { files, batchId: null, dryRun, backupPath: dryRun ? null : backupPath };
    }
    assertSameFile(db); // deleted or replaced while importing: roll back, never commit into an unlinked file
    await (await backup)?.verified; // a backup that fails its check fails the import: nothing is committed
    conn.exec('COMMIT');
    return { files, batchId: id, dryRun, backupPath };
  } catch (e) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw e;
  } finally {
    open.delete(conn);
    if (conn !== db) conn.close();
    markChanged(db);
  }
}

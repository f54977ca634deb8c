/** The Cadangan screen's side of the contract: list, create, restore, copy to a chosen folder. */
import { readFileSync, statSync } from 'node:fs';
import type { Args } from '../../../shared/contract';
import type { BackupInfo } from '../../../shared/backups';
import { openedFile, type DB } from '../db/open';
import type { RegistrySession } from '../db/session';
import { backupDirOf, createBackup, findBackup, KEEP, listBackups } from './backups';
import { copyBackup, restoreBackup } from './restore';
import { StorageError } from '../api/errors';

/** A backup larger than this is not sent to the browser as one download (copy it with the CLI). */
const DOWNLOAD_LIMIT = 512 * 1024 * 1024;

export interface BackupHost {
  /** Electron: the folder dialog of the main process (null: cancelled). Absent in the browser host. */
  chooseFolder?: () => Promise<string | null>;
}

const pathOf = (db: DB) => openedFile(db).path;

export function backupHandlers(host: BackupHost) {
  return {
    'backups.list': (db: DB) => ({ dir: backupDirOf(pathOf(db)), keep: KEEP, backups: listBackups(pathOf(db)) }),
    'backups.create': async (db: DB): Promise<BackupInfo> => {
      const path = await createBackup(db, pathOf(db), 'manual');
      const info = listBackups(pathOf(db)).find((b) => b.path === path);
      if (!info) throw new StorageError('backup_failed', 'err.backupFailed', { detail: 'registri ini tidak disimpan dalam berkas (basis data di memori).' });
      return info;
    },
    'backups.restore': (_db: DB, a: Args<'backups.restore'>, session: RegistrySession) => restoreBackup(session, findBackup(session.path, a.id).name),
    'backups.copy': async (db: DB, a: Args<'backups.copy'>) => {
      const b = findBackup(pathOf(db), a.id);
      if (host.chooseFolder) {
        const folder = await host.chooseFolder();
        return { path: folder ? await copyBackup(pathOf(db), b.name, folder) : null };
      }
      if (statSync(b.path).size > DOWNLOAD_LIMIT)
        throw new StorageError('backup_failed', 'err.backupFailed', { detail: `berkas terlalu besar untuk diunduh lewat peramban; salin dengan: npm run cli -- backup copy ${b.name} --to <folder> --db "${pathOf(db)}".` });
      return { name: b.name, dataBase64: readFileSync(b.path).toString('base64') };
    },
  };
}

/**
 * `npm run cli -- backup list|create|copy` and `npm run cli -- restore <id|file>`: the Cadangan
 * screen's actions, for scripts and for a registry the app refuses to open (damaged).
 */
import { resolve } from 'node:path';
import { BACKUP_REASON_LABEL } from '../../shared/backups';
import { DatabaseError } from '../core/db/open';
import { RegistrySession } from '../core/db/session';
import { backupDirOf, createBackup, listBackups } from '../core/backup/backups';
import { copyBackup, restoreBackup, restoreClosed } from '../core/backup/restore';
import { parseArgs, UsageError } from './args';

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
const when = (iso: string) => new Date(iso).toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' });

export async function runBackup(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { db: 'string', to: 'string', json: 'boolean' });
  if (!a.db) throw new UsageError('Opsi --db <berkas> wajib diisi.');
  const dbPath = resolve(a.db);
  const [action, id] = a._;
  switch (action) {
    case 'list': {
      const list = listBackups(dbPath);
      if (a.json) console.log(JSON.stringify({ dir: backupDirOf(dbPath), backups: list }, null, 1));
      else {
        console.log(`Cadangan di ${backupDirOf(dbPath)} (${list.length}):`);
        for (const b of list)
          console.log(`  ${b.id}  ${when(b.at)}  ${mb(b.size)}  ${b.ikmCount?.toLocaleString('id-ID') ?? '?'} IKM  ${BACKUP_REASON_LABEL[b.reason].id}`);
      }
      return 0;
    }
    case 'create': {
      const session = RegistrySession.open(dbPath);
      try {
        console.log(`Cadangan dibuat dan diperiksa: ${await createBackup(session.db, dbPath, 'manual')}`);
      } finally {
        session.db.close();
      }
      return 0;
    }
    case 'copy': {
      if (!id || !a.to) throw new UsageError('Pemakaian: npm run cli -- backup copy <nama cadangan> --to <folder> --db <berkas>');
      console.log(`Cadangan disalin ke ${await copyBackup(dbPath, id, a.to)}`);
      return 0;
    }
    default:
      throw new UsageError('Pemakaian: npm run cli -- backup list|create|copy … --db <berkas>');
  }
}

export async function runRestore(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { db: 'string' });
  if (!a.db) throw new UsageError('Opsi --db <berkas> wajib diisi.');
  const source = a._[0];
  if (!source) throw new UsageError('Pemakaian: npm run cli -- restore <nama cadangan atau berkas> --db <berkas> (daftar: npm run cli -- backup list --db <berkas>)');
  const dbPath = resolve(a.db);
  let session: RegistrySession | null = null;
  try {
    session = RegistrySession.open(dbPath);
  } catch (e) {
    // A damaged registry cannot be opened: its file is kept in cadangan/ and the backup put in its place.
    if (!(e instanceof DatabaseError && e.kind === 'damaged')) throw e;
  }
  const r = session ? await restoreBackup(session, source).finally(() => session.db.close()) : await restoreClosed(dbPath, source);
  console.log(`Registri dipulihkan dari ${r.restored} (${r.ikmCount?.toLocaleString('id-ID') ?? '?'} IKM).`);
  if (r.previous) console.log(`Registri sebelumnya disimpan di ${r.previous}.`);
  return 0;
}

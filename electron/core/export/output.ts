/**
 * Where outputs may go. Every file the app or the CLI writes for the user (exports, reports,
 * error reports, copies of backups) passes `guardOutputPath` first: the registry itself, its
 * -wal/-shm/-journal, and the cadangan/ folder beside it are refused, compared by real path
 * (symlinks resolved, relative paths made absolute, case folded where the file system ignores
 * case) and by file identity (a hard link to the database is the database). `writeOutput` then
 * writes to a temporary file in the same folder and renames it into place, so a failed export
 * never leaves half a file where a good one was.
 */
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

/** The folder of backups beside a database (one place for its name). */
export const backupDirOf = (dbPath: string): string => join(dirname(resolve(dbPath)), 'cadangan');

/** The real path of a file that may not exist yet: its folder's real path and its own name. */
function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync.native(full);
  } catch {
    const dir = dirname(full);
    return dir === full ? full : join(realPath(dir), basename(full));
  }
}

/** Windows and macOS file systems ignore case: "Registri.DB" is "registri.db". */
const caseless = process.platform === 'win32' || process.platform === 'darwin';
const key = (p: string) => (caseless ? p.toLowerCase() : p);

const sameFile = (a: string, b: string): boolean => {
  try {
    const x = statSync(a, { bigint: true });
    const y = statSync(b, { bigint: true });
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
};

/**
 * Returns the absolute path to write, or throws OutputPathError (in Bahasa Indonesia) when it
 * would overwrite the registry, its journal files, or anything in cadangan/.
 */
export function guardOutputPath(outPath: string, dbPath: string | null): string {
  const out = resolve(outPath);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new OutputPathError(`"${out}" adalah folder. Sebutkan nama berkas keluaran, misalnya ${join(out, 'ekspor.csv')}.`);
  if (!dbPath || dbPath === ':memory:') return out;
  const db = realPath(dbPath);
  const target = key(realPath(out));
  const guarded = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`].map(key);
  if (guarded.includes(target) || sameFile(out, db))
    throw new OutputPathError(
      `Berkas keluaran "${out}" adalah basis data registri (atau berkas jurnalnya). Registri tidak ditimpa; pilih nama berkas lain.`,
    );
  const backups = key(realPath(backupDirOf(dbPath)));
  if (target === backups || target.startsWith(backups + sep))
    throw new OutputPathError(`Folder "${backupDirOf(dbPath)}" menyimpan cadangan registri; berkas keluaran tidak boleh ditulis di sana. Pilih folder lain.`);
  return out;
}

/**
 * Guards `outPath`, lets `produce` write a temporary file beside it, then renames that into place
 * (atomic on one volume). On failure the temporary file is removed and `outPath` is untouched.
 */
export async function writeOutput<T>(outPath: string, dbPath: string | null, produce: (tmpPath: string) => Promise<T> | T): Promise<T> {
  const out = guardOutputPath(outPath, dbPath);
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const result = await produce(tmp);
    renameSync(tmp, out);
    return result;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A copy of the database before every import, in a "cadangan" folder beside it; the last 10 kept. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DB } from '../db/open';

const KEEP = 10;

export async function backupDatabase(db: DB): Promise<string | null> {
  if (db.memory || !db.name) return null;
  const dir = join(dirname(db.name), 'cadangan');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let path = join(dir, `sebelum-impor-${stamp}.db`);
  for (let n = 2; readdirSync(dir).includes(path.split(/[\\/]/).pop()!); n++) path = join(dir, `sebelum-impor-${stamp}-${n}.db`);
  await db.backup(path);
  const old = readdirSync(dir).filter((f) => f.startsWith('sebelum-impor-') && f.endsWith('.db')).sort();
  for (const f of old.slice(0, Math.max(0, old.length - KEEP))) rmSync(join(dir, f), { force: true });
  return path;
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { openDatabase, type DB } from '../../electron/core/db/open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pangkalan-test-'));
  dirs.push(d);
  return d;
}

/** A real SQLite file in a temp folder, migrated and with the reference areas. */
export function tempDb(): { db: DB; path: string } {
  const path = join(tempDir(), 'registry.db');
  return { db: openDatabase(path), path };
}

/**
 * A temp registry behind the real dispatcher (as the UI calls it): `dispatch` returns the envelope,
 * `call` the result or throws with the error's code and message. `seed` fills the file first.
 */
export function tempApi(seed?: (db: DB) => void): { db: DB; path: string; dispatch: ReturnType<typeof createDispatcher>; call(method: string, args: unknown): Promise<never> } {
  const { db, path } = tempDb();
  seed?.(db);
  const dispatch = createDispatcher(db, createHandlers({ dbPath: path, version: 'test' }));
  const call = async (method: string, args: unknown) => {
    const r = await dispatch(method, args);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.result as never;
  };
  return { db, path, dispatch, call };
}

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
/** The real CLI, as `npm run cli` runs it (tsx on the TypeScript sources). */
export const cli = (...args: string[]) => spawnSync(process.execPath, [TSX, 'electron/cli/index.ts', ...args], { encoding: 'utf8' });

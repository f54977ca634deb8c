import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
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

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
/** The real CLI, as `npm run cli` runs it (tsx on the TypeScript sources). */
export const cli = (...args: string[]) => spawnSync(process.execPath, [TSX, 'electron/cli/index.ts', ...args], { encoding: 'utf8' });

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped reference data lives. Electron passes its own (the packaged app keeps
 * `resources/` beside app.asar); the CLI, tests and the browser host find the project root by
 * walking up to package.json. PANGKALAN_RESOURCES overrides both.
 */
export function resourcesDir(explicit?: string): string {
  if (explicit) return explicit;
  if (process.env.PANGKALAN_RESOURCES) return process.env.PANGKALAN_RESOURCES;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return join(dir, 'resources');
    dir = resolve(dir, '..');
  }
  throw new Error('Folder resources/ tidak ditemukan. Setel PANGKALAN_RESOURCES ke folder data referensi.');
}

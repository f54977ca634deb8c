import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set once by the Electron main process at startup (setResourcesDir); null elsewhere. */
let configured: string | null = null;

/**
 * Tells the core where the shipped reference data is, once, before anything reads it: the
 * packaged app keeps `resources/` beside app.asar, where walking up from the code finds nothing.
 * A missing folder is refused here, with what to do, rather than at the first import.
 */
export function setResourcesDir(dir: string): void {
  if (!existsSync(join(dir, 'wilayah_kalimantan.csv')))
    throw new Error(`Folder data referensi tidak ditemukan atau tidak lengkap: "${dir}". Pasang ulang Pangkalan IKM (data Anda tidak tersentuh).`);
  configured = dir;
}

/**
 * Where the shipped reference data lives: an explicit folder (tests), then the one the main
 * process set, then PANGKALAN_RESOURCES; the CLI, tests and the browser host find the project
 * root by walking up to package.json.
 */
export function resourcesDir(explicit?: string): string {
  if (explicit) return explicit;
  if (configured) return configured;
  if (process.env.PANGKALAN_RESOURCES) return process.env.PANGKALAN_RESOURCES;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return join(dir, 'resources');
    dir = resolve(dir, '..');
  }
  throw new Error('Folder resources/ tidak ditemukan. Setel PANGKALAN_RESOURCES ke folder data referensi.');
}

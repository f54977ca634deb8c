/**
 * A workbook handed to the app by Windows ("Buka dengan…", dragged onto the icon, or a second
 * launch with a file): read here and given to the renderer, which opens the import wizard with
 * it and shows the preview; nothing is written until the user imports it there.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, resolve } from 'node:path';

/** The largest file the import takes (base64 of it stays under the contract's 70,000,000). */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;
const KINDS = new Set(['.xlsx', '.xlsm', '.xls', '.csv']);

export type OpenedFile = { name: string; dataBase64: string } | { name: string; error: string };

/** The workbook paths among command-line arguments (never the value of --db, never a switch). */
export function filesInArgs(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db') {
      i++;
      continue;
    }
    if (a.startsWith('-') || !KINDS.has(extname(a).toLowerCase())) continue;
    out.push(isAbsolute(a) ? a : resolve(cwd, a));
  }
  return out;
}

/** Reads one file for the renderer, or says in Indonesian why it cannot. */
export function readOpenedFile(path: string): OpenedFile {
  const name = basename(path);
  try {
    const size = statSync(path).size;
    if (size > MAX_OPEN_BYTES)
      return { name, error: `Berkas "${name}" terlalu besar (${Math.round(size / 1048576)} MB; paling besar 50 MB). Bagi per kecamatan, lalu impor lagi.` };
    return { name, dataBase64: readFileSync(path).toString('base64') };
  } catch {
    return { name, error: `Berkas "${path}" tidak dapat dibaca. Periksa apakah berkas masih ada dan tidak sedang dibuka program lain.` };
  }
}

/**
 * Registry export to CSV or JSON: the canonical columns of the shared README first, in that
 * order, then the extra fields and the computed scale. Numbers plain, NIB and phone as text,
 * rows streamed so a million records never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CANONICAL_KEYS, IKM_FIELD_KEYS } from '../../../shared/fields';
import { neutraliseFormula } from '../../../shared/text';
import type { DB } from '../db/open';

export const EXPORT_COLUMNS = [...CANONICAL_KEYS, ...IKM_FIELD_KEYS.filter((k) => !CANONICAL_KEYS.includes(k)), 'scale'];

function csvCell(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  const s = neutraliseFormula(String(v));
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function exportIkm(db: DB, format: 'csv' | 'json', outPath: string): Promise<number> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const rows = db
    .prepare(`SELECT ${EXPORT_COLUMNS.join(', ')} FROM ikm WHERE deleted_at IS NULL ORDER BY id`)
    .iterate() as IterableIterator<Record<string, unknown>>;
  let n = 0;
  if (format === 'csv') {
    await write(EXPORT_COLUMNS.join(',') + '\r\n');
    for (const r of rows) {
      await write(EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n');
      n++;
    }
  } else {
    await write('[');
    for (const r of rows) {
      await write((n === 0 ? '\n' : ',\n') + JSON.stringify(r));
      n++;
    }
    await write('\n]\n');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

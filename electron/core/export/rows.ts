/**
 * Registry (and shipments) export to CSV or JSON: the canonical columns of the shared README first, in that
 * order, then the extra fields and the computed scale. Numbers plain, NIB and phone as text,
 * rows streamed so a million records never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { CANONICAL_KEYS, IKM_FIELD_KEYS } from '../../../shared/fields';
import { neutraliseFormula, stripControls } from '../../../shared/text';
import type { DB } from '../db/open';

export const EXPORT_COLUMNS = [...CANONICAL_KEYS, ...IKM_FIELD_KEYS.filter((k) => !CANONICAL_KEYS.includes(k)), 'scale'];

function csvCell(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  const s = neutraliseFormula(stripControls(String(v)));
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportIkm(db: DB, format: 'csv' | 'json', outPath: string): Promise<number> {
  const rows = db.prepare(`SELECT ${EXPORT_COLUMNS.join(', ')} FROM ikm WHERE deleted_at IS NULL ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>;
  return writeRows(rows, EXPORT_COLUMNS, format, outPath);
}

/** Rows to a CSV (formula-neutralised text) or a JSON array file, streamed. */
export async function writeRows(rows: Iterable<Record<string, unknown>>, columns: readonly string[], format: 'csv' | 'json', outPath: string): Promise<number> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const n = await writeRowsTo(out, rows, columns, format);
  await once(out, 'finish');
  return n;
}

/** The same into any stream (ended when done); `header` names the CSV columns (default: their keys). */
export async function writeRowsTo(out: Writable, rows: Iterable<Record<string, unknown>>, columns: readonly string[], format: 'csv' | 'json', header: readonly string[] = columns): Promise<number> {
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  let n = 0;
  if (format === 'csv') {
    await write(header.map(csvCell).join(',') + '\r\n');
    for (const r of rows) {
      await write(columns.map((c) => csvCell(r[c])).join(',') + '\r\n');
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
  return n;
}

/** Collects what `write` puts in a stream (a workbook, a CSV) into memory, to send over IPC. */
export async function streamToBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await done;
  return Buffer.concat(chunks);
}

/** The columns of `export shipments`, in the order the issue gives. */
export const SHIPMENT_EXPORT_COLUMNS = ['date', 'exporter_nib', 'exporter_name', 'district_code', 'product', 'hs_code', 'country_code', 'quantity', 'unit', 'net_weight_kg', 'fob_usd', 'port', 'peb_number', 'peb_date', 'coo_form'];

export function exportShipments(db: DB, format: 'csv' | 'json', outPath: string): Promise<number> {
  const rows = db.prepare(`SELECT ${SHIPMENT_EXPORT_COLUMNS.join(', ')} FROM shipment WHERE deleted_at IS NULL ORDER BY date, id`).iterate() as IterableIterator<Record<string, unknown>>;
  return writeRows(rows, SHIPMENT_EXPORT_COLUMNS, format, outPath);
}

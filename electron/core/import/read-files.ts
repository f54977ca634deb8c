/**
 * The reading half of an import, as a stream of events: every file in turn, its records in
 * batches as they are read, and its report when it is done. It runs in a worker thread
 * (read-worker.ts) while the main thread writes what it has already received, or in-process when
 * no worker can be started; either way the writer sees the same events (reader-protocol.ts).
 */
import { createInflateRaw } from 'node:zlib';
import { DistrictResolver } from '../../../shared/areas';
import { IKM_FIELD_KEYS, type IkmFieldKey, type IkmValue, type IkmValues } from '../../../shared/fields';
import type { FileReport } from '../../../shared/import';
import { message } from '../../../shared/messages';
import { readFileRecords, type ReadRecord } from './read-file';
import { ImportCancelledError, ImportFileError } from './errors';
import type { ReadEvent, ReaderSetup } from './reader-protocol';
import type { FileKind } from './sniff';

/** A file no reader foresaw failing on: refused whole, in words the user can act on. */
const unreadable = (file: string): FileReport => {
  const messageKey = { key: 'imp.unreadable' } as const;
  return { file, status: 'refused', message: message('id', messageKey.key), messageKey, sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
};

/** Records per 'rows' event: large enough to cost little to pass between threads. */
const BATCH = 500;
/** 'rows' events the reader may be ahead of the writer (memory stays bounded). */
export const AHEAD = 8;

/** Inflated bytes of a worksheet counted: a big sheet's rows are extrapolated from its first ones. */
const SAMPLE = 1024 * 1024;

const FIELD_INDEX = new Map(IKM_FIELD_KEYS.map((k, i) => [k, i]));

/**
 * Records as one flat array: for each, its sheet (an index into `sheets`), row number, number of
 * values, then field index and value for each (in the record's own order). Passing this between
 * threads costs half what the records as objects do.
 */
function packRecords(records: ReadRecord[]): { sheets: string[]; data: unknown[] } {
  const sheets: string[] = [];
  const data: unknown[] = [];
  for (const r of records) {
    let s = sheets.indexOf(r.sheet);
    if (s < 0) s = sheets.push(r.sheet) - 1;
    const keys = Object.keys(r.values) as IkmFieldKey[];
    data.push(s, r.row, keys.length);
    for (const k of keys) data.push(FIELD_INDEX.get(k), r.values[k]);
  }
  return { sheets, data };
}

/** The records of a 'rows' event, one by one. */
export function* unpackRecords(e: Extract<ReadEvent, { t: 'rows' }>): Generator<ReadRecord> {
  const d = e.data;
  for (let i = 0; i < d.length; ) {
    const sheet = e.sheets[d[i] as number]!;
    const row = d[i + 1] as number;
    const n = d[i + 2] as number;
    i += 3;
    const values: IkmValues = {};
    for (let k = 0; k < n; k++, i += 2) values[IKM_FIELD_KEYS[d[i] as number]!] = d[i + 1] as IkmValue;
    yield { sheet, row, values };
  }
}

/**
 * About how many rows a file has, for the progress bar while it is still being read: the rows
 * its worksheets close (counted in their first megabyte of XML, nothing kept, and scaled up to
 * the sheet's size), or its lines for text files.
 */
export async function estimateRows(buf: Buffer, kind: FileKind): Promise<number> {
  if (kind.kind === 'sheetjs') return 0;
  if (kind.kind === 'xlsx' && kind.data) buf = kind.data;
  if (kind.kind === 'csv') {
    let n = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
    return n + 1;
  }
  let rows = 0;
  for (const e of kind.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) || e.method !== 8) continue;
    // The local header's name and extra field lengths say where the data starts.
    if (buf.readUInt32LE(e.offset) !== 0x04034b50) continue;
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    rows += await new Promise<number>((resolve) => {
      let n = 0;
      let seen = 0;
      let tail = Buffer.alloc(0);
      const z = createInflateRaw({ chunkSize: 64 * 1024 });
      z.on('data', (chunk: Buffer) => {
        // "</row>" or "</x:row>": the end of a row with cells. A chunk may end within one.
        const b = tail.length > 0 ? Buffer.concat([tail, chunk.subarray(0, 8)]) : null;
        if (b) for (let i = b.indexOf('row>'); i >= 0; i = b.indexOf('row>', i + 1)) if (i > 0 && i <= tail.length && i + 4 > tail.length && (b[i - 1] === 0x2f || b[i - 1] === 0x3a)) n++;
        for (let i = chunk.indexOf('row>'); i >= 0; i = chunk.indexOf('row>', i + 4)) if (i > 0 && (chunk[i - 1] === 0x2f || chunk[i - 1] === 0x3a)) n++;
        tail = Buffer.from(chunk.subarray(-8));
        seen += chunk.length;
        if (seen >= SAMPLE && seen < e.uncompressed) {
          z.destroy();
          resolve(Math.round((n * e.uncompressed) / seen));
        }
      });
      z.on('end', () => resolve(n));
      z.on('error', () => resolve(n));
      z.end(buf.subarray(start, start + e.compressed));
    });
  }
  return rows;
}

/**
 * Reads every file, handing each event to `send`; a returned promise holds the reading until it
 * settles (the writer is behind). `tick` is called every few thousand rows.
 */
export async function readFiles(setup: ReaderSetup, send: (e: ReadEvent) => void | Promise<void>, tick: () => Promise<void>): Promise<void> {
  const resolver = new DistrictResolver(setup.districts);
  for (let index = 0; index < setup.inputs.length; index++) {
    const input = setup.inputs[index]!;
    let batch: ReadRecord[] = [];
    let expected: number | null = null;
    const flush = () => {
      if (batch.length === 0) return;
      const count = batch.length;
      const { sheets, data } = packRecords(batch);
      batch = [];
      return send({ t: 'rows', index, count, sheets, data, expected });
    };
    await send({ t: 'file', index });
    const report = await readFileRecords(
      input,
      {
        resolver,
        now: setup.now,
        saved: (d) => setup.saved[d ?? ''] ?? {},
        tick,
        emit: (record) => {
          batch.push(record);
          if (batch.length >= BATCH) return flush();
        },
        opened: (buf, kind) => void estimateRows(buf, kind).then((n) => (expected = n)),
      },
      async () => {
        batch = [];
        await send({ t: 'restart', index });
      },
    ).catch((e: unknown) => {
      // A parser failing in a way nobody foresaw refuses that file whole, in words the user can
      // act on; its own text (English internals) goes to the developer's log only.
      if (e instanceof ImportCancelledError || !(e instanceof Error) || e instanceof ImportFileError) throw e;
      console.error(`[impor] ${input.name}:`, e);
      return unreadable(input.name);
    });
    if (report.status === 'refused') batch = [];
    await flush();
    await send({ t: 'report', index, report });
  }
}

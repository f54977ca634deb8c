/**
 * Imports district submissions: reads every file, finds its IKM sheets and header, turns rows
 * into records or refusals, matches them against the registry, and writes all files in ONE
 * transaction recorded as a batch (undoable). A dry run does the same work and rolls back.
 *
 * Reading and writing overlap: the files are read and parsed in a worker thread (reader.ts)
 * while this thread writes the records already read. Each file's writes sit in a savepoint, so a
 * file found unreadable halfway is dropped whole, as if it had never been read.
 */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { IkmRecord, IkmValues } from '../../../shared/fields';
import { nameKey } from '../../../shared/text';
import { districtResolver } from '../reference/areas';
import { openConnection, type DB } from '../db/open';
import { markChanged } from '../registry/generation';
import { getRecord, RECORD_COLUMNS } from '../registry/query';
import { osUser, RegistryWriter } from '../registry/write';
import { backupDatabase } from './backup';
import { ImportCancelledError } from './errors';
import { rememberOverrides, savedOverrides, type MappingOverrides } from './mapping';
import type { FileInput, ReadRecord } from './read-file';
import { unpackRecords } from './read-files';
import { startReader } from './reader';
import type { FileReport, ImportProgress, ImportResult } from '../../../shared/import';

export type ImportInput = FileInput;
export type { DuplicateNote, FileReport, ImportResult, SheetReport } from '../../../shared/import';
export { suggestDistrict } from './suggest-district';

/** Edit distance, for "near-identical names" (a typo or a missing word). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface ImportOptions {
  dryRun?: boolean;
  district?: string | null;
  now?: Date;
  onProgress?(p: ImportProgress): void;
  /** Aborting cancels the import; nothing is written. */
  signal?: AbortSignal;
  /** Read the files on this thread rather than in a worker (tests of both ways). */
  inlineReader?: boolean;
}

const CHUNK = 2000;
/** Lets other requests (the grid scrolling, the progress bar) in between chunks of work. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

/** A record being written, with the file it came from. */
interface Candidate extends ReadRecord {
  file: FileReport;
}

const emptyReport = (file: string): FileReport => ({
  file, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [],
});

export async function importFiles(db: DB, inputs: ImportInput[], opts: ImportOptions = {}): Promise<ImportResult> {
  const resolver = districtResolver(db);
  const now = opts.now ?? new Date();
  const cancelled = () => {
    if (opts.signal?.aborted) throw new ImportCancelledError();
  };
  const named = inputs.map((input) => ({ ...input, name: input.name ?? basename(input.path ?? ''), district: input.district ?? opts.district }));
  // The mappings remembered for each district a file is given (and for files naming theirs in a column).
  const saved: Record<string, MappingOverrides> = { '': savedOverrides(db, null) };
  for (const input of named) {
    const code = input.district ? resolver.resolve(input.district)?.code : undefined;
    if (code) saved[code] = savedOverrides(db, code);
  }
  // Each file's report: the reader's, once the file is read, with what the writer counted.
  const files: FileReport[] = named.map((input) => emptyReport(input.name));
  const live: FileReport[] = named.map((input) => emptyReport(input.name));

  let backupPath: string | null = null;
  // The write runs on its own connection, in chunks: the app's connection keeps reading the
  // last committed registry (WAL), so the grid stays usable until the batch commits whole.
  const conn = openConnection(db);
  // A smaller page cache than the app's: a 100,000-row batch writes fine with it, and the
  // import's peak memory stays within an office laptop's means.
  if (conn !== db) conn.pragma('cache_size = -16384');
  // The whole record at once: a match is compared field by field (one query, not two a row).
  const byNib = conn.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
  const byName = conn.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE name_key = ? AND district_code = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`);
  const byNameWithoutNib = conn.prepare(`SELECT id FROM ikm WHERE name_key = ? AND district_code = ? AND nib IS NULL AND deleted_at IS NULL LIMIT 2`);
  const similar = conn.prepare(
    `SELECT id, business_name, nib, name_key FROM ikm INDEXED BY ikm_name_key
     WHERE name_key >= ? AND name_key < ? AND district_code = ? AND deleted_at IS NULL AND id <> ? LIMIT 20`,
  );
  const writer = new RegistryWriter(conn, { gatherAudit: true });
  let batchId: number | null = null;
  /** The first row of each identity (NIB, or name and district), for rows repeating it. */
  const seen = new Map<string, { name: string; nib: string | null; sheet: string; row: number; file: FileReport }>();
  /** Identities first seen in the file being read (forgotten if it is dropped). */
  let fileSeen: string[] = [];

  const apply = (c: Candidate) => {
    const nib = c.values.nib as string | null | undefined;
    const key = nameKey(String(c.values.business_name));
    const district = String(c.values.district_code);
    const identity = nib ? `nib:${nib}` : `name:${key}|${district}`;
    const earlier = seen.get(identity);
    if (earlier) {
      c.file.duplicates.push({
        sheet: c.sheet, row: c.row, kind: 'in_file', business_name: String(c.values.business_name),
        match: { business_name: earlier.name, nib: earlier.nib, sheet: earlier.sheet, row: earlier.row },
        reason: `Sama dengan baris ${earlier.row} (${earlier.sheet}${earlier.file !== c.file ? `, ${earlier.file.file}` : ''}); diimpor sekali.`,
      });
      return;
    }
    seen.set(identity, { name: String(c.values.business_name), nib: nib ?? null, sheet: c.sheet, row: c.row, file: c.file });
    fileSeen.push(identity);
    let existing: IkmRecord | undefined;
    // The oldest active record of that name in that district (for a row with an NIB: looked up
    // only when its NIB is new, which most rows of a big file are).
    let sameName: IkmRecord | undefined;
    if (nib) {
      existing = byNib.get(nib) as IkmRecord | undefined;
      if (!existing) {
        sameName = byName.get(key, district) as IkmRecord | undefined;
        // Registered last year without an NIB, sent with one now: the only record of that name in
        // that district gets the NIB (an update), rather than the business being listed twice.
        if (sameName) {
          const unnumbered = byNameWithoutNib.all(key, district) as { id: number }[];
          if (unnumbered.length === 1) existing = getRecord(conn, unnumbered[0]!.id);
        }
      }
    } else existing = byName.get(key, district) as IkmRecord | undefined;
    if (existing) {
      const fields = Object.fromEntries(Object.entries(c.values).filter(([, v]) => v != null)) as IkmValues;
      if (writer.update(existing, fields, batchId) > 0) c.file.updated++;
      else c.file.unchanged++;
      return;
    }
    const id = writer.insert(c.values, batchId, key);
    c.file.accepted++;
    // Not certain enough to merge, too close to ignore: list for review. (The record inserted
    // just now has the highest id, so the oldest of that name is the one found before it.)
    if (sameName && sameName.id !== id) {
      c.file.duplicates.push({
        sheet: c.sheet, row: c.row, kind: 'same_name_other_nib', business_name: String(c.values.business_name),
        match: { id: sameName.id, business_name: sameName.business_name, nib: sameName.nib },
        reason: `Nama dan kabupaten/kota sama dengan IKM yang sudah ada (NIB ${sameName.nib ?? 'kosong'}), tetapi NIB berbeda. Periksa apakah ini usaha yang sama.`,
      });
    } else if (!nib && key.length >= 6) {
      // A row with its own NIB is a registered business (an identical name was checked above);
      // names that differ only in digits ("Berkah 1", "Berkah 2") are branches, not typos.
      const letters = key.replace(/\d+/g, '');
      const near = (similar.all(key.slice(0, 4), `${key.slice(0, 4)}\uffff`, district, id) as { id: number; business_name: string; nib: string | null; name_key: string }[]).find(
        (o) => o.name_key.replace(/\d+/g, '') !== letters && distance(o.name_key, key, 2) <= 2,
      );
      if (near)
        c.file.duplicates.push({
          sheet: c.sheet, row: c.row, kind: 'similar_name', business_name: String(c.values.business_name),
          match: { id: near.id, business_name: near.business_name, nib: near.nib },
          reason: `Nama sangat mirip dengan "${near.business_name}" di kabupaten/kota yang sama. Periksa apakah ini usaha yang sama.`,
        });
    }
  };

  // The copy of the registry made before writing is taken while the first rows are read, through
  // the import's connection: its small page cache keeps the copy from costing memory, and leaves
  // pages the writes need warm.
  const backup = opts.dryRun ? null : backupDatabase(conn);
  // Settles even if the import fails before it is awaited (it then stays as any backup does).
  backup?.catch(() => {});
  const reader = await startReader(
    { inputs: named, districts: resolver.districts, now, saved },
    { signal: opts.signal, inline: opts.inlineReader },
  );
  /** Records written: in files already read (kept), and so far in the file being read. */
  let kept = 0;
  let inFile = 0;
  let fileOpen = false;
  let expected: number | null = null;
  const progress = () => {
    const done = kept + inFile;
    opts.onProgress?.({ phase: 'write', done, total: kept + Math.max(inFile, expected ?? 0) });
  };
  /** Drops what the file being read has written so far. */
  const dropFile = (index: number) => {
    writer.dropAudit();
    if (fileOpen) conn.exec('ROLLBACK TO import_file');
    for (const identity of fileSeen) seen.delete(identity);
    fileSeen = [];
    live[index] = emptyReport(live[index]!.file);
    inFile = 0;
  };

  try {
    for (let done = false; !done; ) {
      const e = await reader.next();
      switch (e.t) {
        case 'file':
          opts.onProgress?.({ phase: 'read', done: e.index, total: named.length, file: named[e.index]!.name });
          expected = null;
          break;
        case 'rows': {
          expected = e.expected;
          if (batchId == null) {
            // The first record: the registry is backed up, then the write lock taken for the whole batch.
            backupPath = (await backup) ?? null;
            cancelled();
            conn.exec('BEGIN IMMEDIATE');
            batchId = Number(
              conn
                .prepare(`INSERT INTO import_batch (at, os_user, files, inserted, updated, unchanged, refused, backup_path) VALUES (?, ?, ?, 0, 0, 0, 0, ?)`)
                .run(now.toISOString(), osUser(), JSON.stringify(named.map((f) => f.name)), backupPath).lastInsertRowid,
            );
          }
          if (!fileOpen) {
            conn.exec('SAVEPOINT import_file');
            fileOpen = true;
          }
          const file = live[e.index]!;
          for (const r of unpackRecords(e)) {
            apply({ file, sheet: r.sheet, row: r.row, values: r.values });
            if (++inFile % CHUNK === 0) {
              progress();
              await breathe();
              cancelled();
            }
          }
          break;
        }
        case 'restart':
          dropFile(e.index);
          break;
        case 'report': {
          if (e.report.status === 'refused') dropFile(e.index);
          writer.flushAudit();
          if (fileOpen) conn.exec('RELEASE import_file');
          fileOpen = false;
          const counted = live[e.index]!;
          files[e.index] = { ...e.report, accepted: counted.accepted, updated: counted.updated, unchanged: counted.unchanged, duplicates: counted.duplicates };
          kept += inFile;
          inFile = 0;
          fileSeen = [];
          break;
        }
        case 'error':
          throw Object.assign(new Error(e.message), { stack: e.stack });
        case 'done':
          done = true;
          break;
      }
      cancelled();
    }
    const anything = kept > 0;
    if (!anything) {
      // Nothing to import after all: no backup either.
      const path = await backup;
      if (path) rmSync(path, { force: true });
      backupPath = null;
    }
    const sum = (k: 'accepted' | 'updated' | 'unchanged') => files.reduce((s, f) => s + f[k], 0);
    if (batchId != null)
      conn.prepare(`UPDATE import_batch SET inserted = ?, updated = ?, unchanged = ?, refused = ? WHERE id = ?`).run(
        sum('accepted'), sum('updated'), sum('unchanged'), files.reduce((s, f) => s + f.refused.length, 0), batchId,
      );
    if (opts.dryRun || !anything) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      batchId = null;
      opts.onProgress?.({ phase: 'write', done: kept, total: kept });
    } else {
      writer.flushAudit();
      opts.onProgress?.({ phase: 'finish', done: kept, total: kept });
      conn.exec('COMMIT');
      // Corrections the user made to a file's mapping are remembered for its district.
      named.forEach((input, i) => {
        const f = files[i];
        // Keyed as read-file.ts looks them up: by the chosen district, or "umum" for files with a district column.
        if (f?.status === 'imported' && input.mapping) rememberOverrides(db, f.district?.source === 'chosen' ? f.district.code : null, input.mapping);
      });
    }
  } catch (e) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw e;
  } finally {
    await reader.close();
    if (conn !== db) conn.close();
    markChanged(db);
  }
  return { files, batchId, dryRun: Boolean(opts.dryRun), backupPath };
}

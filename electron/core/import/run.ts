/**
 * Imports district submissions: reads every file, finds its IKM sheets and header, turns rows
 * into records or refusals, matches them against the registry, and writes all files in ONE
 * transaction recorded as a batch (undoable). A dry run does the same work and rolls back.
 */
import { basename } from 'node:path';
import type { IkmRecord, IkmValues } from '../../../shared/fields';
import { nameKey } from '../../../shared/text';
import { districtResolver } from '../reference/areas';
import { openDatabase, type DB } from '../db/open';
import { markChanged } from '../registry/generation';
import { getRecord } from '../registry/query';
import { osUser, RegistryWriter } from '../registry/write';
import { backupDatabase } from './backup';
import { ImportCancelledError } from './errors';
import { rememberOverrides, savedOverrides } from './mapping';
import { readFile, type Candidate, type FileInput } from './read-file';
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
}

const CHUNK = 2000;
/** Lets other requests (the grid scrolling, the progress bar) in between chunks of work. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

export async function importFiles(db: DB, inputs: ImportInput[], opts: ImportOptions = {}): Promise<ImportResult> {
  const resolver = districtResolver(db);
  const now = opts.now ?? new Date();
  const candidates: Candidate[] = [];
  const files: FileReport[] = [];
  const cancelled = () => {
    if (opts.signal?.aborted) throw new ImportCancelledError();
  };
  const read = { resolver, now, saved: (d: string | null) => savedOverrides(db, d), tick: async () => (await breathe(), cancelled()) };
  for (const input of inputs) {
    opts.onProgress?.({ phase: 'read', done: files.length, total: inputs.length, file: input.name });
    files.push(await readFile({ ...input, name: input.name ?? basename(input.path ?? ''), district: input.district ?? opts.district }, read, candidates));
    cancelled();
  }

  const anything = candidates.length > 0;
  const backupPath = !opts.dryRun && anything ? await backupDatabase(db) : null;
  // The write runs on its own connection, in chunks: the app's connection keeps reading the
  // last committed registry (WAL), so the grid stays usable until the batch commits whole.
  const conn = db.memory ? db : openDatabase(db.name);
  // A smaller page cache than the app's: a 100,000-row batch writes fine with it, and the
  // import's peak memory stays within an office laptop's means.
  if (conn !== db) conn.pragma('cache_size = -16384');
  const byNib = conn.prepare(`SELECT id FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
  const byName = conn.prepare(`SELECT id FROM ikm WHERE name_key = ? AND district_code = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`);
  const byNameWithoutNib = conn.prepare(`SELECT id FROM ikm WHERE name_key = ? AND district_code = ? AND nib IS NULL AND deleted_at IS NULL LIMIT 2`);
  const similar = conn.prepare(
    `SELECT id, business_name, nib, name_key FROM ikm INDEXED BY ikm_name_key
     WHERE name_key >= ? AND name_key < ? AND district_code = ? AND deleted_at IS NULL AND id <> ? LIMIT 20`,
  );
  const writer = new RegistryWriter(conn);
  let batchId: number | null = null;
  const seen = new Map<string, Candidate>();

  const apply = (c: Candidate) => {
    const nib = c.values.nib as string | null | undefined;
    const key = nameKey(String(c.values.business_name));
    const district = String(c.values.district_code);
    const identity = nib ? `nib:${nib}` : `name:${key}|${district}`;
    const earlier = seen.get(identity);
    if (earlier) {
      c.file.duplicates.push({
        sheet: c.sheet, row: c.row, kind: 'in_file', business_name: String(c.values.business_name),
        match: { business_name: String(earlier.values.business_name), nib: (earlier.values.nib as string) ?? null, sheet: earlier.sheet, row: earlier.row },
        reason: `Sama dengan baris ${earlier.row} (${earlier.sheet}${earlier.file !== c.file ? `, ${earlier.file.file}` : ''}); diimpor sekali.`,
      });
      return;
    }
    seen.set(identity, c);
    let existingId = ((nib ? byNib.get(nib) : byName.get(key, district)) as { id: number } | undefined)?.id;
    if (existingId == null && nib) {
      // Registered last year without an NIB, sent with one now: the only record of that name in
      // that district gets the NIB (an update), rather than the business being listed twice.
      const unnumbered = byNameWithoutNib.all(key, district) as { id: number }[];
      if (unnumbered.length === 1) existingId = unnumbered[0]!.id;
    }
    if (existingId != null) {
      const current = getRecord(conn, existingId)!;
      const fields = Object.fromEntries(Object.entries(c.values).filter(([, v]) => v != null)) as IkmValues;
      if (writer.update(current, fields, batchId) > 0) c.file.updated++;
      else c.file.unchanged++;
      return;
    }
    const id = writer.insert(c.values, batchId);
    c.file.accepted++;
    // Not certain enough to merge, too close to ignore: list for review.
    const sameName = nib ? (byName.get(key, district) as { id: number } | undefined) : undefined;
    if (sameName && sameName.id !== id) {
      const other = getRecord(conn, sameName.id) as IkmRecord;
      c.file.duplicates.push({
        sheet: c.sheet, row: c.row, kind: 'same_name_other_nib', business_name: String(c.values.business_name),
        match: { id: other.id, business_name: other.business_name, nib: other.nib },
        reason: `Nama dan kabupaten/kota sama dengan IKM yang sudah ada (NIB ${other.nib ?? 'kosong'}), tetapi NIB berbeda. Periksa apakah ini usaha yang sama.`,
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

  try {
    conn.exec('BEGIN IMMEDIATE');
    batchId = Number(
      conn
        .prepare(`INSERT INTO import_batch (at, os_user, files, inserted, updated, unchanged, refused, backup_path) VALUES (?, ?, ?, 0, 0, 0, 0, ?)`)
        .run(now.toISOString(), osUser(), JSON.stringify(files.map((f) => f.file)), backupPath).lastInsertRowid,
    );
    for (let i = 0; i < candidates.length; i++) {
      apply(candidates[i]!);
      if (i % CHUNK === CHUNK - 1) {
        opts.onProgress?.({ phase: 'write', done: i + 1, total: candidates.length });
        await breathe();
        cancelled();
      }
    }
    const sum = (k: 'accepted' | 'updated' | 'unchanged') => files.reduce((s, f) => s + f[k], 0);
    conn.prepare(`UPDATE import_batch SET inserted = ?, updated = ?, unchanged = ?, refused = ? WHERE id = ?`).run(
      sum('accepted'), sum('updated'), sum('unchanged'), files.reduce((s, f) => s + f.refused.length, 0), batchId,
    );
    if (opts.dryRun || !anything) {
      conn.exec('ROLLBACK');
      batchId = null;
    } else {
      conn.exec('COMMIT');
      // Corrections the user made to a file's mapping are remembered for its district.
      inputs.forEach((input, i) => {
        const f = files[i];
        // Keyed as read-file.ts looks them up: by the chosen district, or "umum" for files with a district column.
        if (f?.status === 'imported' && input.mapping) rememberOverrides(db, f.district?.source === 'chosen' ? f.district.code : null, input.mapping);
      });
    }
    opts.onProgress?.({ phase: 'write', done: candidates.length, total: candidates.length });
  } catch (e) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw e;
  } finally {
    if (conn !== db) conn.close();
    markChanged(db);
  }
  return { files, batchId, dryRun: Boolean(opts.dryRun), backupPath };
}

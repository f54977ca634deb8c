/**
 * Imports district submissions: reads every file, finds its IKM sheets and header, turns rows
 * into records or refusals, matches them against the registry, and writes all files in ONE
 * transaction recorded as a batch (undoable). A dry run does the same work and rolls back.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DistrictResolver } from '../../../shared/areas';
import type { IkmRecord, IkmValues } from '../../../shared/fields';
import { fold, nameKey } from '../../../shared/text';
import { districtResolver } from '../reference/areas';
import { openDatabase, type DB } from '../db/open';
import { markChanged } from '../registry/generation';
import { getRecord } from '../registry/query';
import { osUser, RegistryWriter } from '../registry/write';
import { backupDatabase } from './backup';
import { ImportFileError } from './errors';
import { findHeader, type HeaderInfo } from './header';
import { applyOverrides, headerCells, rememberOverrides, savedOverrides, type MappingOverrides } from './mapping';
import { readCsv } from './read-csv';
import { readXlsxStreaming } from './read-xlsx';
import { readRow } from './rows';
import type { FileReport, ImportProgress, ImportResult } from '../../../shared/import';
import { columnLetter, type SheetData } from './sheet';
import { sniff } from './sniff';

export interface ImportInput {
  /** File name as the user sees it (reports use it). */
  name: string;
  /** Either a path on disk or the bytes (wizard uploads). */
  path?: string;
  data?: Buffer;
  /** BPS code for files without a district column. */
  district?: string | null;
  /** The user's corrections to the column mapping (header text → field, '' = ignore). */
  mapping?: MappingOverrides;
  /** Cells corrected in the wizard before importing: "Sheet!E22" → new value. */
  fixes?: Record<string, string>;
}

export type { DuplicateNote, FileReport, ImportResult, SheetReport } from '../../../shared/import';

const SUMMARY_SHEET = /^(rekap|rekapitulasi|ringkasan|jumlah|total|summary|resume|grafik|chart|petunjuk|keterangan)/;

/** The district a file's name or title rows speak of ("DATA IKM KABUPATEN SERUYAN"). */
export function suggestDistrict(fileName: string, titles: string[], resolver: DistrictResolver): string | null {
  const haystack = ` ${fold([fileName.replace(/[_\-.]+/g, ' '), ...titles].join(' ')).replace(/[^a-z0-9]+/g, ' ')} `;
  let best: { code: string; len: number } | null = null;
  for (const d of resolver.districts) {
    for (const alias of [d.name, ...d.variants]) {
      const a = fold(alias).replace(/[^a-z0-9]+/g, ' ').trim();
      if (a.length >= 4 && haystack.includes(` ${a} `) && (!best || a.length > best.len)) best = { code: d.code, len: a.length };
    }
  }
  return best?.code ?? null;
}

interface Candidate {
  file: FileReport;
  sheet: string;
  row: number;
  values: IkmValues;
}

async function readSheets(input: ImportInput): Promise<SheetData[]> {
  let buf: Buffer;
  try {
    buf = input.data ?? readFileSync(input.path!);
  } catch (e) {
    throw new ImportFileError(`Berkas tidak dapat dibuka: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'tidak ditemukan' : (e as Error).message}.`);
  }
  return sniff(input.name, buf) === 'csv' ? readCsv(input.name, buf) : readXlsxStreaming(buf);
}

/** Reads and parses one file into candidate records; fills the file's report. */
async function parseFile(input: ImportInput, resolver: DistrictResolver, now: Date, out: Candidate[], saved: (district: string | null) => MappingOverrides): Promise<FileReport> {
  const report: FileReport = { file: input.name, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
  try {
    const sheets = await readSheets(input);
    const found: Array<{ sheet: SheetData; header: HeaderInfo }> = [];
    for (const sheet of sheets) {
      if (sheet.hidden || SUMMARY_SHEET.test(fold(sheet.name)) || sheet.rows.length === 0) continue;
      const header = findHeader(sheet.rows);
      if (header) found.push({ sheet, header });
    }
    if (found.length === 0)
      throw new ImportFileError('Tidak ditemukan tabel IKM: tidak ada baris judul kolom seperti "Nama Usaha", "NIB", "Alamat". Periksa lembar kerjanya.');
    const hasDistrictColumn = found.every((f) => f.header.columns.some((c) => c.field === 'district_code'));
    let district: string | null = null;
    if (hasDistrictColumn) report.district = { source: 'column', code: null };
    else {
      const chosen = input.district ? resolver.resolve(input.district) : null;
      if (input.district && !chosen) throw new ImportFileError(`Kode kabupaten/kota "${input.district}" tidak dikenal.`);
      if (!chosen) {
        const suggested = suggestDistrict(input.name, found.flatMap((f) => f.header.titles), resolver);
        const d = suggested ? resolver.get(suggested) : undefined;
        report.district = { source: 'missing', code: null, suggested };
        throw new ImportFileError(
          'Berkas tidak memiliki kolom kabupaten/kota. ' +
            (d ? `Judulnya menyebut ${d.type} ${d.name} (${d.code}); pilih kabupaten/kota itu (CLI: --district ${d.code}).` : 'Pilih kabupaten/kota untuk berkas ini (CLI: --district <kode BPS>).'),
          true,
        );
      }
      district = chosen.code;
      report.district = { source: 'chosen', code: chosen.code };
    }
    const perKecamatan = found.length > 1;
    const overrides = { ...saved(district), ...(input.mapping ?? {}) };
    for (const { sheet, header } of found) {
      const cells = headerCells(sheet.rows, header);
      const columns = applyOverrides(header, cells, overrides);
      const fieldOf = new Map(columns.map((c) => [c.col, c.field as string]));
      report.sheets.push({
        name: sheet.name,
        headerRow: header.headerRow,
        columns: cells.map((c) => ({ column: columnLetter(c.col + 1), header: c.header, field: fieldOf.get(c.col) ?? '' })),
      });
      const ctx = {
        sheet: sheet.name,
        columns,
        districts: resolver,
        district,
        kecamatan: perKecamatan && !header.columns.some((c) => c.field === 'kecamatan') ? sheet.name : null,
        date1904: sheet.date1904,
        now,
      };
      applyFixes(sheet, input.fixes);
      for (let i = header.headerRow; i < sheet.rows.length; i++) {
        if (i % 5000 === 0) await breathe();
        const r = readRow(sheet.rows[i] ?? [], i + 1, ctx);
        if (r.kind === 'refused') report.refused.push(r.problem);
        else if (r.kind === 'record') {
          report.warnings.push(...r.warnings);
          out.push({ file: report, sheet: sheet.name, row: i + 1, values: r.values });
        }
      }
    }
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    report.status = 'refused';
    report.message = e.message;
    if (e.needsChoice) report.needsDistrict = true;
  }
  return report;
}

/** Cells the user corrected in the wizard, addressed as Excel does ("IKM!E22"). */
function applyFixes(sheet: SheetData, fixes: Record<string, string> | undefined): void {
  for (const [address, value] of Object.entries(fixes ?? {})) {
    const m = address.match(/^(.*)!([A-Z]{1,3})(\d{1,7})$/);
    if (!m || m[1] !== sheet.name) continue;
    const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = (sheet.rows[Number(m[3]) - 1] ??= []);
    while (row.length <= col) row.push(null);
    row[col] = value.trim() === '' ? null : value;
  }
}

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
    if (opts.signal?.aborted) throw new ImportFileError('Impor dibatalkan; tidak ada yang disimpan.');
  };
  for (const input of inputs) {
    opts.onProgress?.({ phase: 'read', done: files.length, total: inputs.length, file: input.name });
    files.push(
      await parseFile({ ...input, name: input.name ?? basename(input.path ?? ''), district: input.district ?? opts.district }, resolver, now, candidates, (d) =>
        savedOverrides(db, d),
      ),
    );
    cancelled();
  }

  const anything = candidates.length > 0;
  const backupPath = !opts.dryRun && anything ? await backupDatabase(db) : null;
  // The write runs on its own connection, in chunks: the app's connection keeps reading the
  // last committed registry (WAL), so the grid stays usable until the batch commits whole.
  const conn = db.memory ? db : openDatabase(db.name);
  const byNib = conn.prepare(`SELECT id FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
  const byName = conn.prepare(`SELECT id FROM ikm WHERE name_key = ? AND district_code = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`);
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
    const existingId = ((nib ? byNib.get(nib) : byName.get(key, district)) as { id: number } | undefined)?.id;
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
        if (f?.status === 'imported' && input.mapping) rememberOverrides(db, f.district?.code ?? null, input.mapping);
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

/**
 * Imports district submissions: reads every file, finds its IKM sheets and header, turns rows
 * into records or refusals, matches them against the registry, and writes all files in ONE
 * import batch (withImportBatch: backup, one transaction, undoable). A dry run does the same work
 * and rolls back.
 *
 * Reading and writing overlap: the files are read and parsed in a worker thread (reader.ts)
 * while this thread writes the records already read. Each file's writes sit in a savepoint, so a
 * file found unreadable halfway is dropped whole, as if it had never been read.
 */
import { basename } from 'node:path';
import { type IkmFieldKey, type IkmRecord, type IkmValues } from '../../../shared/fields';
import { nameKey } from '../../../shared/text';
import { districtResolver } from '../reference/areas';
import type { DB } from '../db/open';
import { getRecord, RECORD_COLUMNS } from '../registry/query';
import { RegistryWriter } from '../registry/write';
import { withImportBatch } from './batch';
import { rememberImported, savedOverrides, type MappingOverrides } from './mapping';
import type { FileInput, ReadRecord } from './read-file';
import { unpackRecords } from './read-files';
import { startReader } from './reader';
import { noteText, rowKey, type DuplicateNote, type Keyed, type FieldChange, type FileReport, type ImportDecisions, type ImportProgress, type ImportResult, type MergeTarget } from '../../../shared/import';
import { decide, distance, realNib, repeats, type Match, type MatchedBy } from './match';

/** A file to import, with the user's choices from its preview (merges, conflicts resolved to the file's value). */
export type ImportInput = FileInput & { decisions?: ImportDecisions };
export type { DuplicateNote, FileReport, ImportResult, SheetReport } from '../../../shared/import';
export { suggestDistrict } from './suggest-district';

export interface ImportOptions {
  dryRun?: boolean;
  district?: string | null;
  now?: Date;
  onProgress?(p: ImportProgress): void;
  /** Aborting cancels the import; nothing is written. */
  signal?: AbortSignal;
  /** Read the files on this thread rather than in a worker (tests of both ways). */
  inlineReader?: boolean;
  /** Every conflict takes the file's value (CLI --take-file); otherwise only those named in a file's decisions. */
  takeFile?: boolean;
}

const CHUNK = 2000;
/** Lets other requests (the grid scrolling, the progress bar) in between chunks of work. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

/** A record being written, with the file it came from. */
interface Candidate extends ReadRecord {
  file: FileReport;
  /** Index of its file in the import. */
  index: number;
}

const emptyReport = (file: string): FileReport => ({
  file, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [], changes: [],
});

/** A row of the import that created or changed a record (later rows repeating it are told so). */
interface Origin {
  file: FileReport;
  sheet: string;
  row: number;
  name: string;
}

/** "The same business as row …", by what made them the same. */
const SAME_BY: Record<MatchedBy, Keyed['key']> = {
  nib: 'imp.match.same.nib',
  owner: 'imp.match.same.owner',
  address: 'imp.match.same.address',
  exact: 'imp.match.same.exact',
  chosen: 'imp.match.same.chosen',
};

export async function importFiles(db: DB, inputs: ImportInput[], opts: ImportOptions = {}): Promise<ImportResult> {
  const resolver = districtResolver(db);
  const now = opts.now ?? new Date();
  const named = inputs.map((input) => ({ ...input, name: input.name ?? basename(input.path ?? ''), district: input.district ?? opts.district }));
  // The mappings remembered for each district a file is given (and for files naming theirs in a column).
  const saved: Record<string, MappingOverrides> = { '': savedOverrides(db, null) };
  for (const input of named) {
    const code = input.district ? resolver.resolve(input.district)?.code : undefined;
    if (code) saved[code] = savedOverrides(db, code);
  }
  // The write runs on the batch's own connection, in chunks: the app's connection keeps reading
  // the last committed registry (WAL), so the grid stays usable until the batch commits whole.
  const result = await withImportBatch(db, { kind: 'ikm', files: named.map((f) => f.name), dryRun: opts.dryRun, now, signal: opts.signal }, async (batch) => {
    const conn = batch.conn;
    const cancelled = batch.checkCancelled;
    // Each file's report: the reader's, once the file is read, with what the writer counted.
    const files: FileReport[] = named.map((input) => emptyReport(input.name));
    const live: FileReport[] = named.map((input) => emptyReport(input.name));
    // The whole record at once: a match is compared field by field (one query for the NIB, one for
    // the name; a row with an NIB looks up its name only when the NIB is new).
    const byNib = conn.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
    // Sorted here, not by ORDER BY: with SQLite 3.54 an ORDER BY id LIMIT on this lookup costs
    // 25–40 µs more a call (measured; 3.53 did not), a third of an empty import's writer time.
    const byName = conn.prepare(`SELECT ${RECORD_COLUMNS} FROM ikm WHERE name_key = ? AND district_code = ? AND deleted_at IS NULL LIMIT 8`);
    const similar = conn.prepare(
      `SELECT id, business_name, nib, name_key FROM ikm INDEXED BY ikm_name_key
       WHERE name_key >= ? AND name_key < ? AND district_code = ? AND deleted_at IS NULL AND id <> ? LIMIT 20`,
    );
    // A record's last writes, newest first: a field last written by hand (not by an import) is the province's own work.
    const writes = conn.prepare(`SELECT field, action, at, os_user FROM audit_log WHERE ikm_id = ? ORDER BY id DESC LIMIT 500`);
    const writer = new RegistryWriter(conn, { gatherAudit: true });
    // The row each record was written from (the first, when several rows of the import are one business).
    const provenance = conn.prepare(`INSERT OR IGNORE INTO import_source (ikm_id, batch_id, file, sheet, row) VALUES (?, ?, ?, ?, ?)`);
    let batchId: number | null = null;
    /** Records this import created or changed, with the row that did (for rows repeating it). */
    const touched = new Map<number, Origin>();
    /** Records touched first by the file being read (forgotten if it is dropped). */
    let fileTouched: number[] = [];
    /** Rows the user chose as merge targets, by "file|Sheet!row" → the record they became. */
    const targetRows = new Set<string>();
    const targetIds = new Map<string, number>();
    const targetName = (file: string, t: Extract<MergeTarget, { sheet: string }>) => `${t.file ?? file}|${rowKey(t.sheet, t.row)}`;
    for (const input of named) for (const t of Object.values(input.decisions?.merge ?? {})) if ('sheet' in t) targetRows.add(targetName(input.name, t));

    /** Fields the registry has from a hand edit made after the record's last import: field → who and when. */
    const handEdits = (record: IkmRecord, fields: readonly string[]): Map<string, { at: string; os_user: string }> => {
      const out = new Map<string, { at: string; os_user: string }>();
      const open = new Set(fields);
      for (const w of writes.iterate(record.id) as Iterable<{ field: string | null; action: string; at: string; os_user: string }>) {
        if (w.field == null) {
          // Created: by hand, every value it has is the province's; by an import, nothing is.
          if (w.action === 'create') for (const f of open) if (record[f as IkmFieldKey] != null) out.set(f, { at: w.at, os_user: w.os_user });
          if (w.action === 'create' || w.action === 'import') break;
          continue;
        }
        if (!open.has(w.field)) continue;
        open.delete(w.field);
        if (w.action === 'update') out.set(w.field, { at: w.at, os_user: w.os_user });
        if (open.size === 0) break;
      }
      return out;
    };

    const note = (c: Candidate, kind: DuplicateNote['kind'], said: Keyed | Keyed[], match: DuplicateNote['match'], mergeable = false) =>
      c.file.duplicates.push({
        sheet: c.sheet, row: c.row, key: rowKey(c.sheet, c.row), kind, business_name: String(c.values.business_name), match,
        reason: noteText({ reason: '', messageKey: said }, 'id'), messageKey: said,
        values: { owner_name: (c.values.owner_name as string | null) ?? null, address: (c.values.address as string | null) ?? null, nib: (c.values.nib as string | null) ?? null, district_code: String(c.values.district_code) },
        ...(mergeable ? { mergeable } : {}),
      });
    const described = (r: IkmRecord): NonNullable<DuplicateNote['match']> => ({
      id: r.id, business_name: r.business_name, nib: r.nib, owner_name: (r.owner_name as string | null) ?? null, address: (r.address as string | null) ?? null, district_code: r.district_code,
    });
    /** The params of "baris {row} ({sheet}{file})": an earlier row, its file named when it is another. */
    const where = (o: Origin, c: Candidate) => ({ row: o.row, sheet: o.sheet, file: o.file !== c.file ? `, ${o.file.file}` : '' });
    const remember = (id: number, c: Candidate) => {
      if (touched.has(id)) return;
      touched.set(id, { file: c.file, sheet: c.sheet, row: c.row, name: String(c.values.business_name) });
      fileTouched.push(id);
    };

    const apply = (c: Candidate) => {
      const input = named[c.index]!;
      const key = rowKey(c.sheet, c.row);
      // A placeholder NIB (0, 0000000000000) is no NIB: never matched, never written.
      const nib = realNib(c.values.nib);
      if (c.values.nib != null && !nib) delete c.values.nib;
      const name = nameKey(String(c.values.business_name));
      const district = String(c.values.district_code);
      const chosen = input.decisions?.merge?.[key];
      let m: Match;
      const target = chosen ? ('id' in chosen ? getRecord(conn, chosen.id) : ((id) => (id != null ? getRecord(conn, id) : undefined))(targetIds.get(targetName(input.name, chosen)))) : undefined;
      if (target) m = { kind: 'same', record: target, by: 'chosen' };
      else {
        const found = nib ? (byNib.get(nib) as IkmRecord | undefined) : undefined;
        m = decide(c.values, nib, found, found ? [] : (byName.all(name, district) as IkmRecord[]).sort((a, b) => a.id - b.id));
      }
      const written = (id: number) => {
        provenance.run(id, batchId, input.name, c.sheet, c.row);
        remember(id, c);
        const t = `${input.name}|${key}`;
        if (targetRows.has(t)) targetIds.set(t, id);
      };

      if (m.kind === 'same') {
        const record = m.record;
        const earlier = touched.get(record.id);
        if (earlier) {
          // The import itself wrote this record from an earlier row: a repeat is imported once; a
          // row that says more fills only what the earlier row left empty (never overwrites it).
          if (repeats(c.values, record)) {
            note(c, 'in_file', { key: 'imp.match.repeat', params: where(earlier, c) }, { business_name: earlier.name, nib: record.nib, sheet: earlier.sheet, row: earlier.row, file: earlier.file.file });
            return;
          }
          const fill = Object.fromEntries(Object.entries(c.values).filter(([k, v]) => v != null && record[k as IkmFieldKey] == null)) as IkmValues;
          const differ = (Object.keys(c.values) as IkmFieldKey[]).filter((k) => c.values[k] != null && record[k] != null && c.values[k] !== record[k]);
          writer.update(record, fill, batchId);
          note(
            c, 'in_file_same',
            [{ key: SAME_BY[m.by], params: where(earlier, c) }, ...(differ.length ? [{ key: 'imp.match.differ' as const, params: { n: differ.length, ...where(earlier, c) } }] : [])],
            { business_name: earlier.name, nib: record.nib, sheet: earlier.sheet, row: earlier.row, file: earlier.file.file },
          );
          if (differ.length) c.file.duplicates[c.file.duplicates.length - 1]!.fields = differ;
          if (m.by === 'chosen') c.file.duplicates[c.file.duplicates.length - 1]!.merged = true;
          return;
        }
        const fields = (Object.keys(c.values) as IkmFieldKey[]).filter((k) => c.values[k] != null && c.values[k] !== (record[k] ?? null));
        if (fields.length === 0) {
          c.file.unchanged++;
          remember(record.id, c);
          return;
        }
        const edits = handEdits(record, fields);
        const take = (f: string) => opts.takeFile || (input.decisions?.takeFile?.includes(`${key}:${f}`) ?? false);
        const changes: FieldChange[] = fields.map((f) => {
          const conflict = edits.get(f);
          return { field: f, from: record[f] ?? null, to: c.values[f] ?? null, ...(conflict ? { conflict, taken: take(f) } : {}) };
        });
        const write = Object.fromEntries(changes.filter((x) => !x.conflict || x.taken).map((x) => [x.field, c.values[x.field as IkmFieldKey]])) as IkmValues;
        c.file.changes!.push({ sheet: c.sheet, row: c.row, key, id: record.id, business_name: record.business_name, by: m.by, fields: changes });
        if (writer.update(record, write, batchId) > 0) {
          c.file.updated++;
          provenance.run(record.id, batchId, input.name, c.sheet, c.row);
        } else c.file.unchanged++;
        remember(record.id, c);
        if (m.by === 'chosen') note(c, 'likely_duplicate', { key: 'imp.match.chosen', params: { name: record.business_name } }, described(record));
        if (m.by === 'chosen') c.file.duplicates[c.file.duplicates.length - 1]!.merged = true;
        return;
      }

      if (m.kind === 'nib_conflict') {
        // Not the business the registry knows by that NIB: kept as a business of its own, without
        // the NIB (it is unique), and listed; the user may say it is the same business after all.
        const values = { ...c.values };
        delete values.nib;
        const id = writer.insert(values, batchId, name);
        c.file.accepted++;
        written(id);
        const earlier = touched.get(m.record.id);
        note(
          c, 'nib_conflict',
          earlier
            ? { key: 'imp.match.nibConflictRow', params: { nib: nib!, name: m.record.business_name, ...where(earlier, c) } }
            : { key: 'imp.match.nibConflict', params: { nib: nib!, name: m.record.business_name, district: m.record.district_code } },
          earlier ? { ...described(m.record), id: undefined, sheet: earlier.sheet, row: earlier.row, file: earlier.file.file } : described(m.record),
          true,
        );
        return;
      }

      const id = writer.insert(c.values, batchId, name);
      c.file.accepted++;
      written(id);
      if (m.pair) {
        const other = m.pair.record;
        const earlier = touched.get(other.id);
        const match = earlier ? { ...described(other), id: undefined, sheet: earlier.sheet, row: earlier.row, file: earlier.file.file } : described(other);
        const otherNib = other.nib ?? '-';
        if (m.pair.why === 'other_nib')
          note(c, 'same_name_other_nib', earlier ? { key: 'imp.match.otherNibRow', params: { nib: otherNib, ...where(earlier, c) } } : { key: 'imp.match.otherNib', params: { nib: otherNib } }, match, true);
        else note(c, 'likely_duplicate', earlier ? { key: 'imp.match.likelyRow', params: where(earlier, c) } : { key: 'imp.match.likely' }, match, true);
      } else if (!nib && name.length >= 6) {
        // A row with its own NIB is a registered business (an identical name was checked above);
        // names that differ only in digits ("Berkah 1", "Berkah 2") are branches, not typos.
        const letters = name.replace(/\d+/g, '');
        const near = (similar.all(name.slice(0, 4), `${name.slice(0, 4)}\uffff`, district, id) as { id: number; business_name: string; nib: string | null; name_key: string }[]).find(
          (o) => o.name_key.replace(/\d+/g, '') !== letters && distance(o.name_key, name, 2) <= 2,
        );
        if (near) {
          const earlier = touched.get(near.id);
          note(c, 'similar_name', { key: 'imp.match.similar', params: { name: near.business_name } },
            earlier ? { business_name: near.business_name, nib: near.nib, sheet: earlier.sheet, row: earlier.row, file: earlier.file.file } : { id: near.id, business_name: near.business_name, nib: near.nib }, true);
        }
      }
    };

    // The batch's backup is being copied meanwhile (withImportBatch): it is whole before the first write.
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
      for (const id of fileTouched) touched.delete(id);
      fileTouched = [];
      for (const [t, id] of targetIds) if (!touched.has(id)) targetIds.delete(t);
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
            // The first record: the registry is backed up, then the write lock taken for the whole batch.
            if (batchId == null) batchId = await batch.begin();
            if (!fileOpen) {
              conn.exec('SAVEPOINT import_file');
              fileOpen = true;
            }
            const file = live[e.index]!;
            for (const r of unpackRecords(e)) {
              apply({ file, index: e.index, sheet: r.sheet, row: r.row, values: r.values });
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
            files[e.index] = { ...e.report, accepted: counted.accepted, updated: counted.updated, unchanged: counted.unchanged, duplicates: counted.duplicates, changes: counted.changes };
            kept += inFile;
            inFile = 0;
            fileTouched = [];
            break;
          }
          case 'done':
            done = true;
            break;
        }
        cancelled();
      }
      if (opts.dryRun || kept === 0) opts.onProgress?.({ phase: 'write', done: kept, total: kept });
      else {
        writer.flushAudit();
        opts.onProgress?.({ phase: 'finish', done: kept, total: kept });
      }
      return files;
    } finally {
      await reader.close();
    }
  });
  // Corrections the user made to a file's mapping are remembered for its district, keyed as
  // read-file.ts looks them up: by the chosen district, or "umum" for files with a district column.
  rememberImported(db, result, named, (f) => (f.district?.source === 'chosen' ? f.district.code : null));
  // The header the user named as the business name is what finds the table, before a file without
  // a district column has its district: that naming is remembered for every file ("umum") too.
  const businessName = named.map((i) => ({ mapping: Object.fromEntries(Object.entries(i.mapping ?? {}).filter(([, f]) => f === 'business_name')) }));
  rememberImported(db, result, businessName, () => null);
  return result;
}

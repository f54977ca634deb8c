/**
 * Go Ekspor spreadsheets from the districts: participant lists of an activity (attendance per IKM)
 * and certificate lists (legality, halal, PIRT, merek…). Read with the same tolerant table reader
 * as the registry's imports; each row is matched to a registry IKM by NIB, else by name and
 * district. A row that cannot be matched or read is refused with its sheet, row, column and reason;
 * the rest lands in one import batch (withImportBatch: backup, one transaction, dry run, undo).
 * Re-importing changes nothing.
 */
import type { FileReport, ImportResult, RowProblem } from '../../../shared/import';
import { CERT_TYPES, type CertStatus, type CertType } from '../../../shared/goekspor';
import { parseDate, parseNib } from '../../../shared/parse';
import { fold, nameKey } from '../../../shared/text';
import { message, type MessageKey } from '../../../shared/messages';
import { ValidationError } from '../api/errors';
import type { DB } from '../db/open';
import { withImportBatch } from '../import/batch';
import { ImportFileError } from '../import/errors';
import { vocabulary, type ColumnMapping } from '../import/header';
import { rowProblem, type ProblemParams } from '../import/problem';
import { isJunkRow } from '../import/junk';
import { cellText as text, type RawCell } from '../import/sheet';
import { readTables, type SpreadsheetInput } from '../import/tables';
import { districtResolver } from '../reference/areas';
import { addFeatured, getActivity, localToday, saveCertificate, setParticipant, type CertificateInput } from './store';

const IKM_WORDS = {
  nib: ['nib', 'no nib', 'nomor nib', 'nomor induk berusaha'],
  business_name: ['nama usaha', 'nama ikm', 'nama perusahaan', 'nama umkm', 'nama ukm', 'nama pelaku usaha', 'pelaku usaha', 'nama industri', 'ikm', 'nama usaha ikm'],
  district_code: ['kab kota', 'kabupaten kota', 'kabupaten', 'kab', 'asal', 'asal kabupaten kota', 'wilayah', 'kota kabupaten'],
};

type PField = 'nib' | 'business_name' | 'district_code' | 'attended' | 'note' | 'owner';
export const PARTICIPANT_VOCABULARY = vocabulary<PField>(
  {
    ...IKM_WORDS,
    attended: ['hadir', 'kehadiran', 'absensi', 'presensi', 'status kehadiran', 'hadir tidak'],
    note: ['keterangan', 'catatan', 'ket'],
    owner: ['nama pemilik', 'pemilik', 'nama peserta', 'peserta', 'nama'],
  },
  'business_name',
  2,
);

type CField = 'nib' | 'business_name' | 'district_code' | 'type' | 'number' | 'issued_on' | 'expires_on' | 'status' | 'status_since' | 'notes';
export const CERTIFICATE_VOCABULARY = vocabulary<CField>(
  {
    ...IKM_WORDS,
    type: ['jenis', 'jenis sertifikat', 'jenis izin', 'jenis legalitas', 'sertifikat', 'legalitas', 'izin', 'jenis perizinan', 'perizinan'],
    // Not "No" alone: that is the row number of every Indonesian list.
    number: ['nomor sertifikat', 'no sertifikat', 'nomor izin', 'no izin', 'nomor registrasi', 'no registrasi', 'nomor pendaftaran'],
    issued_on: ['tanggal terbit', 'tgl terbit', 'tanggal penerbitan', 'terbit', 'tanggal sertifikat', 'tanggal izin'],
    expires_on: ['berlaku sampai', 'berlaku s d', 'masa berlaku', 'tanggal kedaluwarsa', 'tanggal berakhir', 'tgl berakhir', 'kedaluwarsa', 'expired', 'berlaku hingga'],
    status: ['status', 'status sertifikat', 'status izin', 'tahap'],
    status_since: ['tanggal mulai', 'mulai proses', 'tanggal pengajuan', 'tgl pengajuan', 'tanggal daftar', 'sejak', 'tanggal status', 'mulai'],
    notes: ['keterangan', 'catatan', 'ket'],
  },
  'business_name',
  3,
  { not: { number: ['urut'] } },
);

/**
 * The one certificate type a list is of, for rows without a type cell: named by its number
 * column ("No. Sertifikat Halal") or its title ("Penerima Fasilitasi Sertifikasi Halal"). A
 * title naming several ("NIB dan PIRT") names none.
 */
function listType(texts: readonly (string | undefined)[]): { type: CertType; from: string } | null {
  for (const t of texts) {
    if (!t) continue;
    const types = new Set(t.split(/,|\/|&|\bdan\b|\batau\b/i).map((part) => parseCertType(part)?.type).filter((x) => x && x !== 'lainnya'));
    if (types.size === 1) return { type: [...types][0]!, from: t };
    if (types.size > 1) return null;
  }
  return null;
}

type FField = 'nib' | 'business_name' | 'district_code' | 'product' | 'commodity';
/** The attachment of an SK Gubernur: each featured product with its IKM. */
export const FEATURED_VOCABULARY = vocabulary<FField>(
  {
    ...IKM_WORDS,
    product: ['produk', 'nama produk', 'produk unggulan', 'jenis produk', 'nama produk unggulan', 'produk unggulan daerah'],
    commodity: ['komoditi', 'komoditas', 'cabang industri', 'jenis komoditi', 'kelompok komoditi'],
  },
  'product',
  2,
);

/** "Sertifikat Halal", "SPP-IRT", "BPOM MD", "HKI/Merek", "ISO 22000" → a type (and a label for "lainnya"). */
export function parseCertType(raw: string): { type: CertType; label: string | null } | null {
  const f = fold(raw).replace(/[-_/.]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!f) return null;
  if ((CERT_TYPES as readonly string[]).includes(f.replace(/ /g, '_'))) return { type: f.replace(/ /g, '_') as CertType, label: null };
  if (/\bhalal\b/.test(f)) return { type: 'halal', label: null };
  if (/\bnib\b|nomor induk berusaha/.test(f)) return { type: 'nib', label: null };
  if (/\b(p ?irt|spp ?irt|pirt)\b/.test(f)) return { type: 'pirt', label: null };
  if (/\bml\b/.test(f)) return { type: 'bpom_ml', label: null };
  if (/\b(bpom|md|pom)\b/.test(f)) return { type: 'bpom_md', label: null };
  if (/\bsni\b/.test(f)) return { type: 'sni', label: null };
  if (/\b(merek|merk|haki|hki|hak kekayaan|brand)\b/.test(f)) return { type: 'merek', label: null };
  return { type: 'lainnya', label: raw.trim().slice(0, 100) };
}

export function parseCertStatus(raw: string): CertStatus | null {
  const f = fold(raw);
  if (!f) return null;
  if (/kedaluwarsa|kadaluarsa|kadaluwarsa|expired|habis|mati|tidak berlaku/.test(f)) return 'kedaluwarsa';
  if (/^(belum|tidak ada|blm|-)/.test(f)) return 'belum';
  if (/proses|diajukan|pengajuan|pendampingan|verifikasi|audit|menunggu|sedang/.test(f)) return 'proses';
  if (/terbit|sudah|ada|selesai|aktif|berlaku|ok|ya/.test(f)) return 'terbit';
  return null;
}

/** Empty means attended (being on the list); "tidak", "absen", "0", "-" mean absent. */
export function parseAttended(raw: RawCell | undefined): boolean | null {
  if (raw == null || raw === '') return true;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : null;
  const f = fold(String(raw)).replace(/[.!]+$/, '');
  if (['-', 'x', '0', 't', 'no', 'false'].includes(f) || /^(tidak|tdk|absen|alpa|alpha|izin|ijin|sakit|batal)\b/.test(f)) return false;
  if (['v', '√', '✓', '✔', '1', 'h', 'y', 'ok', 'yes', 'true'].includes(f) || /^(ya|hadir)\b/.test(f)) return true;
  return null;
}

/** Fields that make a row by themselves: a list may give only the IKM's name or NIB. */
const ALONE = ['business_name', 'nib'] as const;

type Refusal = { key: MessageKey; params?: ProblemParams };
interface Matcher {
  match(nib: string | null, name: string, district: string | null): { id: number } | Refusal;
}

function matcher(db: DB): Matcher {
  const byNib = db.prepare(`SELECT id FROM ikm WHERE nib = ? AND deleted_at IS NULL`);
  const byName = db.prepare(`SELECT id, district_code FROM ikm WHERE name_key = ? AND deleted_at IS NULL LIMIT 20`);
  return {
    match(nib, name, district): { id: number } | Refusal {
      if (nib) {
        const r = byNib.get(nib) as { id: number } | undefined;
        if (r) return r;
        if (!name) return { key: 'imp.ge.nibUnknown', params: { nib } };
      }
      if (!name) return { key: 'imp.ge.noName' };
      const all = byName.all(nameKey(name)) as { id: number; district_code: string }[];
      const here = district ? all.filter((r) => r.district_code === district) : all;
      if (here.length === 1) return here[0]!;
      if (here.length > 1) return { key: district ? 'imp.ge.ambiguous' : 'imp.ge.ambiguousAll', params: { n: here.length, name } };
      return { key: district ? 'imp.ge.notFoundHere' : 'imp.ge.notFound', params: { who: `"${name}"${nib ? ` (NIB ${nib})` : ''}` } };
    },
  };
}

export interface GoEksporImportOptions {
  kind: 'participants' | 'certificates' | 'featured';
  activityId?: number;
  /** For a decree's product list: the decree the products belong to. */
  decreeId?: number;
  dryRun?: boolean;
  today?: string;
  signal?: AbortSignal;
}

export async function importGoEkspor(db: DB, input: SpreadsheetInput, opts: GoEksporImportOptions): Promise<ImportResult> {
  const today = opts.today ?? localToday();
  if (opts.kind === 'participants') {
    if (!opts.activityId) throw ImportFileError.of('imp.ge.chooseActivity');
    getActivity(db, opts.activityId);
  }
  if (opts.kind === 'featured' && !(opts.decreeId && db.prepare(`SELECT 1 FROM ge_decree WHERE id = ? AND deleted_at IS NULL`).get(opts.decreeId)))
    throw ImportFileError.of('imp.ge.chooseDecree');
  return withImportBatch(db, { kind: 'goekspor', files: [input.name], dryRun: opts.dryRun, signal: opts.signal }, (batch) => readAndWrite(batch.conn, batch, input, opts, today));
}

async function readAndWrite(db: DB, batch: { begin(): Promise<number> }, input: SpreadsheetInput, opts: GoEksporImportOptions, today: string): Promise<FileReport[]> {
  const report: FileReport = { file: input.name, status: 'imported', sheets: [], accepted: 0, updated: 0, unchanged: 0, refused: [], warnings: [], duplicates: [] };
  const districts = districtResolver(db);
  const who = matcher(db);
  type Job = { sheet: string; row: number; run(): 'inserted' | 'updated' | 'unchanged' };
  const jobs: Job[] = [];
  try {
    let tables = 0;
    const vocab = opts.kind === 'participants' ? PARTICIPANT_VOCABULARY : opts.kind === 'featured' ? FEATURED_VOCABULARY : CERTIFICATE_VOCABULARY;
    for await (const table of readTables<string>(input, vocab)) {
      tables++;
      report.sheets.push({ name: table.sheet, headerRow: table.header.headerRow, columns: table.cells });
      const col = (f: string) => table.columns.find((c) => c.field === f);
      // A list of one certificate type: said on the column it is read from (number, else name).
      const implied = opts.kind === 'certificates' ? listType([col('number')?.header, ...table.header.titles]) : null;
      if (implied) {
        const shown = table.cells.find((c) => c.field === (col('number') ? 'number' : 'business_name'));
        shown?.why?.push({ key: 'map.certType', params: { from: implied.from } });
      }
      /** Each thing recorded from this sheet, and its row: a repeat is recorded once. */
      const seen = new Map<string, number>();
      const repeated = (key: string, row: number, reason: MessageKey, name: string): boolean => {
        const earlier = seen.get(key);
        if (earlier == null) {
          seen.set(key, row);
          return false;
        }
        const params = { row: earlier };
        report.duplicates.push({ sheet: table.sheet, row, kind: 'in_file', business_name: name, reason: message('id', reason, params), messageKey: { key: reason, params } });
        return true;
      };
      for await (const { number, cells } of table.rows) {
        const get = (f: string) => {
          const m = col(f);
          return m ? cells[m.col] : undefined;
        };
        // A lone name or NIB is an IKM to match; a lone anything else is a note (the one junk rule).
        if (isJunkRow(cells, table.columns, ALONE)) continue;
        table.unmapped.see(cells);
        const problem = (m: ColumnMapping<string> | undefined, key: MessageKey, params?: ProblemParams): RowProblem =>
          rowProblem(
            { sheet: table.sheet, row: number, column: m, name: text(get('business_name')), original: Object.fromEntries(table.columns.map((c) => [c.header, text(cells[c.col])])) },
            key,
            params,
          );
        const nibP = parseNib(get('nib') ?? null);
        if (!nibP.ok) {
          report.refused.push(problem(col('nib'), nibP.error.key, nibP.error.params));
          continue;
        }
        const districtText = text(get('district_code'));
        const district = districtText ? districts.resolve(districtText) : null;
        if (districtText && !district) {
          report.refused.push(problem(col('district_code'), 'imp.ge.district', { value: districtText }));
          continue;
        }
        const name = text(get('business_name'));
        const m = who.match(nibP.value, name, district?.code ?? null);
        if ('key' in m) {
          report.refused.push(problem(col(nibP.value ? 'nib' : 'business_name'), m.key, m.params));
          continue;
        }
        if (opts.kind === 'participants') {
          const attended = parseAttended(get('attended'));
          if (attended == null) {
            report.refused.push(problem(col('attended'), 'imp.ge.attended', { value: text(get('attended')) }));
            continue;
          }
          if (repeated(String(m.id), number, 'imp.ge.sameParticipant', name)) continue;
          const note = text(get('note')) || undefined;
          jobs.push({ sheet: table.sheet, row: number, run: () => setParticipant(db, { activity_id: opts.activityId!, ikm_id: m.id, attended, note }, 'import').changed });
          continue;
        }
        if (opts.kind === 'featured') {
          const product = text(get('product'));
          if (!product) {
            report.refused.push(problem(col('product'), 'imp.ge.noProduct'));
            continue;
          }
          if (repeated(`${m.id}|${fold(product)}`, number, 'imp.ge.sameProduct', name)) continue;
          const commodity = text(get('commodity')) || null;
          jobs.push({
            sheet: table.sheet,
            row: number,
            run: () => {
              const had = db
                .prepare(`SELECT 1 FROM ge_featured WHERE decree_id = ? AND ikm_id = ? AND lower(product) = lower(?) AND deleted_at IS NULL`)
                .get(opts.decreeId, m.id, product);
              if (had) return 'unchanged';
              addFeatured(db, { decree_id: opts.decreeId!, ikm_id: m.id, product, commodity });
              return 'inserted';
            },
          });
          continue;
        }
        const typeText = text(get('type'));
        const type = typeText ? parseCertType(typeText) : implied ? { type: implied.type, label: null } : null;
        if (!type) {
          report.refused.push(problem(col('type'), 'imp.ge.noType'));
          continue;
        }
        const dates: Partial<Record<'issued_on' | 'expires_on' | 'status_since', string | null>> = {};
        let bad: RowProblem | null = null;
        for (const f of ['issued_on', 'expires_on', 'status_since'] as const) {
          const p = parseDate(get(f) ?? null, table.date1904);
          if (!p.ok) {
            bad = problem(col(f), p.error.key, p.error.params);
            break;
          }
          dates[f] = p.value;
        }
        if (bad) {
          report.refused.push(bad);
          continue;
        }
        const statusText = text(get('status'));
        const number_ = text(get('number')) || null;
        let status = parseCertStatus(statusText);
        if (statusText && !status) {
          report.refused.push(problem(col('status'), 'imp.ge.status', { value: statusText }));
          continue;
        }
        status ??= number_ || dates.issued_on ? 'terbit' : 'belum';
        if (status === 'terbit' && dates.expires_on && dates.expires_on < today) status = 'kedaluwarsa';
        const input: CertificateInput = { ikm_id: m.id, type: type.type, label: type.label, number: number_, status, issued_on: dates.issued_on ?? null, expires_on: dates.expires_on ?? null, status_since: dates.status_since ?? null, notes: text(get('notes')) || null };
        if (repeated(`${m.id}|${type.type}|${type.label ?? ''}|${number_ ?? ''}`, number, 'imp.ge.sameCertificate', name)) continue;
        const sheet = table.sheet;
        jobs.push({
          sheet,
          row: number,
          run: () => {
            const existing = db
              .prepare(
                `SELECT id, type, label, number, issued_on, expires_on, status, status_since, notes FROM ge_certificate WHERE ikm_id = ? AND type = ? AND deleted_at IS NULL
                 AND (number IS ? OR number IS NULL OR ? IS NULL) AND (label IS ? OR type <> 'lainnya') ORDER BY (number IS ?) DESC, id LIMIT 1`,
              )
              .get(m.id, type.type, number_, number_, type.label, number_) as Record<string, string | null> & { id: number } | undefined;
            if (!existing) {
              const applied = input.status_since;
              if (input.status === 'terbit' && applied && input.issued_on && applied < input.issued_on) {
                // The application date starts a "proses" step; the issue date starts "terbit".
                const c = saveCertificate(db, { ...input, status: 'proses', status_since: applied, issued_on: null, expires_on: null }, { today, action: 'import' });
                saveCertificate(db, { ...input, id: c.id, status_since: input.issued_on }, { today, action: 'import' });
              } else saveCertificate(db, input, { today, action: 'import' });
              return 'inserted';
            }
            // Blank cells keep what is recorded; the status' start date stays unless the status changes.
            const merged: CertificateInput = {
              id: existing.id, ikm_id: m.id, type: type.type, label: type.label ?? existing.label,
              number: number_ ?? existing.number, issued_on: input.issued_on ?? existing.issued_on, expires_on: input.expires_on ?? existing.expires_on,
              status: statusText || number_ || input.issued_on ? status : (existing.status as CertStatus),
              status_since: null, notes: input.notes ?? existing.notes,
            };
            // The file's start date is the start of "proses" (the application); a "terbit" step starts on the issue date.
            if (merged.status === 'terbit') merged.status_since = merged.status !== existing.status ? (merged.issued_on ?? null) : null;
            else merged.status_since = input.status_since ?? null;
            const same = (['number', 'issued_on', 'expires_on', 'status', 'notes', 'label'] as const).every((k) => (merged[k] ?? null) === (existing[k] ?? null)) && (merged.status_since == null || merged.status_since === existing.status_since);
            if (same) return 'unchanged';
            saveCertificate(db, merged, { today, action: 'import' });
            return 'updated';
          },
        });
      }
      const more = table.unmapped.list();
      if (more.length) (report.unmapped ??= []).push(...more);
    }
    if (tables === 0) throw ImportFileError.of(opts.kind === 'participants' ? 'imp.ge.noParticipants' : opts.kind === 'featured' ? 'imp.ge.noFeatured' : 'imp.ge.noCertificates');
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    Object.assign(report, { status: 'refused', message: e.message, messageKey: e.messageKey, refused: [], warnings: [], duplicates: [] });
    return [report];
  }

  if (jobs.length > 0) await batch.begin();
  for (const j of jobs) {
    try {
      // Each job is its own savepoint (the store's transactions nest): a refused one leaves nothing.
      const r = j.run();
      if (r === 'inserted') report.accepted++;
      else if (r === 'updated') report.updated++;
      else report.unchanged++;
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      // The store's own reason: its key when it has one of its own (store.ts's invalid() words it in Indonesian only).
      const one = e.errors.length === 1 && e.errors[0]!.key !== 'err.badRequest' ? e.errors[0]! : null;
      report.refused.push(one ? rowProblem({ sheet: j.sheet, row: j.row }, one.key, one.params) : rowProblem({ sheet: j.sheet, row: j.row }, 'err.refused', { detail: e.message }));
    }
  }
  report.refused.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return [report];
}

/**
 * Finds the header of a district's table wherever it is (title rows, blank rows above it), in one
 * or two rows, and maps its columns to registry fields by meaning: "Nama IKM", "NAMA USAHA" and
 * "Nama Perusahaan" are all the business name; LK / PR under TENAGA KERJA are the workers.
 * Units in the header ("(Rp 000)", "(Juta Rp)") become multipliers.
 */
import type { IkmFieldKey } from '../../../shared/fields';
import { fold } from '../../../shared/text';
import type { RawCell } from './sheet';

export interface ColumnMapping<F extends string = IkmFieldKey> {
  /** 0-based column index in the sheet. */
  col: number;
  field: F;
  header: string;
  /** Money columns "in thousands" or "in millions" of rupiah. */
  multiplier: number;
}

export interface HeaderInfo<F extends string = IkmFieldKey> {
  /** 1-based worksheet row of the (last) header row; data starts below it. */
  headerRow: number;
  rows: 1 | 2;
  columns: ColumnMapping<F>[];
  /** Texts above the header (titles), for suggesting the district. */
  titles: string[];
}

const SYNONYMS: Record<IkmFieldKey, string[]> = {
  business_name: ['nama usaha', 'nama ikm', 'nama perusahaan', 'nama unit usaha', 'nama industri', 'nama umkm', 'nama ukm', 'nama badan usaha', 'nama sentra', 'nama usaha ikm'],
  owner_name: ['pemilik', 'nama pemilik', 'penanggung jawab', 'nama penanggung jawab', 'pimpinan', 'nama pimpinan', 'pemilik usaha', 'nama pemilik usaha'],
  nib: ['nib', 'no nib', 'nomor nib', 'nomor induk berusaha', 'no induk berusaha'],
  district_code: ['kab kota', 'kabupaten kota', 'kabupaten', 'kota kabupaten', 'kab', 'kabupaten atau kota', 'wilayah'],
  address: ['alamat', 'alamat usaha', 'alamat lengkap', 'alamat perusahaan', 'lokasi usaha'],
  commodity: ['komoditi', 'komoditas', 'produk', 'jenis produk', 'cabang industri', 'produk utama', 'nama produk', 'jenis komoditi'],
  kbli: ['kbli', 'kode kbli', 'no kbli'],
  workers_male: ['tk laki laki', 'laki laki', 'lk', 'l', 'pria', 'tk l', 'tk lk', 'tenaga kerja laki laki', 'tenaga kerja l', 'tenaga kerja lk'],
  workers_female: ['tk perempuan', 'perempuan', 'pr', 'p', 'wanita', 'tk p', 'tk pr', 'tenaga kerja perempuan', 'tenaga kerja p', 'tenaga kerja pr'],
  workers_total: ['tenaga kerja', 'jumlah tk', 'tk', 'jumlah tenaga kerja', 'total tk', 'tenaga kerja jumlah', 'tenaga kerja total', 'jml tk', 'tenaga kerja orang'],
  investment_idr: ['investasi', 'nilai investasi', 'modal', 'nilai investasi rp', 'investasi rp'],
  production_value_idr: ['nilai produksi', 'produksi per tahun', 'nilai produksi per tahun', 'nilai produksi tahun', 'omzet', 'omset'],
  year_established: ['tahun berdiri', 'tahun izin', 'tanggal berdiri', 'tahun', 'th berdiri', 'tahun mulai usaha', 'tgl berdiri', 'tahun mulai'],
  phone: ['hp', 'telepon', 'no telp', 'telp', 'no hp', 'nomor telepon', 'no telepon', 'nomor hp', 'kontak', 'telp hp', 'no telp hp'],
  kecamatan: ['kecamatan', 'kec'],
  desa: ['desa', 'kelurahan', 'desa kelurahan', 'kelurahan desa', 'desa kel'],
  email: ['email', 'e mail', 'surel'],
  business_form: ['bentuk usaha', 'badan usaha', 'bentuk badan usaha', 'status usaha'],
  capacity_value: ['kapasitas', 'kapasitas produksi'],
  capacity_unit: ['satuan', 'satuan kapasitas'],
  raw_material_value_idr: ['nilai bahan baku', 'bahan baku', 'nilai bahan baku rp'],
};

/**
 * The header words of one kind of table (IKM lists, shipment lists, trade statistics): synonyms
 * per field (folded, as headerWords() leaves them), and the field a table cannot be without.
 */
export interface Vocabulary<F extends string> {
  lookup: Map<string, F>;
  required: F;
  /** At least this many recognised columns make a header row. */
  minColumns: number;
}

export function vocabulary<F extends string>(synonyms: Record<F, string[]>, required: F, minColumns = 3): Vocabulary<F> {
  const lookup = new Map<string, F>();
  for (const [field, words] of Object.entries(synonyms) as [F, string[]][]) for (const w of words) lookup.set(w, field);
  return { lookup, required, minColumns };
}

export const IKM_VOCABULARY = vocabulary<IkmFieldKey>(SYNONYMS, 'business_name');

/** Header text → words: folded, units and punctuation removed. */
export function headerWords(text: string): { words: string; multiplier: number } {
  const f = fold(text);
  let multiplier = 1;
  if (/\b(ribu|ribuan|000)\b/.test(f) && /(rp|rupiah|ribu)/.test(f)) multiplier = 1000;
  if (/\b(juta|jutaan)\b/.test(f)) multiplier = 1_000_000;
  const words = f
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(rp|rupiah|idr|orang|org)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return { words, multiplier };
}

export function fieldForHeader<F extends string = IkmFieldKey>(text: string, vocab: Vocabulary<F> = IKM_VOCABULARY as unknown as Vocabulary<F>): F | null {
  const { words } = headerWords(text);
  if (!words) return null;
  return vocab.lookup.get(words) ?? vocab.lookup.get(words.replace(/^(no|nomor|kode) /, '')) ?? null;
}

const cellText = (c: RawCell | undefined): string => (c == null || c instanceof Date ? '' : String(c).trim());

/**
 * The parent header over each column of a two-row header. A merged parent (TENAGA KERJA over
 * LK / PR, "NILAI (Rp 000)" over Investasi / Produksi) has its text only in its first column; it
 * also covers the columns to its right that have a sub-header and no parent of their own.
 */
export function parentTexts(parent: RawCell[], sub: RawCell[]): string[] {
  const width = Math.max(parent.length, sub.length);
  const out: string[] = [];
  let group = '';
  for (let col = 0; col < width; col++) {
    const top = cellText(parent[col]);
    const below = cellText(sub[col]);
    if (top) group = below ? top : ''; // a parent with nothing under it is one tall (vertically merged) header
    else if (!below) group = '';
    out.push(top || (below ? group : ''));
  }
  return out;
}

function mapRow<F extends string>(vocab: Vocabulary<F>, cells: RawCell[], parent?: RawCell[]): ColumnMapping<F>[] {
  const out: ColumnMapping<F>[] = [];
  const used = new Set<F>();
  const tops = parent ? parentTexts(parent, cells) : [];
  const width = Math.max(cells.length, parent?.length ?? 0);
  for (let col = 0; col < width; col++) {
    const sub = cellText(cells[col]);
    const top = tops[col] ?? '';
    const first = parent != null && cellText(parent[col]) !== '';
    // Two-row headers: the sub-header alone (LK), then "parent sub" (TENAGA KERJA LK), then the
    // parent alone — for a tall header, or the first column under a group (ALAMAT over Jalan / Desa).
    const candidates = parent ? [sub, sub && top ? `${top} ${sub}` : '', sub === '' || first ? top : ''] : [sub];
    for (const text of candidates) {
      if (!text.trim()) continue;
      const field = fieldForHeader(text, vocab);
      if (field && !used.has(field)) {
        const multiplier = Math.max(headerWords(text).multiplier, headerWords(top).multiplier);
        out.push({ col, field, header: parent && top && top !== sub && sub ? `${top} / ${sub}` : text, multiplier });
        used.add(field);
        break;
      }
    }
  }
  return out;
}

/** Scans the first rows for the best header; null when the sheet holds no table of this kind. */
export function findHeader<F extends string = IkmFieldKey>(rows: RawCell[][], vocab: Vocabulary<F> = IKM_VOCABULARY as unknown as Vocabulary<F>): HeaderInfo<F> | null {
  let best: HeaderInfo<F> | null = null;
  const limit = Math.min(rows.length, 40);
  for (let i = 0; i < limit; i++) {
    const one = mapRow(vocab, rows[i] ?? []);
    if (!one.some((m) => m.field === vocab.required) || one.length < vocab.minColumns) continue;
    const two = i + 1 < rows.length ? mapRow(vocab, rows[i + 1] ?? [], rows[i] ?? []) : [];
    // The row below is a sub-header when it adds fields the first row could not name (LK / PR).
    const isTwo = two.length > one.length && (rows[i + 1] ?? []).every((c) => c == null || typeof c === 'string');
    const columns = isTwo ? two : one;
    if (!best || columns.length > best.columns.length) {
      best = {
        headerRow: i + (isTwo ? 2 : 1),
        rows: isTwo ? 2 : 1,
        columns,
        titles: rows.slice(0, i).flatMap((r) => r.map(cellText).filter(Boolean)),
      };
    }
    if (best && best.columns.length >= 5) break;
  }
  return best;
}

/**
 * Finds the header of a table wherever it is (title rows above it, one to three header rows: a
 * group row, a sub row, a row of column numbers) and maps its columns to fields by meaning, the
 * way a clerk reads them: the header's words are normalised (case, accents, punctuation,
 * underscores of database exports, abbreviations with or without a dot, "laki-laki", words run
 * together, Indonesian affixes, typos within an edit or two) and scored against each field's
 * phrases in any order; the whole table is then assigned at once, best scores first, one field
 * per column and no field twice. Units in the header ("(Rp 000)", "(Juta Rp)") or in a title
 * line ("dalam ribuan rupiah") become multipliers. Runs once per table, never per row.
 */
import type { IkmFieldKey } from '../../../shared/fields';
import type { NumberGroup } from '../../../shared/parse';
import { fold } from '../../../shared/text';
import { COLUMN_NUMBER } from './junk';
import { cellText, type RawCell } from './sheet';

/** Why a column got its field (a message key of the wizard and its parameters). */
export interface MappingReason {
  key: 'map.header' | 'map.values' | 'map.valuesWeak' | 'map.proposed' | 'map.user' | 'map.unit' | 'map.perMonth';
  params?: Record<string, string | number>;
}

export interface ColumnMapping<F extends string = IkmFieldKey> {
  /** 0-based column index in the sheet. */
  col: number;
  field: F;
  header: string;
  /** Money columns "in thousands" or "in millions" of rupiah. */
  multiplier: number;
  /** How the column writes thousands, when its values show it (1,283,883 vs 1.283.883). */
  group?: NumberGroup;
  /** 0–1: how sure the mapping is, from the header's words and the column's values. */
  confidence?: number;
  /** Where the mapping came from: the header, the values under an unknown header, the user. */
  source?: 'header' | 'values' | 'user';
  why?: MappingReason[];
}

export interface HeaderInfo<F extends string = IkmFieldKey> {
  /** 1-based worksheet row of the (last) header row; data starts below it. */
  headerRow: number;
  rows: 1 | 2 | 3;
  columns: ColumnMapping<F>[];
  /** Every header cell, mapped or not ("PARENT / sub" under a group row). */
  cells: { col: number; header: string }[];
  /** Texts above the header (titles), for suggesting the district. */
  titles: string[];
}

/**
 * The header words of one kind of table (IKM lists, shipment lists, trade statistics): phrases
 * per field, matched word by word in any order, and the field a table cannot be without.
 */
export interface Vocabulary<F extends string> {
  fields: FieldConcept<F>[];
  required: F;
  /** At least this many recognised columns make a header row (the required one counted). */
  minColumns: number;
  /** Fields in rupiah that take a unit from a title line ("dalam ribuan rupiah"). */
  money: ReadonlySet<string>;
  /** Amounts the registry keeps per year: a header "per bulan" is twelve times smaller. */
  perYear: ReadonlySet<string>;
  /** Every word of every phrase (canonical), for splitting words run together. */
  words: ReadonlySet<string>;
}

interface Phrase {
  words: string[];
  weight: number;
}

interface FieldConcept<F extends string> {
  field: F;
  phrases: Phrase[];
  /** Words that say the column is something else ("alamat" is never the business name). */
  not: string[];
  /** Words that make the column a lesser candidate ("alamat rumah" under a business address). */
  lesser: string[];
}

export interface VocabularyExtras<F extends string> {
  /** Phrases that alone are a weaker sign (weight 0.75): "perusahaan", "usaha". */
  weak?: Partial<Record<F, string[]>>;
  not?: Partial<Record<F, string[]>>;
  lesser?: Partial<Record<F, string[]>>;
  money?: F[];
  perYear?: F[];
}

/**
 * Abbreviations and spellings → the word the phrases use. Several words may share one meaning
 * (hp, telp, wa, phone are all "telepon"); phrases of two words that mean one thing come first.
 */
const PHRASE_ALIASES: [RegExp, string][] = [
  [/\btenaga kerja\b/g, 'tk'],
  [/\bpenanggung ?jawab\b/g, 'penanggungjawab'],
  [/\bbahan baku\b/g, 'bahanbaku'],
  [/\bbahan penolong\b/g, 'bahanpenolong'],
  [/\be ?mail\b/g, 'email'],
  [/\bnomor induk berusaha\b/g, 'nib'],
  [/\binduk berusaha\b/g, 'nib'],
  [/\bno induk berusaha\b/g, 'nib'],
  [/\blaki ?laki\b/g, 'laki'],
  [/\bkab ?kota\b/g, 'kabupaten kota'],
];

const ALIASES: Record<string, string> = {
  nm: 'nama', nma: 'nama', name: 'nama',
  no: 'nomor', nmr: 'nomor', nomer: 'nomor', num: 'nomor', number: 'nomor',
  telp: 'telepon', tlp: 'telepon', tlpn: 'telepon', telpon: 'telepon', tel: 'telepon', telephone: 'telepon', phone: 'telepon',
  hp: 'telepon', handphone: 'telepon', ponsel: 'telepon', wa: 'telepon', whatsapp: 'telepon', fax: 'telepon', faks: 'telepon', kontak: 'telepon', contact: 'telepon', mobile: 'telepon',
  surel: 'email',
  jml: 'jumlah', jmlh: 'jumlah', total: 'jumlah',
  thn: 'tahun', th: 'tahun', year: 'tahun',
  kab: 'kabupaten', kabupaten: 'kabupaten', kota: 'kota', regency: 'kabupaten', district: 'kabupaten',
  kec: 'kecamatan', kecamatan: 'kecamatan', subdistrict: 'kecamatan',
  kel: 'kelurahan', ds: 'desa', village: 'desa',
  karyawan: 'tk', pekerja: 'tk', pegawai: 'tk', buruh: 'tk', naker: 'tk', workers: 'tk', employees: 'tk',
  lk: 'laki', l: 'laki', pria: 'laki', male: 'laki', lakilaki: 'laki',
  pr: 'perempuan', p: 'perempuan', wanita: 'perempuan', female: 'perempuan',
  almt: 'alamat', address: 'alamat',
  jl: 'jalan', jln: 'jalan',
  prsh: 'perusahaan', perush: 'perusahaan', company: 'perusahaan',
  pj: 'penanggungjawab', owner: 'pemilik',
  komoditi: 'komoditas', komuditi: 'komoditas', commodity: 'komoditas', product: 'produk', products: 'produk',
  omset: 'omzet', turnover: 'omzet', sales: 'penjualan',
  inv: 'investasi', investment: 'investasi', asset: 'aset', assets: 'aset',
  bb: 'bahanbaku', bp: 'bahanpenolong',
  kapasitas: 'kapasitas', capacity: 'kapasitas',
  business: 'usaha', bisnis: 'usaha',
};

/** Words that carry no meaning for the mapping; "per", "dan", units. */
const STOP = new Set(['dan', 'atau', 'yang', 'di', 'ke', 'dari', 'untuk', 'per', 'the', 'of', 'rp', 'rupiah', 'idr', 'org', 'orang', 'rata', 'a', 'n', 'utk', 'dgn', 'dengan', 'rb', 'ribu', 'ribuan', 'juta', 'jutaan', 'jt']);

/** Prefixes and suffixes of Indonesian words, stripped to compare stems (berdiri ~ pendirian). */
const PREFIXES = ['ber', 'per', 'pem', 'pen', 'peng', 'peny', 'pe', 'mem', 'men', 'meng', 'me', 'di', 'ke', 'ter', 'se'];
const SUFFIXES = ['nya', 'kan', 'an', 'i'];

function stems(word: string): Set<string> {
  const out = new Set<string>([word]);
  const strip = (w: string, depth: number) => {
    for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 4) out.add(w.slice(0, -s.length));
    if (depth === 0) return;
    for (const p of PREFIXES)
      if (w.startsWith(p) && w.length - p.length >= 4) {
        const rest = w.slice(p.length);
        out.add(rest);
        // pe-milik, pe-nulis: the nasal prefix swallowed the root's first letter.
        if (p === 'pem' || p === 'mem') out.add('p' + rest);
        if (p === 'pen' || p === 'men') out.add('t' + rest);
        strip(rest, depth - 1);
      }
  };
  strip(word, 2);
  for (const s of [...out]) strip(s, 0);
  return out;
}

/** Edit distance with transpositions, bounded: more than `max` is max + 1. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

const VOWELS = /[aeiou]/g;

/**
 * How well a header word stands for a phrase word, 0–1: the same word 1, the same stem 0.9, a
 * typo 0.8–0.85, an abbreviation (a cut word "kecam", or its consonants "kbptn") 0.7–0.75.
 */
function wordMatch(t: string, w: string, wStems: Set<string>): number {
  if (t === w) return 1;
  if (t.length >= 4) for (const s of stems(t)) if (s.length >= 4 && wStems.has(s)) return 0.9;
  if (t.length >= 5 && w.length >= 5) {
    const d = distance(t, w, 2);
    if (d === 1) return 0.85;
    if (d === 2 && t.length >= 8 && w.length >= 8) return 0.8;
  }
  if (t.length >= 3 && w.length > t.length + 1 && t[0] === w[0]) {
    if (w.startsWith(t)) return 0.75;
    // Consonant skeletons: kbptn, tlpn, prshn, pnggjwb — the letters in order, few vowels.
    if ((t.match(VOWELS)?.length ?? 0) <= 1) {
      let k = 0;
      for (const ch of w) if (ch === t[k]) k++;
      if (k === t.length) return 0.7;
    }
  }
  return 0;
}

interface Token {
  word: string;
  /** Words of a group row above, or inside parentheses: may explain, need not be explained. */
  optional: boolean;
}

/** Header text → canonical words. `optional` marks the words of a group row over the column. */
function tokens(text: string, words: ReadonlySet<string>, optional = false): Token[] {
  // Words joined in camelCase (NamaUsaha) and digits glued to words (kbli2020) come apart first.
  let s = fold(text.replace(/([a-z])([A-Z])/g, '$1 $2')).replace(/([a-z])(\d)/g, '$1 $2').replace(/(\d)([a-z])/g, '$1 $2');
  const inner = new Set<string>();
  for (const m of s.matchAll(/\(([^)]*)\)/g)) for (const w of m[1]!.split(/[^a-z0-9]+/)) if (w) inner.add(w);
  s = s.replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [re, to] of PHRASE_ALIASES) s = s.replace(re, to);
  const out: Token[] = [];
  let last = '';
  for (const raw of s.split(' ')) {
    if (!raw || /^\d+$/.test(raw)) continue;
    let parts = [ALIASES[raw] ?? raw];
    // Words run together (namausaha, nohp, pertahun): split where both halves are known words.
    if (!words.has(parts[0]!) && raw.length >= 5)
      for (let k = 2; k <= raw.length - 2; k++) {
        const a = ALIASES[raw.slice(0, k)] ?? raw.slice(0, k);
        const b = ALIASES[raw.slice(k)] ?? raw.slice(k);
        if ((words.has(a) || STOP.has(a)) && (words.has(b) || STOP.has(b))) {
          parts = [a, b];
          break;
        }
      }
    for (const w of parts) {
      // "laki-laki", "kota/kota": a repeated word is said once.
      if (w === last || STOP.has(w)) continue;
      last = w;
      out.push({ word: w, optional: optional || inner.has(raw) });
    }
  }
  return out;
}

/** Score of one phrase against a header's words: 0 when a phrase word is missing. */
function phraseScore(p: Phrase, toks: Token[], stemsOf: (w: string) => Set<string>): number {
  const used = new Array<boolean>(toks.length).fill(false);
  let quality = 0;
  for (const w of p.words) {
    let best = 0;
    let at = -1;
    for (let i = 0; i < toks.length; i++) {
      if (used[i]) continue;
      const q = wordMatch(toks[i]!.word, w, stemsOf(w));
      if (q > best) [best, at] = [q, i];
    }
    if (at < 0) return 0;
    used[at] = true;
    quality += best;
  }
  // The column's own words must take part: a group row's words alone do not name it.
  let own = false;
  let ownWords = 0;
  for (let i = 0; i < toks.length; i++) if (!toks[i]!.optional) {
    ownWords++;
    if (used[i]) own = true;
  }
  if (!own && ownWords > 0) return 0;
  let unexplained = 0;
  for (let i = 0; i < toks.length; i++) if (!used[i] && !toks[i]!.optional) unexplained++;
  const k = p.words.length;
  const coverage = k / (k + unexplained);
  return p.weight * (quality / k) * (0.55 + 0.45 * coverage) + 0.03 * (k - 1);
}

const stemCache = new Map<string, Set<string>>();
const stemsOf = (w: string) => {
  let s = stemCache.get(w);
  if (!s) stemCache.set(w, (s = stems(w)));
  return s;
};

function hasWord(toks: Token[], words: string[]): boolean {
  for (const t of toks) if (!t.optional) for (const w of words) if (wordMatch(t.word, w, stemsOf(w)) >= 0.85) return true;
  return false;
}

/** Scores of a header text for every field that it may be (0–~1.1), best first. */
export function scoreHeader<F extends string>(text: string, vocab: Vocabulary<F>, parent = ''): { field: F; score: number }[] {
  const toks = [...tokens(parent, vocab.words, true), ...tokens(text, vocab.words)];
  if (toks.length === 0 || toks.every((t) => t.optional)) {
    if (!parent) return [];
  }
  const out: { field: F; score: number }[] = [];
  for (const c of vocab.fields) {
    let best = 0;
    for (const p of c.phrases) best = Math.max(best, phraseScore(p, toks, stemsOf));
    if (best === 0) continue;
    if (c.not.length && hasWord(toks, c.not)) best *= 0.35;
    if (c.lesser.length && hasWord(toks, c.lesser)) best *= 0.7;
    out.push({ field: c.field, score: best });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The vocabulary with the user's own header texts (mapping corrections: header → field) as phrases
 * of their fields, so a table whose key column only the user could name is found by its header.
 */
export function withUserHeaders<F extends string>(vocab: Vocabulary<F>, overrides: Readonly<Record<string, string>>): Vocabulary<F> {
  const mine = Object.entries(overrides).filter(([, field]) => field);
  if (mine.length === 0) return vocab;
  const fields = vocab.fields.map((c) => {
    const phrases = mine.filter(([, f]) => f === c.field).map(([h]) => ({ words: tokens(h, vocab.words).map((t) => t.word), weight: 1 }));
    return phrases.length ? { ...c, phrases: [...c.phrases, ...phrases.filter((p) => p.words.length > 0)] } : c;
  });
  return { ...vocab, fields };
}

export function vocabulary<F extends string>(synonyms: Record<F, string[]>, required: F, minColumns = 3, extras: VocabularyExtras<F> = {}): Vocabulary<F> {
  const words = new Set<string>(Object.values(ALIASES));
  const canon = (phrase: string) => tokens(phrase, words).map((t) => t.word);
  // Two passes: the words first (so run-together words split), then the phrases.
  for (const list of [...Object.values<string[]>(synonyms), ...Object.values<string[] | undefined>(extras.weak ?? {})]) for (const p of list ?? []) for (const w of fold(p).split(/[^a-z0-9]+/)) if (w) words.add(ALIASES[w] ?? w);
  const fields: FieldConcept<F>[] = [];
  for (const [field, list] of Object.entries(synonyms) as [F, string[]][]) {
    const phrases: Phrase[] = [];
    for (const p of list) phrases.push({ words: canon(p), weight: 1 });
    for (const p of extras.weak?.[field] ?? []) phrases.push({ words: canon(p), weight: 0.75 });
    fields.push({
      field,
      phrases: phrases.filter((p) => p.words.length > 0),
      not: (extras.not?.[field] ?? []).flatMap(canon),
      lesser: (extras.lesser?.[field] ?? []).flatMap(canon),
    });
  }
  return { fields, required, minColumns, money: new Set(extras.money ?? []), perYear: new Set(extras.perYear ?? []), words };
}

const SYNONYMS: Record<IkmFieldKey, string[]> = {
  business_name: ['nama usaha', 'perusahaan', 'nama ikm', 'nama perusahaan', 'nama unit usaha', 'nama industri', 'nama umkm', 'nama ukm', 'nama badan usaha', 'nama sentra', 'nama koperasi', 'nama komersial', 'nama toko', 'nama pelaku usaha', 'nama kelompok', 'nama kub', 'nama merek', 'nama brand', 'nama unit', 'nama perajin', 'nama pengrajin', 'business name', 'nama dagang'],
  owner_name: ['nama pemilik', 'pemilik', 'penanggungjawab', 'pimpinan', 'nama pimpinan', 'pemilik usaha', 'direktur', 'ketua', 'pengelola', 'nama pengelola', 'nama ketua', 'nama direktur', 'contact person', 'nama lengkap'],
  nib: ['nib', 'nomor nib', 'nomor izin berusaha', 'izin usaha nib'],
  district_code: ['kabupaten kota', 'kabupaten', 'kota kabupaten', 'kota', 'wilayah', 'daerah', 'kabupaten usaha'],
  address: ['alamat', 'alamat usaha', 'alamat lengkap', 'alamat perusahaan', 'lokasi usaha', 'alamat sbr', 'jalan', 'alamat tempat usaha', 'lokasi', 'alamat pabrik', 'alamat produksi'],
  commodity: ['komoditas', 'produk', 'jenis produk', 'cabang industri', 'produk utama', 'nama produk', 'jenis komoditas', 'jenis usaha', 'bidang usaha', 'kegiatan utama', 'kegiatan usaha', 'jenis industri', 'sektor', 'sub sektor', 'hasil produksi', 'uraian kegiatan', 'jenis kegiatan', 'produk yang dihasilkan', 'bidang industri', 'sentra produk'],
  kbli: ['kbli', 'kode kbli', 'nomor kbli'],
  workers_male: ['tk laki', 'laki', 'jumlah tk laki'],
  workers_female: ['tk perempuan', 'perempuan', 'jumlah tk perempuan'],
  workers_total: ['tk', 'jumlah tk', 'tk jumlah', 'serapan tk'],
  investment_idr: ['investasi', 'nilai investasi', 'modal', 'modal usaha', 'aset', 'nilai aset', 'modal kerja', 'kekayaan bersih', 'nilai modal'],
  production_value_idr: ['nilai produksi', 'produksi tahun', 'omzet', 'penjualan', 'nilai penjualan', 'pendapatan', 'hasil penjualan', 'penjualan tahun', 'nilai output', 'produksi'],
  year_established: ['tahun berdiri', 'tahun izin', 'tanggal berdiri', 'tahun', 'tahun mulai usaha', 'tahun mulai', 'tahun operasi', 'mulai operasi', 'tahun pendirian', 'sejak tahun', 'berdiri sejak', 'mulai usaha'],
  phone: ['telepon', 'nomor telepon', 'telepon seluler'],
  kecamatan: ['kecamatan', 'kecamatan usaha'],
  desa: ['desa', 'kelurahan', 'desa kelurahan', 'kelurahan usaha', 'desa usaha'],
  email: ['email', 'alamat email'],
  business_form: ['bentuk usaha', 'badan usaha', 'bentuk badan usaha', 'status usaha', 'badan hukum', 'bentuk badan hukum'],
  capacity_value: ['kapasitas', 'kapasitas produksi', 'volume produksi', 'jumlah produksi'],
  capacity_unit: ['satuan kapasitas', 'satuan produksi'],
  raw_material_value_idr: ['nilai bahanbaku', 'bahanbaku', 'nilai bahanbaku bahanpenolong', 'bahanpenolong', 'nilai bahanpenolong', 'kebutuhan bahanbaku'],
};

const NAMEISH = ['alamat', 'pemilik', 'penanggungjawab', 'pimpinan', 'produk', 'komoditas', 'jenis', 'bidang', 'kegiatan', 'kbli', 'telepon', 'kabupaten', 'kecamatan', 'desa', 'kelurahan', 'bentuk', 'status', 'jumlah', 'nilai', 'tahun', 'modal', 'omzet', 'nib', 'email', 'ketua', 'direktur'];

export const IKM_VOCABULARY = vocabulary<IkmFieldKey>(SYNONYMS, 'business_name', 2, {
  weak: {
    business_name: ['koperasi', 'ikm', 'umkm', 'ukm', 'usaha', 'nama', 'pelaku usaha', 'merek', 'nama peserta'],
    // A training list names the participant: the business when alone, its owner beside "Nama Usaha".
    owner_name: ['nama peserta'],
    address: ['alamat rumah'],
    year_established: ['tanggal izin'],
    production_value_idr: ['nilai'],
    // "Satuan" beside "Kapasitas Terpasang": the capacity's unit (ton/thn, buah).
    capacity_unit: ['satuan'],
  },
  not: {
    business_name: NAMEISH,
    owner_name: ['alamat', 'telepon', 'nib', 'email', 'jumlah'],
    address: ['email', 'telepon', 'kecamatan', 'desa', 'kelurahan', 'kabupaten', 'kota'],
    commodity: ['nilai', 'jumlah', 'kapasitas', 'kbli', 'kode', 'satuan', 'bahanbaku'],
    workers_total: ['laki', 'perempuan', 'nilai'],
    workers_male: ['nilai'],
    workers_female: ['nilai'],
    year_established: ['nilai', 'jumlah', 'produksi', 'omzet', 'penjualan', 'kapasitas'],
    production_value_idr: ['kapasitas', 'satuan', 'bahanbaku', 'berdiri'],
    capacity_value: ['nilai', 'satuan'],
    district_code: ['kecamatan', 'desa', 'kelurahan'],
    kecamatan: ['desa', 'kelurahan'],
  },
  // A home address is an address, but the business's own address wins when both are there.
  lesser: { address: ['rumah', 'pemilik', 'tinggal', 'domisili', 'ktp'], district_code: ['pemilik', 'rumah'] },
  money: ['investment_idr', 'production_value_idr', 'raw_material_value_idr'],
  // Production and raw materials are a year's; investment is what the business has, not a flow.
  perYear: ['production_value_idr', 'raw_material_value_idr'],
});

/** Units in a header or a title: "(Rp 000)", "dalam ribuan rupiah", "(Juta Rp)". */
export function unitMultiplier(text: string): number {
  const f = fold(text);
  if (/\b(juta|jutaan)\b/.test(f) && /(rp|rupiah|juta)/.test(f)) return 1_000_000;
  if (/\b(ribu|ribuan|000|rb)\b/.test(f) && /(rp|rupiah|ribu)/.test(f)) return 1000;
  return 1;
}

/** "Omzet (Rp/bulan)", "Omset per bln", "Penjualan bulanan": an amount per month. */
export const perMonth = (text: string): boolean => /(?:\bper\s*|\/\s*)(?:bulan|bln)\b|\bbulanan\b|\bsebulan\b/.test(fold(text));

/**
 * A month's amount of a field the registry keeps per year (`perYear`) is kept as the year's:
 * ×12, for a column the header mapped and one the user named alike (the why says map.perMonth).
 */
export const yearlyScale = (perYear: ReadonlySet<string>, field: string, monthly: boolean): number => (monthly && perYear.has(field) ? 12 : 1);

/** Header text → words: folded, units and punctuation removed (kept for the saved overrides). */
export function headerWords(text: string): { words: string; multiplier: number } {
  const words = fold(text)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(rp|rupiah|idr|orang|org)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return { words, multiplier: unitMultiplier(text) };
}

export function fieldForHeader<F extends string = IkmFieldKey>(text: string, vocab: Vocabulary<F> = IKM_VOCABULARY as unknown as Vocabulary<F>): F | null {
  const best = scoreHeader(text, vocab)[0];
  return best && best.score >= MIN_SCORE ? best.field : null;
}

/** A column is a field from this score on. */
export const MIN_SCORE = 0.45;

/** A header cell's text: a date is a value, never a header word. */
const headerText = (c: RawCell | undefined): string => (c instanceof Date ? '' : cellText(c));

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
    const top = headerText(parent[col]);
    const below = headerText(sub[col]);
    if (top) group = below ? top : ''; // a parent with nothing under it is one tall (vertically merged) header
    else if (!below) group = '';
    out.push(top || (below ? group : ''));
  }
  return out;
}

/** Each column's header text of header rows `rows` (top first): the parent part and the own part. */
function columnTexts(rows: RawCell[][]): { parent: string; own: string; shown: string }[] {
  const bottom = rows[rows.length - 1]!;
  const width = Math.max(...rows.map((r) => r.length));
  // Parents from the top down: each level spans the columns below it that have text.
  const levels: string[][] = [];
  for (let l = 0; l < rows.length - 1; l++) {
    const below: RawCell[] = [];
    for (let c = 0; c < width; c++) below.push(rows.slice(l + 1).map((r) => headerText(r[c])).find(Boolean) ?? null);
    levels.push(parentTexts(rows[l]!, below));
  }
  const out: { parent: string; own: string; shown: string }[] = [];
  for (let c = 0; c < width; c++) {
    const parts = [...levels.map((l) => l[c] ?? ''), headerText(bottom[c])];
    // The lowest text is the column's own; those above are its group (kept only where they differ).
    let ownAt = parts.length - 1;
    while (ownAt > 0 && !parts[ownAt]) ownAt--;
    const own = parts[ownAt]!;
    const parents = parts.slice(0, ownAt).filter((p, i, a) => p && p !== own && a.indexOf(p) === i);
    out.push({ parent: parents.join(' '), own, shown: [...parents, own].filter(Boolean).join(' / ') });
  }
  return out;
}

interface Candidate<F extends string> {
  col: number;
  field: F;
  score: number;
  header: string;
  multiplier: number;
  perMonth: boolean;
}

/** The best assignment of fields to columns: highest scores first, one field per column, no field twice. */
function assign<F extends string>(cands: Candidate<F>[]): Candidate<F>[] {
  const sorted = [...cands].sort((a, b) => b.score - a.score || a.col - b.col);
  const cols = new Set<number>();
  const fields = new Set<F>();
  const out: Candidate<F>[] = [];
  for (const c of sorted) {
    if (cols.has(c.col) || fields.has(c.field)) continue;
    cols.add(c.col);
    fields.add(c.field);
    out.push(c);
  }
  return out.sort((a, b) => a.col - b.col);
}

/** Scored header cells are cached by text: title rows and repeated headers are scored once. */
function mapRows<F extends string>(vocab: Vocabulary<F>, rows: RawCell[][], cache: Map<string, { field: F; score: number }[]>) {
  const texts = columnTexts(rows);
  const cands: Candidate<F>[] = [];
  texts.forEach((t, col) => {
    if (!t.own) return;
    const key = `${t.parent}\u0000${t.own}`;
    let scores = cache.get(key);
    if (!scores) cache.set(key, (scores = scoreHeader(t.own, vocab, t.parent)));
    const multiplier = Math.max(unitMultiplier(t.own), unitMultiplier(t.parent));
    const monthly = perMonth(t.own) || perMonth(t.parent);
    for (const s of scores) if (s.score >= MIN_SCORE) cands.push({ col, field: s.field, score: s.score, header: t.shown, multiplier, perMonth: monthly });
  });
  const chosen = assign(cands);
  return { chosen, texts, total: chosen.reduce((s, c) => s + c.score, 0) };
}

/** A header row's cells are words: a cell without a letter (a number, "2014" in a CSV) is data. */
const isTextRow = (r: RawCell[] | undefined) =>
  r != null && r.some((c) => headerText(c) !== '') && r.every((c) => c == null || (typeof c === 'string' && (c.trim() === '' || /\p{L}/u.test(c))));
const isNumberRow = (r: RawCell[] | undefined) => {
  const filled = (r ?? []).filter((c) => headerText(c) !== '');
  return filled.length >= 2 && filled.every((c) => COLUMN_NUMBER.test(headerText(c)));
};

/** The best header found anywhere in the first rows, even without the required field (for messages). */
export interface HeaderGuess<F extends string> {
  header: HeaderInfo<F> | null;
  /**
   * The row that looked most like a header when no table was found: the header texts that named
   * a field, every header cell, and the columns as the header mapped them (for the user to complete).
   */
  nearest: { row: number; headers: string[]; cells: { col: number; header: string }[]; columns: ColumnMapping<F>[] } | null;
}

/** Scans the first rows for the best header; null when the sheet holds no table of this kind. */
export function findHeader<F extends string = IkmFieldKey>(rows: RawCell[][], vocab: Vocabulary<F> = IKM_VOCABULARY as unknown as Vocabulary<F>): HeaderInfo<F> | null {
  return guessHeader(rows, vocab).header;
}

export function guessHeader<F extends string = IkmFieldKey>(rows: RawCell[][], vocab: Vocabulary<F> = IKM_VOCABULARY as unknown as Vocabulary<F>): HeaderGuess<F> {
  const cache = new Map<string, { field: F; score: number }[]>();
  let best: { i: number; depth: number; total: number; m: ReturnType<typeof mapRows<F>> } | null = null;
  let nearest: { i: number; depth: number; total: number; m: ReturnType<typeof mapRows<F>> } | null = null;
  const limit = Math.min(rows.length, 40);
  for (let i = 0; i < limit; i++) {
    const first = rows[i] ?? [];
    const texts = first.filter((c) => typeof c === 'string' && c.trim() !== '').length;
    // A header row, or the group row over a sub row, names at least two columns.
    // (A title line, one cell across the sheet, is neither.)
    if (texts < 2) continue;
    let pick: { depth: number; m: ReturnType<typeof mapRows<F>> } | null = null;
    for (let depth = 1; depth <= 3 && i + depth <= rows.length; depth++) {
      // Rows below the first join the header only when they are all text (LK / PR), not data.
      if (depth > 1 && (!isTextRow(rows[i + depth - 1]) || isNumberRow(rows[i + depth - 1]))) break;
      const m = mapRows(vocab, rows.slice(i, i + depth), cache);
      if (!pick || m.total > pick.m.total + 0.3) pick = { depth, m };
    }
    if (!pick) continue;
    const { chosen } = pick.m;
    // Each extra header row must earn its place: a title above the header is not a group row.
    const rank = pick.m.total - 0.3 * (pick.depth - 1);
    if (chosen.length > 0 && (!nearest || rank > nearest.total)) nearest = { i, depth: pick.depth, total: rank, m: pick.m };
    const required = chosen.find((c) => c.field === vocab.required);
    if (!required || required.score < 0.55) continue;
    // Too few recognised columns is no reason to refuse a table whose business name is clear.
    const enough = chosen.length >= vocab.minColumns || (required.score >= 0.8 && texts >= 2);
    if (!enough) continue;
    if (!best || rank > best.total + 0.01) best = { i, depth: pick.depth, total: rank, m: pick.m };
  }
  const found = best ?? nearest;
  if (!found) return { header: null, nearest: null };
  const headerRow = found.i + found.depth;
  const titles = rows.slice(0, found.i).flatMap((r) => r.map(headerText).filter(Boolean));
  // "(dalam ribuan rupiah)" in a title line: money columns without a unit of their own.
  const titleUnit = titles.map(unitMultiplier).find((m) => m !== 1) ?? 1;
  const columns: ColumnMapping<F>[] = found.m.chosen.map((c) => {
    const unit = c.multiplier === 1 && titleUnit !== 1 && vocab.money.has(c.field) ? titleUnit : c.multiplier;
    const why: MappingReason[] = [{ key: 'map.header', params: { score: Math.round(Math.min(1, c.score) * 100) } }];
    if (unit !== 1) why.push({ key: 'map.unit', params: { unit: unit.toLocaleString('id-ID') } });
    const yearly = yearlyScale(vocab.perYear, c.field, c.perMonth);
    if (yearly !== 1) why.push({ key: 'map.perMonth' });
    return { col: c.col, field: c.field, header: c.header, multiplier: unit * yearly, confidence: Math.min(1, c.score), source: 'header', why };
  });
  const cells = found.m.texts.map((t, col) => ({ col, header: t.shown })).filter((c) => c.header);
  if (!best) return { header: null, nearest: { row: headerRow, headers: columns.map((c) => c.header), cells, columns } };
  return { header: { headerRow, rows: best.depth as 1 | 2 | 3, columns, cells, titles }, nearest: null };
}

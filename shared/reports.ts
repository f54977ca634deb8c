/**
 * The report catalogue: what each governor's report is called, its parameters, and the model
 * every output (the .xlsx, the HTML printed to PDF, the Reports screen's preview) is drawn from,
 * so the three always show the same figures.
 */
import { z } from 'zod';
import type { IkmFilter, ShipmentFilter } from './contract';
import { isoDateSchema } from './parse';
import { stripControls } from './text';
import { logoProblem } from './image';
import { longDate } from './locale';
import { message, type Lang, type MessageKey } from './messages';

export const REPORT_NAMES = ['rekap-ikm-kabupaten', 'rekap-ikm-komoditi', 'daftar-ikm', 'ekspor-negara', 'ekspor-komoditi', 'neraca-perdagangan', 'kesiapan-ekspor'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  'rekap-ikm-kabupaten': 'Rekapitulasi IKM per Kabupaten/Kota',
  'rekap-ikm-komoditi': 'Rekapitulasi IKM per Komoditi',
  'daftar-ikm': 'Daftar Industri Kecil dan Menengah (IKM)',
  'ekspor-negara': 'Ekspor IKM per Negara Tujuan',
  'ekspor-komoditi': 'Ekspor IKM per Komoditi (Kode HS)',
  'neraca-perdagangan': 'Neraca Perdagangan Luar Negeri',
  'kesiapan-ekspor': 'Kesiapan Ekspor IKM',
};

/** Worksheet names (at most 31 characters, no slashes). */
export const REPORT_SHEETS: Partial<Record<ReportName, string>> = {
  'rekap-ikm-kabupaten': 'Rekap per Kabupaten',
  'rekap-ikm-komoditi': 'Rekap per Komoditi',
  'daftar-ikm': 'Daftar IKM',
  'ekspor-negara': 'Ekspor per Negara',
  'ekspor-komoditi': 'Ekspor per Komoditi',
  'neraca-perdagangan': 'Neraca Perdagangan',
  'kesiapan-ekspor': 'Kesiapan Ekspor',
};

const isoDate = isoDateSchema;
export const reportParamsSchema = z
  .object({
    year: z.number().int().min(1900).max(2200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    province: z.string().regex(/^\d{2}$/).optional(),
    district: z.string().regex(/^\d{4}$/).optional(),
  })
  .strict();
export type ReportParams = z.infer<typeof reportParamsSchema>;

export type ReportColumnKind = 'no' | 'text' | 'code' | 'int' | 'idr' | 'usd' | 'kg' | 'pct' | 'year';

export interface ReportColumn {
  key: string;
  header: string;
  /** Two-row headers: the group above ("Tenaga Kerja" over L / P / Jumlah). */
  group?: string;
  kind: ReportColumnKind;
  /** Width in Excel characters. */
  width: number;
}

export type ReportRow = Record<string, string | number | null>;

/** A figure that is not known (workers known only as a total have no L/P split): printed as such, never as 0. */
export const UNKNOWN = '–';

/**
 * The rows behind a report row (drill-down): the grid filter whose rows sum to that row's figures.
 * The report's own SQL is built from the same filter, so the sums agree by construction.
 */
export type ReportDrill = { tab: 'registry'; filter: IkmFilter } | { tab: 'shipments'; filter: ShipmentFilter };

export interface ReportChart {
  kind: 'bar' | 'pie' | 'treemap' | 'line';
  /** Names the chart for translation: UI key `chart.<id>` (the printed report stays in Indonesian). */
  id: string;
  title: string;
  labels: string[];
  /** UI keys of the labels where they are the app's vocabulary (stage names), for translation. */
  labelKeys?: string[];
  /** The labels in English where the core knows them so (countries, months), for the English UI. */
  labelsEn?: string[];
  /** `key` is the UI key of the series name, for translation. */
  series: { name: string; key?: string; values: (number | null)[] }[];
  /** How values read: "IKM", "US$". */
  unit: string;
}

export interface ReportModel {
  name: ReportName;
  title: string;
  /** Area and period, e.g. "Provinsi Kalimantan Tengah · Tahun 2025" (as printed). */
  subtitle: string;
  /** The same in English ("Kalimantan Tengah Province · Year 2025"), for the screen in English. */
  subtitleEn: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Rows in the whole report (the preview may carry fewer). */
  rowCount: number;
  totals: ReportRow | null;
  /** Drill-down of each row (same order as `rows`; null where no grid shows the rows behind it) and of the totals. */
  drill?: { rows: (ReportDrill | null)[]; totals: ReportDrill | null };
  charts: ReportChart[];
  notes: string[];
  /** When the figures were taken (ISO). */
  generatedAt: string;
}

/** A line of the letterhead: control characters stripped, then at most `max` characters. */
const line = (max: number) => z.string().transform(stripControls).pipe(z.string().max(max));

/** Kop surat and signature block, kept in Settings. */
export const letterheadSchema = z
  .object({
    government: line(200),
    office: line(200),
    address: line(300),
    contact: line(300),
    /** PNG or JPEG as a data: URL (at most ~1 MB, at most 4096×4096 pixels by its header). */
    logo: z
      .string()
      .max(1_500_000)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/)
      .superRefine((v, ctx) => {
        const problem = logoProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable(),
    place: line(100),
    position: line(200),
    signer: line(200),
    /** Pangkat/golongan, printed between the name and the NIP: "Pembina Utama Muda (IV/c)". */
    rank: line(100),
    nip: line(40),
  })
  .strict();
export type Letterhead = z.infer<typeof letterheadSchema>;

export const DEFAULT_LETTERHEAD: Letterhead = {
  government: 'PEMERINTAH PROVINSI KALIMANTAN TENGAH',
  office: 'DINAS PERDAGANGAN DAN PERINDUSTRIAN',
  address: 'Jl. Tjilik Riwut Km. 5,5 Palangka Raya 73112',
  contact: 'Telepon (0536) 3221234 · Surel disperindag@kaltengprov.go.id',
  logo: null,
  place: 'Palangka Raya',
  position: 'Kepala Dinas Perdagangan dan Perindustrian',
  signer: 'NAMA KEPALA DINAS',
  rank: 'Pembina Utama Muda (IV/c)',
  nip: '19700101 199503 1 001',
};

/** The signer is still the example one (name or NIP as shipped): the preview and the export warn before it prints. */
export const isPlaceholderSigner = (l: Letterhead): boolean => l.signer.trim() === '' || l.signer === DEFAULT_LETTERHEAD.signer || l.nip === DEFAULT_LETTERHEAD.nip;

const int = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A report cell as text, the id-ID way: 1.500.000 · 12.500,50 · 35,2 (percent columns hold fractions). */
export function formatReportCell(value: string | number | null | undefined, kind: ReportColumnKind): string {
  if (value == null || value === '') return kind === 'pct' ? '–' : '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'int':
    case 'idr':
    case 'kg':
      return int.format(value);
    case 'usd':
      return usd.format(value);
    case 'pct':
      return pct.format(value * 100);
    default:
      return String(value);
  }
}

/**
 * Column widths (Excel characters) that fit the widest figure: the totals row holds the largest
 * numbers, so a numeric column is at least as wide as its formatted total (plus the "Rp "/"US$ "
 * the .xlsx format adds) — totals never overflow into their neighbours, in the PDF or in Excel.
 */
export function fittedWidths(m: Pick<ReportModel, 'columns' | 'totals' | 'rows'>): number[] {
  const prefix: Partial<Record<ReportColumnKind, number>> = { idr: 3, usd: 4 };
  return m.columns.map((c) => {
    if (!NUMERIC_KINDS.has(c.kind)) return c.width;
    const longest = [m.totals, ...m.rows].reduce((n, r) => Math.max(n, r ? formatReportCell(r[c.key], c.kind).length : 0), 0);
    return Math.max(c.width, longest + (prefix[c.kind] ?? 0) + 1);
  });
}

export const NUMERIC_KINDS: ReadonlySet<ReportColumnKind> = new Set(['no', 'int', 'idr', 'usd', 'kg', 'pct', 'year']);

/** The header cells of a report table, row by row: a group spans its columns, the others both rows. */
export function headerLayout(columns: readonly ReportColumn[]): { label: string; colSpan: number; rowSpan: number; numeric: boolean }[][] {
  if (!columns.some((c) => c.group)) return [columns.map((c) => ({ label: c.header, colSpan: 1, rowSpan: 1, numeric: NUMERIC_KINDS.has(c.kind) }))];
  const top: { label: string; colSpan: number; rowSpan: number; numeric: boolean }[] = [];
  columns.forEach((c, i) => {
    if (!c.group) top.push({ label: c.header, colSpan: 1, rowSpan: 2, numeric: NUMERIC_KINDS.has(c.kind) });
    else if (columns[i - 1]?.group !== c.group) top.push({ label: c.group, colSpan: columns.filter((x) => x.group === c.group).length, rowSpan: 1, numeric: false });
  });
  return [top, columns.filter((c) => c.group).map((c) => ({ label: c.header, colSpan: 1, rowSpan: 1, numeric: NUMERIC_KINDS.has(c.kind) }))];
}

/** A text in both languages: the paper says `id`, the screen says the UI language. */
export type Bilingual = Record<Lang, string>;

/** A message in both languages; `days` are ISO dates written out ("5 Maret 2026" / "5 March 2026"). */
export function bilingual(key: MessageKey, params: Record<string, string | number> = {}, days: Record<string, string> = {}): Bilingual {
  const say = (lang: Lang) => message(lang, key, { ...params, ...Object.fromEntries(Object.entries(days).map(([k, iso]) => [k, longDate(iso, lang)])) });
  return { id: say('id'), en: say('en') };
}

/** A model's subtitle fields: Indonesian for the paper, English for the screen in English. */
export const subtitled = (b: Bilingual): Pick<ReportModel, 'subtitle' | 'subtitleEn'> => ({ subtitle: b.id, subtitleEn: b.en });

/** "area · period" in both languages. */
export const joined = (...parts: Bilingual[]): Bilingual => ({ id: parts.map((p) => p.id).join(' · '), en: parts.map((p) => p.en).join(' · ') });

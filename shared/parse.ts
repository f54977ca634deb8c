/**
 * Parsers for the values staff type or districts send: Indonesian numbers and money, NIB, KBLI,
 * phone numbers, years. Shared by grid edits (renderer + core) and file import, so a value is
 * understood the same way wherever it comes from. Every parser returns a Parsed<T>:
 * `{ ok: true, value }` (value null = empty / unknown, never zero) or `{ ok: false, error }`.
 */
import { z } from 'zod';
import type { MessageKey } from './messages';
import { stripControls } from './text';

export type ParseError = { key: MessageKey; params?: Record<string, string | number> };
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; error: ParseError };

export const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
export const fail = <T>(key: MessageKey, params?: ParseError['params']): Parsed<T> => ({
  ok: false,
  error: { key, params },
});

/** Empty, or a dash or dot typed to say "nothing here". */
const isBlank = (v: unknown): boolean => v == null || (typeof v === 'string' && /^\s*(?:[-–—.]+|\?)?\s*$/.test(v));

/**
 * What districts type into an identifier's cell when there is none: `0`, a run of zeros, `-`,
 * `BELUM ADA`, `TIDAK ADA`, `belum punya`, `n/a`. These are empty, never a value (a placeholder
 * NIB `0000000000000` taken as real would merge hundreds of businesses into one).
 */
const PLACEHOLDER = /^(?:0+|belum|belum ada|belum punya|blm ada|blm punya|tidak ada|tdk ada|tidak punya|tdk punya|belum memiliki|tidak memiliki|dalam proses|proses|on proses|sedang diurus|n\/?a|nihil|kosong|none|null|nil)$/;
export function isPlaceholder(v: unknown): boolean {
  if (isBlank(v)) return true;
  if (typeof v === 'number') return v === 0;
  return typeof v === 'string' && PLACEHOLDER.test(v.trim().toLowerCase().replace(/[\s.,'"()-]+/g, ' ').trim());
}

const MULTIPLIERS: Array<[RegExp, number]> = [
  [/\b(triliun|t)\b/, 1e12],
  [/\b(miliar|milyar|m)\b/, 1e9],
  [/\b(juta|jt)\b/, 1e6],
  [/\b(ribu|rb)\b/, 1e3],
];

/**
 * Reads a number written the Indonesian way: `Rp 1.500.000`, `1.500.000,00`, `1.500.000,-`,
 * `1,5 juta`, `(1.000)`; plain JS numbers pass through. A lone dot followed by exactly three digits
 * groups thousands (Indonesian); otherwise the last of `.`/`,` is the decimal separator.
 */
export function parseIdNumber(raw: unknown, group?: NumberGroup): Parsed<number> {
  if (isBlank(raw)) return ok(null);
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail('err.number');
  // "Rp25.000.000", "Rp.25.000.000,-": the currency sign glued to the digits.
  let s = String(raw).toLowerCase().replace(/\u00a0/g, ' ').trim().replace(/^(rp|idr)\.?(?=\d)/, '');
  let multiplier = 1;
  for (const [re, m] of MULTIPLIERS) {
    if (re.test(s)) {
      multiplier = m;
      s = s.replace(re, ' ');
      break;
    }
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s
    .replace(/(\b(rp|idr|usd|orang|org|unit|tahun)\b|\bus\$)\.?/g, ' ')
    .replace(/[$]/g, ' ')
    .replace(/,-\s*$/, '')
    .replace(/\.-\s*$/, '')
    .replace(/\s+/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail('err.number');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normalised = s.split(group).join('').replace(decimal, '.');
  } else if (lastDot >= 0) {
    normalised = group !== ',' && /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s;
  } else if (lastComma >= 0) {
    // "19,292" is 19.292 the Indonesian way, but 19292 in a column written "1,283,883".
    normalised = /^\d{1,3}(,\d{3}){2,}$/.test(s) || (group === ',' && /^\d{1,3}(,\d{3})+$/.test(s)) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else {
    normalised = s;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return fail('err.number');
  const value = Number(normalised) * multiplier;
  return ok(negative ? -value : value);
}

/**
 * How a column groups thousands, decided once per column from its values (see numberGroup):
 * ',' when it writes 1,283,883 (so 19,292 is nineteen thousand), '.' when it writes 1.283.883.
 */
export type NumberGroup = ',' | '.';

/** The grouping style of a column's texts, or undefined when they do not show one. */
export function numberGroup(values: readonly unknown[]): NumberGroup | undefined {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const s = v.replace(/^\s*(rp|idr|usd)\.?\s*/i, '').trim();
    if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(s) || /^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) comma++;
    else if (/^\d{1,3}(\.\d{3}){2,}(,\d*)?-?$/.test(s) || /^\d{1,3}(\.\d{3})+,(\d{1,2}|-)$/.test(s)) dot++;
  }
  return comma > dot ? ',' : dot > comma ? '.' : undefined;
}

/** A whole, non-negative number (workers, rupiah). Rupiah fractions are rounded. */
export function parseWholeNumber(raw: unknown, opts: { round?: boolean } = {}): Parsed<number> {
  const p = parseIdNumber(raw);
  if (!p.ok || p.value == null) return p;
  if (p.value < 0) return fail('err.negative');
  if (!opts.round && !Number.isInteger(p.value)) return fail('err.whole');
  const v = Math.round(p.value);
  if (!Number.isSafeInteger(v)) return fail('err.number');
  return ok(v);
}

/**
 * A capacity cell as the importer reads it (the rows and the values confirming the column): a
 * number as it is ("1.200", "25 jt"), else an amount with its unit after it, as districts write a
 * capacity in one cell ("500 kg", "1,5 ton/thn", "200 lembar" → amount "500", unit "kg").
 */
export function readQuantity(raw: unknown): { amount: unknown; unit: string | null } {
  // Only text with a letter can carry a unit; a plain number is not parsed twice.
  if (typeof raw !== 'string' || !/[a-z]/i.test(raw) || parseIdNumber(raw).ok) return { amount: raw, unit: null };
  const m = raw.trim().match(/^(\d[\d.,]*)\s*([a-z][a-z0-9 ./²³-]{0,29})$/i);
  return m ? { amount: m[1]!, unit: m[2]!.trim() } : { amount: raw, unit: null };
}

/** Digits of an identifier typed or stored as a number: strips spaces, dots, dashes. */
function identifierDigits(raw: unknown): string | null {
  if (typeof raw === 'number') {
    // 8.12E+12 as a float has lost digits only if it is not an exact integer.
    return Number.isSafeInteger(raw) ? String(raw) : null;
  }
  const s = String(raw).trim().replace(/^'/, '').replace(/[\s.\-–_/]/g, '');
  return /^\d+$/.test(s) ? s : null;
}

/** "8,12E+12" (a number cell shown in scientific notation, then saved as text): its digits are gone. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
/**
 * 8120000000000: what is left of "8,12E+12" typed or pasted back into a number cell — a few digits,
 * then zeros. Eight or more zeros at the end of a real NIB are a one-in-a-hundred-million chance.
 */
const ZEROED = /^[1-9]\d{0,4}0{8,}$/;

/**
 * NIB: 13 digits; placeholders (`0`, zeros, `BELUM ADA`) are empty. A number cell that lost its
 * leading zero (Excel's number format) gets it back, and so does text that went through one (a
 * paste, a CSV). `typed`: a value typed into the grid's editor, or a text cell of a workbook, has
 * lost no zero, so 12 digits there are a typo. An NIB whose digits Excel destroyed (`8,12E+12` as
 * text, its remains 8120000000000, a number cell past 15 significant digits) fails with
 * err.nibLost: the importer keeps the business without it.
 */
export function parseNib(raw: unknown, typed = false): Parsed<string> {
  if (isPlaceholder(raw)) return ok(null);
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 1e15) return fail('err.nibLost', { value: String(raw) });
  if (typeof raw === 'string' && SCIENTIFIC.test(raw.trim())) return fail('err.nibLost', { value: raw.trim() });
  const d = identifierDigits(raw);
  if (d == null) return fail('err.nib', { value: String(raw) });
  if (d.length >= 11 && d.length <= 13 && ZEROED.test(d)) return fail('err.nibLost', { value: String(raw) });
  if (d.length === 13) return ok(d);
  if ((typeof raw === 'number' || !typed) && (d.length === 12 || d.length === 11)) return ok(d.padStart(13, '0'));
  return fail('err.nib', { value: String(raw) });
}

/**
 * KBLI: 5 digits ("KBLI 16299" too). A leading zero lost to a number cell is restored; four digits
 * typed as text are a KBLI group, not a code, and are refused.
 */
export function parseKbli(raw: unknown): Parsed<string> {
  if (isPlaceholder(raw)) return ok(null);
  // "KBLI 16299", "KBLI: 16299": the code with its name before it.
  const d = identifierDigits(typeof raw === 'string' ? raw.trim().replace(/^kbli\s*[:.]?\s*/i, '') : raw);
  if (d != null && d.length === 5) return ok(d);
  if (d != null && d.length === 4 && typeof raw === 'number') return ok(d.padStart(5, '0'));
  return fail('err.kbli', { value: String(raw) });
}

/** Phone: keeps the leading 0 (`81234…` → `081234…`, `+62 812…` → `0812…`). */
export function parsePhone(raw: unknown): Parsed<string> {
  if (isPlaceholder(raw)) return ok(null);
  let d = typeof raw === 'number' ? String(raw) : String(raw).replace(/[^\d+]/g, '');
  if (d.startsWith('+62')) d = '0' + d.slice(3);
  else if (d.startsWith('62') && d.length >= 11) d = '0' + d.slice(2);
  d = d.replace(/\D/g, '');
  if (/^[1-9]/.test(d)) d = '0' + d;
  if (d.length < 6 || d.length > 15) return fail('err.phone', { value: String(raw) });
  return ok(d);
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3,
  march: 3, april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10,
  okt: 10, oct: 10, october: 10, november: 11, nov: 11, nopember: 11, desember: 12, des: 12,
  dec: 12, december: 12,
};

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (the 1900 leap-year bug included). */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  return new Date(Math.round(days * 86400000));
}

/**
 * A year from anything districts write for "Tahun Berdiri": 2015, `2015`, date cells, Excel
 * serials, `12/03/2015`, `12-03-2015`, `12 Maret 2015`, `Maret 2015`. Never later than this year.
 */
export function parseYear(raw: unknown, now: Date = new Date(), date1904 = false): Parsed<number> {
  if (isBlank(raw)) return ok(null);
  let year: number | null = null;
  if (raw instanceof Date) {
    year = Number.isNaN(raw.getTime()) ? null : raw.getUTCFullYear();
  } else if (typeof raw === 'number') {
    // A whole number of four digits is a typed year (3000 is refused as the future, never read
    // as the Excel serial of a day in 1908); serials of real founding days are 10000 (1927) and up.
    if (Number.isInteger(raw) && raw >= 1000 && raw <= 9999) year = raw;
    else if (raw >= 10000 && raw < 80000) year = excelSerialToDate(raw, date1904).getUTCFullYear();
  } else {
    const s = String(raw).toLowerCase().trim();
    let m: RegExpMatchArray | null;
    if ((m = s.match(/^(\d{4})$/))) year = Number(m[1]);
    else if ((m = s.match(/^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/))) year = Number(m[1]);
    else if ((m = s.match(/^(\d{4})[/.-]\d{1,2}[/.-]\d{1,2}/))) year = Number(m[1]);
    else if ((m = s.match(/^(?:\d{1,2}\s+)?([a-z]+)\.?\s+(\d{4})$/)) && MONTHS[m[1]!]) year = Number(m[2]);
    else if ((m = s.match(/^\d{1,2}[/.-]\d{1,2}[/.-](\d{2})$/))) {
      const yy = Number(m[1]);
      year = yy + (2000 + yy > now.getFullYear() ? 1900 : 2000);
    }
  }
  if (year == null || year < 1800) return fail('err.year', { value: String(raw) });
  if (year > now.getFullYear()) return fail('err.yearFuture', { value: year, max: now.getFullYear() });
  return ok(year);
}

const iso = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** An ISO `YYYY-MM-DD` that is a real day between 1900 and 2200 (2024-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m != null && iso(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** The contract's date: a real calendar day, as ISO `YYYY-MM-DD`. */
export const isoDateSchema = z.string().refine(isCalendarDate, { message: 'Tanggal tidak ada di kalender atau di luar tahun 1900–2200 (tulis YYYY-MM-DD, misalnya 2024-02-29).' });

/**
 * A calendar date as ISO `YYYY-MM-DD` from date cells, Excel serials, `12/03/2025`, `12-03-2025`,
 * `12.03.25`, `2025-03-12`, `12 Maret 2025`, `12-Mar-2025`. Day first, the Indonesian way.
 */
export function parseDate(raw: unknown, date1904 = false): Parsed<string> {
  if (isBlank(raw)) return ok(null);
  let out: string | null = null;
  if (raw instanceof Date) {
    out = Number.isNaN(raw.getTime()) ? null : iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  } else if (typeof raw === 'number') {
    if (raw >= 19000101 && raw <= 22001231 && Number.isInteger(raw)) out = iso(Math.floor(raw / 10000), Math.floor(raw / 100) % 100, raw % 100);
    else if (raw > 0 && raw < 110000) {
      const d = excelSerialToDate(raw, date1904);
      out = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  } else {
    const s = String(raw).toLowerCase().trim().replace(/\s+/g, ' ');
    let m: RegExpMatchArray | null;
    const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
    if ((m = s.match(/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ t].*)?$/))) out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/))) out = iso(year(m[3]!), Number(m[2]), Number(m[1]));
    else if ((m = s.match(/^(\d{1,2})[\s/-]([a-z]+)\.?[\s/-](\d{4}|\d{2})$/)) && MONTHS[m[2]!]) out = iso(year(m[3]!), MONTHS[m[2]!]!, Number(m[1]));
    else if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s), date1904);
  }
  return out ? ok(out) : fail('err.date', { value: String(raw) });
}

/** The local calendar day (the office's, not UTC's) as ISO `YYYY-MM-DD`. */
export const localDay = (now: Date = new Date()): string => now.toLocaleDateString('en-CA');

/** A month from `3`, `03`, `Maret`, `Mar`, `March`. */
export function parseMonth(raw: unknown): Parsed<number> {
  if (isBlank(raw)) return ok(null);
  const s = String(raw).toLowerCase().trim().replace(/\.$/, '');
  const n = /^\d{1,2}$/.test(s) ? Number(s) : MONTHS[s];
  return n != null && n >= 1 && n <= 12 ? ok(n) : fail('err.month', { value: String(raw) });
}

/**
 * HS code: 4 to 10 digits, dots and spaces stripped (`0901.11.00` → `09011100`). A number cell
 * that lost its leading zero (901 for chapter 09) gets it back when its length is odd.
 */
export function parseHsCode(raw: unknown): Parsed<string> {
  if (isBlank(raw)) return ok(null);
  let d = identifierDigits(raw);
  if (d != null && typeof raw === 'number' && d.length % 2 === 1) d = '0' + d;
  if (d == null || d.length < 4 || d.length > 10) return fail('err.hs', { value: String(raw) });
  return ok(d);
}

export function parseEmail(raw: unknown): Parsed<string> {
  if (isPlaceholder(raw)) return ok(null);
  const s = String(raw).trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? ok(s.toLowerCase()) : fail('err.email', { value: s });
}

export function parseText(raw: unknown, maxLength = 500): Parsed<string> {
  if (isBlank(raw)) return ok(null);
  const s = stripControls(raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)).replace(/\s+/g, ' ').trim();
  if (s.length === 0) return ok(null);
  if (s.length > maxLength) return fail('err.tooLong', { max: maxLength });
  return ok(s);
}

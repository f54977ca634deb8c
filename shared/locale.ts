/**
 * How each language writes numbers, dates and months: Bahasa Indonesia the id-ID way
 * (1.500.000 · 1,86 jt · 5 Maret 2026), English the en-GB way (1,500,000 · 1.86m · 5 March 2026).
 * The printed reports always use 'id'; the screen uses the UI language (renderer/format.ts).
 */
import type { Lang } from './messages';

export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per language and options (building one is slow; grids format thousands of cells). */
export function numberFormat(lang: Lang, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], opts)));
  return f;
}

/** Short figures for chart axes and KPIs: 842,1 rb · 1,86 jt · 1,9 M (id); 842.1k · 1.86m · 1.9bn (en). */
export function compactNumber(v: number, lang: Lang = 'id'): string {
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: Math.abs(v) >= 1e6 ? 2 : 1 }).format(v);
}

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
export const monthName = (m: number, lang: Lang = 'id'): string => MONTHS[lang][m - 1] ?? '';
/** "Mar 2026", "Agu 2026": a month on a chart axis. */
export const shortMonth = (ym: string, lang: Lang = 'id'): string => `${monthName(Number(ym.slice(5, 7)), lang).slice(0, 3)} ${ym.slice(0, 4)}`;

/** "23 November 2026" — the way Indonesian letters date themselves, and the English day-month-year. */
export function longDate(iso: string, lang: Lang = 'id'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${monthName(m!, lang)} ${y}`;
}

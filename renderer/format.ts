/**
 * Numbers and dates on screen, the way the UI language writes them: id-ID (1.500.000 · Rp 1.500.000
 * · 23/11/2026 14.05) or en-GB (1,500,000 · Rp 1,500,000 · 23/11/2026 14:05). The language is the
 * I18nProvider's: it sets it here as it renders, before any screen below it formats a figure, so
 * every function below needs no language argument and a switch re-renders everything in the new one.
 */
import { compactNumber, LOCALES, numberFormat } from '../shared/locale';
import type { Lang } from '../shared/messages';

let lang: Lang = 'id';
/** Called by I18nProvider only. */
export function setFormatLang(next: Lang): void {
  lang = next;
}
/** The UI language, for what is worded outside a component (the API client's errors). */
export const uiLang = (): Lang => lang;

export const formatNumber = (n: number | null | undefined): string => (n == null ? '' : numberFormat(lang, { maximumFractionDigits: 2 }).format(n));
export const formatMoney = (n: number | null | undefined): string => (n == null ? '' : `Rp ${formatNumber(n)}`);
/** US$ amounts with their cents: 12.500,50 / 12,500.50. */
export const formatUsd = (n: number | null | undefined): string => (n == null ? '' : numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n));
/** Short figures for KPIs and chart axes: 9,4 jt / 9.4m. */
export const formatCompact = (n: number): string => compactNumber(n, lang);

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).replace(',', '');
}

/** The day of a timestamp: 23/11/2026. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric' });
}

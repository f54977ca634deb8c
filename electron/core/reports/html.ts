/**
 * A report as one self-contained HTML page (inline CSS, charts as inline SVG, the logo as a data
 * URL): Chromium prints it to PDF — Electron's printToPDF in the app, Playwright's Chromium from
 * the CLI. The table header repeats on every printed page; the footer's page numbers come from
 * the printer's footer template (pdfFooter).
 */
import { longDate } from '../../../shared/locale';
import { formatReportCell, headerLayout, NUMERIC_KINDS, type Letterhead, type ReportColumn, type ReportModel, type ReportRow } from '../../../shared/reports';
import { chartSvg } from './svg';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The printed footer: the report's title and "Halaman N dari M" (Chromium fills the numbers). */
export function pdfFooter(title: string): string {
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; color: #444; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;">
  <span>${esc(title)}</span><span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span></div>`;
}

const CSS = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 8.5pt; color: #111; margin: 0; }
.kop { display: flex; align-items: center; gap: 12px; border-bottom: 3px double #000; padding-bottom: 6px; }
.kop img { height: 62px; width: auto; }
.kop .text { flex: 1; text-align: center; }
.kop .logo-space { width: 62px; }
.gov { font-size: 12pt; font-weight: bold; letter-spacing: .3px; }
.office { font-size: 14pt; font-weight: bold; letter-spacing: .3px; }
.addr { font-size: 8.5pt; }
h1 { text-align: center; font-size: 12pt; margin: 12px 0 2px; text-transform: uppercase; }
.sub { text-align: center; margin: 0 0 10px; font-size: 9.5pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #555; padding: 2px 4px; vertical-align: top; }
thead th { background: #dfe7f1; text-align: center; vertical-align: middle; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
table.dense { font-size: 7pt; }
table.dense th, table.dense td { padding: 1px 2px; }
.appendix { break-before: page; }
.appendix h2 { font-size: 10pt; margin: 0 0 4px; break-after: avoid; }
tr.total td { font-weight: bold; background: #f1f4f8; border-top: 1.2pt solid #222; }
.notes { margin-top: 6px; font-size: 7.5pt; color: #333; }
.notes p { margin: 1px 0; }
.more { margin-top: 4px; font-style: italic; }
.chart { margin: 0 0 10px; break-inside: avoid; text-align: center; }
.chart svg { width: 100%; height: auto; max-height: 78mm; }
.signature { width: 36%; margin: 14px 0 0 auto; text-align: center; break-inside: avoid; font-size: 9.5pt; }
.signature .space { height: 58px; }
.signature .name { font-weight: bold; text-decoration: underline; }
`;

const header = (columns: ReportColumn[]): string =>
  headerLayout(columns)
    .map((row) => `<tr>${row.map((h) => `<th${h.colSpan > 1 ? ` colspan="${h.colSpan}"` : ''}${h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : ''}>${esc(h.label).replace(/\//g, '/<wbr>')}</th>`).join('')}</tr>`)
    .join('');

/** The printable width of A4 landscape within the page margins, in mm. */
const PAGE_MM = 297 - 24;

/**
 * Column widths on paper: a figure column gets the room its longest figure needs in bold digits
 * (the totals row), a code column its code; the text columns share the rest in proportion to their
 * .xlsx widths, and wrap. So "88.181.500.000" and "96.883.000.000" never run into each other.
 */
function colgroup(m: ReportModel, dense: boolean): string {
  const emMm = (dense ? 7 : 8.5) * 0.3528;
  // DejaVu Sans Bold: digits 0.70 em, the thousands dot and the decimal comma 0.38 em.
  const textMm = (t: string) => [...t].reduce((n, ch) => n + (ch === '.' || ch === ',' ? 0.38 : 0.7), 0) * emMm;
  const padMm = dense ? 2.2 : 3.2;
  const longest = (c: ReportColumn) =>
    c.kind === 'no' ? String(Math.max(m.rowCount, 1)) : [m.totals, ...m.rows].reduce((w, r) => { const t = r ? formatReportCell(r[c.key], c.kind) : ''; return t.length > w.length ? t : w; }, '');
  // Header words do not break: a column is at least as wide as its longest one ("Pertumbuhan").
  const headerMm = (c: ReportColumn) => Math.max(...c.header.split(/[\s/]+/).map((w) => w.length * 0.66 * emMm)) + padMm;
  const fixed = m.columns.map((c) =>
    NUMERIC_KINDS.has(c.kind) ? Math.max(textMm(longest(c)) + padMm, (c.kind === 'year' ? 4.6 : 3) * 0.7 * emMm + padMm, headerMm(c))
    : c.kind === 'code' ? Math.max(Math.ceil(c.width * 0.7) * 0.64 * emMm + padMm, headerMm(c))
    : null,
  );
  const rest = Math.max(PAGE_MM - fixed.reduce<number>((n, w) => n + (w ?? 0), 0), PAGE_MM * 0.25);
  const textUnits = m.columns.reduce((n, c, i) => n + (fixed[i] == null ? c.width : 0), 0) || 1;
  const mm = m.columns.map((c, i) => fixed[i] ?? (rest * c.width) / textUnits);
  const total = mm.reduce((n, w) => n + w, 0);
  return `<colgroup>${mm.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

/**
 * A figure may wrap only after a thousands dot ("88.181.<wbr>500.000"): in a narrow column it
 * takes a second line instead of running into the next column's figure.
 */
const figure = (text: string): string => esc(text).replace(/\./g, '.<wbr>');

const cells = (row: ReportRow, columns: ReportColumn[]): string =>
  columns
    .map((c) => {
      const text = formatReportCell(row[c.key], c.kind);
      return NUMERIC_KINDS.has(c.kind) ? `<td class="num">${figure(text)}</td>` : `<td class="${c.kind === 'code' ? 'code' : ''}">${esc(text)}</td>`;
    })
    .join('');

export function letterheadHtml(l: Letterhead, defaultLogo: string | null): string {
  const logo = l.logo ?? defaultLogo;
  return `<div class="kop">${logo ? `<img src="${esc(logo)}" alt="">` : ''}<div class="text">
    <div class="gov">${esc(l.government)}</div><div class="office">${esc(l.office)}</div>
    <div class="addr">${esc(l.address)}</div><div class="addr">${esc(l.contact)}</div></div>${logo ? '<div class="logo-space"></div>' : ''}</div>`;
}

export function signatureHtml(l: Letterhead, today: string): string {
  return `<div class="signature"><div>${esc(l.place)}, ${esc(longDate(today))}</div><div>${esc(l.position)}</div>
    <div class="space"></div><div class="name">${esc(l.signer)}</div>${l.rank.trim() ? `<div class="rank">${esc(l.rank)}</div>` : ''}<div>NIP. ${esc(l.nip)}</div></div>`;
}

/**
 * The whole page. `rows` may be an iterator (Daftar IKM); `limit` caps how many are printed,
 * with a line saying where the rest is.
 */
export function reportHtml(m: ReportModel, l: Letterhead, opts: { rows?: Iterable<ReportRow>; limit?: number; defaultLogo?: string | null; today: string }): string {
  const body: string[] = [];
  let n = 0;
  const limit = opts.limit ?? Number.MAX_SAFE_INTEGER;
  for (const r of opts.rows ?? m.rows) {
    if (n++ >= limit) break;
    body.push(`<tr>${cells(r, m.columns)}</tr>`);
  }
  const shown = Math.min(n, limit);
  const more = m.rowCount > shown ? `<p class="more">Dicetak ${shown.toLocaleString('id-ID')} dari ${m.rowCount.toLocaleString('id-ID')} baris; daftar lengkap ada di berkas .xlsx laporan ini.</p>` : '';
  const empty = m.rowCount === 0 ? `<tr><td colspan="${m.columns.length}" style="text-align:center;font-style:italic">Tidak ada data untuk periode dan wilayah ini.</td></tr>` : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(m.title)}</title><style>${CSS}</style></head><body>
${letterheadHtml(l, opts.defaultLogo ?? null)}
<h1>${esc(m.title)}</h1><p class="sub">${esc(m.subtitle)}</p>
<table${m.columns.length > 10 ? ' class="dense"' : ''}>${colgroup(m, m.columns.length > 10)}<thead>${header(m.columns)}</thead><tbody>${body.join('\n')}${empty}
${m.totals && m.rowCount > 0 ? `<tr class="total">${cells(m.totals, m.columns)}</tr>` : ''}</tbody></table>
${more}<div class="notes">${m.notes.map((t) => `<p>${esc(t)}</p>`).join('')}</div>
${signatureHtml(l, opts.today)}
${m.rowCount > 0 && m.charts.length ? `<div class="appendix"><h2>Lampiran: grafik</h2>${m.charts.map((c) => `<div class="chart">${chartSvg(c)}</div>`).join('')}</div>` : ''}
</body></html>`;
}

/**
 * A report as one self-contained HTML page (inline CSS, charts as inline SVG, the logo as a data
 * URL): Chromium prints it to PDF — Electron's printToPDF in the app, Playwright's Chromium from
 * the CLI. The table header repeats on every printed page; the footer's page numbers come from
 * the printer's footer template (pdfFooter).
 */
import { formatReportCell, headerLayout, indonesianDate, NUMERIC_KINDS, type Letterhead, type ReportColumn, type ReportModel, type ReportRow } from '../../../shared/reports';
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
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code { white-space: nowrap; }
table.dense { font-size: 7pt; }
table.dense th, table.dense td { padding: 1px 2px; }
.appendix { break-before: auto; margin-top: 14px; }
.appendix h2 { font-size: 10pt; margin: 0 0 4px; }
tr.total td { font-weight: bold; background: #f1f4f8; border-top: 1.2pt solid #222; }
.notes { margin-top: 6px; font-size: 7.5pt; color: #333; }
.notes p { margin: 1px 0; }
.more { margin-top: 4px; font-style: italic; }
.chart { margin-top: 10px; break-inside: avoid; text-align: center; }
.chart svg { width: 100%; height: auto; max-height: 78mm; }
.signature { width: 36%; margin: 14px 0 0 auto; text-align: center; break-inside: avoid; font-size: 9.5pt; }
.signature .space { height: 58px; }
.signature .name { font-weight: bold; text-decoration: underline; }
`;

const header = (columns: ReportColumn[]): string =>
  headerLayout(columns)
    .map((row) => `<tr>${row.map((h) => `<th${h.colSpan > 1 ? ` colspan="${h.colSpan}"` : ''}${h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : ''}>${esc(h.label)}</th>`).join('')}</tr>`)
    .join('');

/** Column widths in proportion to the .xlsx widths, so long names get the room. */
function colgroup(columns: ReportColumn[]): string {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return `<colgroup>${columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

const cells = (row: ReportRow, columns: ReportColumn[]): string =>
  columns.map((c) => `<td class="${NUMERIC_KINDS.has(c.kind) ? 'num' : c.kind === 'code' ? 'code' : ''}">${esc(formatReportCell(row[c.key], c.kind))}</td>`).join('');

export function letterheadHtml(l: Letterhead, defaultLogo: string | null): string {
  const logo = l.logo ?? defaultLogo;
  return `<div class="kop">${logo ? `<img src="${esc(logo)}" alt="">` : ''}<div class="text">
    <div class="gov">${esc(l.government)}</div><div class="office">${esc(l.office)}</div>
    <div class="addr">${esc(l.address)}</div><div class="addr">${esc(l.contact)}</div></div>${logo ? '<div class="logo-space"></div>' : ''}</div>`;
}

export function signatureHtml(l: Letterhead, today: string): string {
  return `<div class="signature"><div>${esc(l.place)}, ${esc(indonesianDate(today))}</div><div>${esc(l.position)}</div>
    <div class="space"></div><div class="name">${esc(l.signer)}</div><div>NIP. ${esc(l.nip)}</div></div>`;
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
<table${m.columns.length > 10 ? ' class="dense"' : ''}>${colgroup(m.columns)}<thead>${header(m.columns)}</thead><tbody>${body.join('\n')}${empty}
${m.totals && m.rowCount > 0 ? `<tr class="total">${cells(m.totals, m.columns)}</tr>` : ''}</tbody></table>
${more}<div class="notes">${m.notes.map((t) => `<p>${esc(t)}</p>`).join('')}</div>
${signatureHtml(l, opts.today)}
${m.rowCount > 0 && m.charts.length ? `<div class="appendix"><h2>Lampiran: grafik</h2>${m.charts.map((c) => `<div class="chart">${chartSvg(c)}</div>`).join('')}</div>` : ''}
</body></html>`;
}

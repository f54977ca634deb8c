/**
 * A report as an .xlsx the governor's staff can print and re-use: kop surat, title and period,
 * a styled (two-row where grouped) header that is frozen and repeated on every printed page,
 * numbers as numbers in id-ID-looking formats, a totals row of SUM formulas (with their values),
 * A4 landscape fitted to the page width, "Halaman N dari M" in the footer and a signature block.
 * Written with exceljs's streaming writer, so the 100,000-row Daftar IKM stays within memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { longDate } from '../../../shared/locale';
import { fittedWidths, REPORT_SHEETS, type Letterhead, type ReportColumn, type ReportColumnKind, type ReportModel, type ReportRow } from '../../../shared/reports';
import { columnLetter } from '../import/sheet';
import { addLogo } from './xlsx-logo';
import { streamToBuffer } from '../export/rows';

/** Excel number formats; Excel shows `#,##0` as 1.500.000 on an Indonesian Windows. */
const NUMBER_FORMAT: Partial<Record<ReportColumnKind, string>> = {
  no: '0',
  int: '#,##0',
  kg: '#,##0',
  idr: '"Rp "#,##0',
  usd: '"US$ "#,##0.00',
  pct: '0.0%',
  year: '0',
};
const SUMMED: ReadonlySet<ReportColumnKind> = new Set(['int', 'idr', 'usd', 'kg']);

const thin = { style: 'thin' as const, color: { argb: 'FF555555' } };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDFE7F1' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF1F4F8' } };
const FONT = 'Arial';

export interface XlsxLayout {
  /** 1-based rows of the header (first..last) and of the data. */
  headerRows: [number, number];
  firstDataRow: number;
  lastDataRow: number;
  totalsRow: number | null;
  lastRow: number;
  lastColumn: string;
}

/** Writes the report to `out`; rows come from `rows` (an iterator for long lists) or the model. */
export async function writeReportXlsx(
  m: ReportModel,
  l: Letterhead,
  out: Writable,
  opts: { rows?: Iterable<ReportRow>; today: string; defaultLogo?: Buffer | null },
): Promise<XlsxLayout> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Pangkalan IKM';
  wb.created = new Date(m.generatedAt);
  const cols = m.columns;
  const width = cols.length;
  const last = columnLetter(width);
  const grouped = cols.some((c) => c.group);
  const headerRows: [number, number] = [9, grouped ? 10 : 9];
  const ws = wb.addWorksheet(REPORT_SHEETS[m.name] ?? m.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRows[1], xSplit: 0, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // A short recap prints on one sheet with its signature; a long list runs on, one page wide.
      fitToHeight: m.rowCount <= 24 ? 1 : 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRows[0]}:${headerRows[1]}`,
    },
    headerFooter: { oddFooter: `&L&8${m.title.replace(/&/g, '&&')}&R&8Halaman &P dari &N`, evenFooter: `&L&8${m.title.replace(/&/g, '&&')}&R&8Halaman &P dari &N` },
  });
  const widths = fittedWidths(m);
  ws.columns = cols.map((c, i) => ({ key: c.key, width: widths[i]! }));

  const logo = l.logo ? Buffer.from(l.logo.split(',')[1]!, 'base64') : (opts.defaultLogo ?? null);
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    ws.mergeCells(`A${row}:${last}${row}`);
    const r = ws.getRow(row);
    if (height) r.height = height;
    const cell = r.getCell(1);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: false };
  };
  // Kop surat: rows 1–4, a double rule under it; the logo floats over A1:B4.
  line(1, l.government, { size: 12, bold: true }, 18);
  line(2, l.office, { size: 14, bold: true }, 21);
  line(3, l.address, { size: 9 });
  line(4, l.contact, { size: 9 });
  for (let c = 1; c <= width; c++) ws.getRow(4).getCell(c).border = { bottom: { style: 'double', color: { argb: 'FF000000' } } };
  line(6, m.title.toUpperCase(), { size: 12, bold: true }, 18);
  line(7, m.subtitle, { size: 10 });
  for (let r = 1; r <= 8; r++) ws.getRow(r).commit();

  // Header: grouped columns under a merged group cell; the others span both header rows.
  const top = ws.getRow(headerRows[0]);
  const sub = ws.getRow(headerRows[1]);
  cols.forEach((c, i) => {
    const col = i + 1;
    if (grouped && !c.group) ws.mergeCells(headerRows[0], col, headerRows[1], col);
    if (c.group && cols[i - 1]?.group !== c.group) {
      const span = cols.filter((x) => x.group === c.group).length;
      ws.mergeCells(headerRows[0], col, headerRows[0], col + span - 1);
      top.getCell(col).value = c.group;
    }
    if (c.group) sub.getCell(col).value = c.header;
    else top.getCell(col).value = c.header;
    for (const r of grouped ? [top, sub] : [top]) {
      const cell = r.getCell(col);
      cell.font = { name: FONT, size: 9, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = box;
    }
  });
  top.height = grouped ? 18 : 30;
  top.commit();
  if (grouped) {
    sub.height = 18;
    sub.commit();
  }

  // Data. One style object per column, shared by all its cells: exceljs recognises a style it
  // has seen by identity, so a 100,000-row list does not re-serialise 1.5 million styles.
  let r = headerRows[1];
  const styleOf = (c: ReportColumn, extra: Partial<ExcelJS.Style> = {}): Partial<ExcelJS.Style> => ({
    border: box,
    font: { name: FONT, size: 9 },
    ...(NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {}),
    alignment: c.kind === 'text' ? { vertical: 'top', wrapText: true } : { vertical: 'top', horizontal: c.kind === 'code' || c.kind === 'no' ? 'center' : 'right' },
    ...extra,
  });
  const dataStyles = cols.map((c) => styleOf(c));
  for (const row of opts.rows ?? m.rows) {
    const xr = ws.getRow(++r);
    for (let i = 0; i < width; i++) {
      const cell = xr.getCell(i + 1);
      // Strings stay strings ("=HYPERLINK…" from a district file is text, never a formula); the
      // numbers of numeric columns stay numbers so they can be summed again.
      cell.value = row[cols[i]!.key] ?? null;
      cell.style = dataStyles[i]!;
    }
    xr.commit();
  }
  const firstDataRow = headerRows[1] + 1;
  const lastDataRow = r;
  let totalsRow: number | null = null;
  if (m.totals && lastDataRow >= firstDataRow) {
    totalsRow = ++r;
    const xr = ws.getRow(totalsRow);
    cols.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      const letter = columnLetter(i + 1);
      const v = m.totals![c.key];
      if (SUMMED.has(c.kind) && typeof v === 'number') cell.value = { formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`, result: v };
      else if (c.kind === 'pct' && typeof v === 'number') cell.value = { formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`, result: v };
      else cell.value = v ?? null;
      cell.style = styleOf(c, { font: { name: FONT, size: 9, bold: true }, fill: TOTAL_FILL, border: { ...box, top: { style: 'medium', color: { argb: 'FF222222' } } } });
    });
    xr.commit();
  }
  if (lastDataRow < firstDataRow) {
    ws.mergeCells(`A${++r}:${last}${r}`);
    const cell = ws.getRow(r).getCell(1);
    cell.value = 'Tidak ada data untuk periode dan wilayah ini.';
    cell.font = { name: FONT, size: 9, italic: true };
    cell.alignment = { horizontal: 'center' };
    ws.getRow(r).commit();
  }

  // Notes, then the signature block over the right-hand columns.
  r++;
  for (const note of m.notes) {
    ws.mergeCells(`A${++r}:${last}${r}`);
    const cell = ws.getRow(r).getCell(1);
    cell.value = note;
    cell.font = { name: FONT, size: 8, italic: true };
    ws.getRow(r).commit();
  }
  r++;
  const from = Math.max(1, width - Math.max(3, Math.ceil(width * 0.4)) + 1);
  const sign = (text: string, font: Partial<ExcelJS.Font> = {}, height?: number) => {
    r++;
    ws.mergeCells(r, from, r, width);
    const row = ws.getRow(r);
    if (height) row.height = height;
    const cell = row.getCell(from);
    cell.value = text;
    cell.font = { name: FONT, size: 10, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'bottom' };
    row.commit();
  };
  sign(`${l.place}, ${longDate(opts.today)}`);
  sign(l.position, {}, 28);
  sign('', {}, 40);
  sign(l.signer, { bold: true, underline: true });
  if (l.rank.trim()) sign(l.rank);
  sign(`NIP. ${l.nip}`);
  ws.pageSetup.printArea = `A1:${last}${r}`;

  if (logo) addLogo(wb, ws, logo, { col: 0, row: 0 });
  ws.commit();
  await wb.commit();
  return { headerRows, firstDataRow, lastDataRow, totalsRow, lastRow: r, lastColumn: last };
}

/** The same, into memory (the app's "Simpan .xlsx" sends it over IPC). */
export function reportXlsxBuffer(m: ReportModel, l: Letterhead, opts: { rows?: Iterable<ReportRow>; today: string; defaultLogo?: Buffer | null }): Promise<Buffer> {
  return streamToBuffer((out) => writeReportXlsx(m, l, out, opts));
}

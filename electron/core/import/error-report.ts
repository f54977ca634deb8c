/**
 * The "laporan kesalahan" sent back to a district: every refused row with file, sheet, row,
 * column and reason in Bahasa Indonesia, every cell the province fixed in the wizard with its old
 * and new value (so the district fixes its own copy too), then the row as they wrote it. One
 * workbook per district (shared/error-reports.ts says which). Text stays text — ExcelJS writes
 * strings as text cells, so nothing a district typed (=, +, -, @) can run as a formula — and
 * numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import type { DistrictResolver } from '../../../shared/areas';
import { errorReportGroups } from '../../../shared/error-reports';
import type { FileReport } from './run';

export interface ErrorReportFile {
  /** The group's key (a district code, or "berkas:<file>"). */
  key: string;
  name: string;
  data: Buffer;
}

type Value = string | number;

interface Line {
  file: string;
  sheet: string;
  row: number | '';
  column: string;
  status: string;
  reason: string;
  from: Value;
  to: Value;
  original: Record<string, Value>;
}

const STATUS = { refused: 'Ditolak', fixed: 'Diperbaiki provinsi', file: 'Berkas ditolak' };

function lines(files: FileReport[]): Line[] {
  const out: Line[] = [];
  for (const f of files) {
    const file = f.file;
    if (f.status === 'refused') out.push({ file, sheet: '', row: '', column: '', status: STATUS.file, reason: f.message ?? 'Berkas ditolak.', from: '', to: '', original: {} });
    const rows: Line[] = [
      ...f.refused.map((p) => ({
        file,
        sheet: p.sheet,
        row: p.row,
        column: p.column ?? '',
        status: STATUS.refused,
        reason: p.reason,
        from: p.header ? (p.original?.[p.header] ?? '') : '',
        to: '',
        original: p.original ?? {},
      })),
      ...(f.fixed ?? []).map((x) => ({
        file,
        sheet: x.sheet,
        row: x.row,
        column: x.column,
        status: STATUS.fixed,
        reason: `Diperbaiki di provinsi sebelum diimpor: ${x.from === '' ? '(kosong)' : `"${x.from}"`} → ${x.to === '' ? '(kosong)' : `"${x.to}"`}. Perbaiki juga di berkas Anda.`,
        from: x.from,
        to: x.to,
        original: x.original ?? {},
      })),
    ];
    rows.sort((a, b) => a.sheet.localeCompare(b.sheet) || Number(a.row) - Number(b.row) || a.column.localeCompare(b.column));
    out.push(...rows);
  }
  return out;
}

/** A value for a cell: numbers as numbers (long ones without the exponent Excel would show), text as text. */
function put(cell: ExcelJS.Cell, v: Value): void {
  cell.value = v;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e11) cell.numFmt = '0';
}

export async function writeErrorReports(files: FileReport[], resolver: DistrictResolver, opts: { now?: Date; only?: string } = {}): Promise<ErrorReportFile[]> {
  const now = opts.now ?? new Date();
  const out: ErrorReportFile[] = [];
  for (const g of errorReportGroups(files, resolver)) {
    if (opts.only != null && g.key !== opts.only) continue;
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Pangkalan IKM';
    const ws = wb.addWorksheet('Laporan kesalahan', { views: [{ state: 'frozen', ySplit: 4 }] });
    const list = lines(g.files);
    const headers = [...new Set(list.flatMap((l) => Object.keys(l.original)))];
    const columns = ['Berkas', 'Lembar', 'Baris', 'Kolom', 'Status', 'Alasan / perbaikan', 'Nilai di berkas', 'Nilai yang diimpor', ...headers];
    ws.mergeCells(1, 1, 1, Math.max(8, columns.length));
    ws.getCell(1, 1).value = `LAPORAN KESALAHAN IMPOR DATA IKM — ${g.label.toUpperCase()}`;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    const counts = [g.refused && `${g.refused} baris ditolak`, g.fixed && `${g.fixed} nilai diperbaiki provinsi`].filter(Boolean).join(', ');
    ws.getCell(2, 1).value =
      `Dibuat ${now.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' })}${counts ? ` — ${counts}` : ''}. ` +
      'Perbaiki baris yang ditolak lalu kirim ulang berkasnya; perbaiki juga di berkas Anda nilai yang sudah diperbaiki provinsi.';
    const head = ws.getRow(4);
    columns.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c;
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0F5132' } };
    });
    let r = 5;
    for (const l of list) {
      const row = ws.getRow(r++);
      [l.file, l.sheet, l.row, l.column, l.status, l.reason, l.from, l.to, ...headers.map((h) => l.original[h] ?? '')].forEach((v, i) => put(row.getCell(i + 1), v));
      if (l.status === STATUS.fixed) row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    }
    ws.columns.forEach((col, i) => (col.width = i === 5 ? 60 : i === 0 ? 28 : i < 4 ? 10 : i === 4 ? 18 : 20));
    ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
    const slug = g.label.toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    out.push({ key: g.key, name: `laporan-kesalahan-${slug}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) });
  }
  return out;
}

/**
 * The "laporan kesalahan" sent back to a district: every refused row with file, sheet, row,
 * column and reason in Bahasa Indonesia, then the row as they wrote it. Values are written as
 * text cells, so nothing a district typed (=, +, -, @) can run as a formula.
 */
import ExcelJS from 'exceljs';
import type { DistrictResolver } from '../../../shared/areas';
import type { FileReport } from './run';

export interface ErrorReportFile {
  name: string;
  data: Buffer;
}

export async function writeErrorReports(files: FileReport[], resolver: DistrictResolver, now = new Date()): Promise<ErrorReportFile[]> {
  const byDistrict = new Map<string, FileReport[]>();
  for (const f of files) {
    if (f.refused.length === 0 && f.status !== 'refused') continue;
    const code = f.district?.code ?? f.district?.suggested ?? null;
    const d = code ? resolver.get(code) : undefined;
    const label = d ? `${d.type} ${d.name}` : f.file.replace(/\.[^.]+$/, '');
    byDistrict.set(label, [...(byDistrict.get(label) ?? []), f]);
  }
  const out: ErrorReportFile[] = [];
  for (const [label, list] of byDistrict) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Pangkalan IKM';
    const ws = wb.addWorksheet('Baris ditolak', { views: [{ state: 'frozen', ySplit: 4 }] });
    const headers = [...new Set(list.flatMap((f) => f.refused.flatMap((r) => Object.keys(r.original ?? {}))))];
    const columns = ['Berkas', 'Lembar', 'Baris', 'Kolom', 'Alasan penolakan', ...headers];
    ws.mergeCells(1, 1, 1, Math.max(6, columns.length));
    ws.getCell(1, 1).value = `LAPORAN KESALAHAN IMPOR DATA IKM — ${label.toUpperCase()}`;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(2, 1).value = `Dibuat ${now.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' })}. Perbaiki baris-baris berikut lalu kirim ulang berkasnya.`;
    const head = ws.getRow(4);
    columns.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c;
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0F5132' } };
    });
    let r = 5;
    for (const f of list) {
      if (f.status === 'refused') ws.getRow(r++).values = [f.file, '', '', '', f.message ?? 'Berkas ditolak.'];
      for (const p of f.refused) {
        const row = ws.getRow(r++);
        // Strings stay strings: ExcelJS writes them as text cells, never as formulas.
        row.values = [f.file, p.sheet, p.row, p.column ?? '', p.reason, ...headers.map((h) => p.original?.[h] ?? '')];
      }
    }
    ws.columns.forEach((col, i) => (col.width = i === 4 ? 60 : i < 4 ? (i === 0 ? 28 : 10) : 20));
    ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    out.push({ name: `laporan-kesalahan-${slug}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) });
  }
  return out;
}

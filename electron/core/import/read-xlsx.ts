/**
 * .xlsx/.xlsm through exceljs, flattened to plain values: rich text joined, hyperlinks as their
 * text, formulas (shared ones too) as their cached result, error values as empty. Merged cells
 * carry their master's value, so a header like TENAGA KERJA over LK / PR reads on both columns.
 */
import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';
import { MAX_CELLS, type RawCell, type SheetData } from './sheet';

type CellValue = ExcelJS.CellValue | { text?: unknown; richText?: { text: string }[]; result?: unknown; error?: string };

export function plainValue(v: CellValue | unknown): RawCell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; formula?: string; sharedFormula?: string; result?: unknown; error?: string };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plainValue(o.result);
  if (o.error) return null;
  if (o.text !== undefined) return plainValue(o.text);
  return null;
}

export async function readXlsx(buf: Buffer): Promise<SheetData[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportFileError(`Berkas Excel rusak dan tidak dapat dibaca (${(e as Error).message}). Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi.`);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  let cells = 0;
  return wb.worksheets.map((ws) => {
    const rows: RawCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const out: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        out[col - 1] = plainValue(cell.value);
      });
      for (let j = 0; j < out.length; j++) if (out[j] === undefined) out[j] = null;
      rows[n - 1] = out;
      cells += out.length;
      if (cells > MAX_CELLS) throw new ImportFileError('Berkas ditolak: lebih dari 5 juta sel. Bagi menjadi beberapa berkas.');
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    return { name: ws.name, hidden: ws.state !== 'visible', rows, date1904 };
  });
}

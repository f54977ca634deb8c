/**
 * Legacy Excel 97–2003 (.xls), OpenDocument (.ods) and .xlsb, read with SheetJS into the same rows
 * as read-xlsx.ts gives for .xlsx.
 *
 * SheetJS is @e965/xlsx 0.20.3, a republication of the SheetJS Community Edition 0.20.3 tarball
 * (the `xlsx` 0.18.5 on the npm registry is the last SheetJS publishes there, and carries the
 * prototype-pollution and ReDoS advisories fixed in 0.19.3 and 0.20.2). It has no dependencies and
 * no install scripts. It reads a workbook whole (no streaming), so it runs only in the reader
 * worker, under the same file-size, zip and row limits as the .xlsx path, and with cell values only
 * (no styles, formulas, HTML). Its own error texts never reach the user.
 */
import * as XLSX from '@e965/xlsx';
import { ImportFileError } from './errors';
import type { MergeRange } from './merges';
import { MAX_CELLS_PER_ROW, MAX_ROWS, tooManyRows, type RawCell, type SheetRow, type SheetSource } from './sheet';

export type LegacyFormat = 'xls' | 'ods' | 'xlsb';

/** The formats as their programs name them (the same words in both languages). */
const FORMAT_NAME: Record<LegacyFormat, string> = {
  xls: 'Excel 97–2003 (.xls)',
  ods: 'OpenDocument (.ods)',
  xlsb: 'Excel Binary (.xlsb)',
};

function plain(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null; // 'e' (an error value such as #DIV/0!), 'z' (a stub)
  }
}

export function readSheetjs(buf: Buffer, format: LegacyFormat): SheetSource[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, {
      type: 'buffer',
      dense: true,
      cellDates: false, // dates as serial numbers, as the .xlsx path gives them
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellText: false,
      sheetStubs: false,
      bookVBA: false,
      sheetRows: MAX_ROWS + 1,
    });
  } catch (e) {
    if (/password|encrypt/i.test(String((e as Error)?.message))) throw ImportFileError.of('imp.protected');
    throw ImportFileError.of('imp.legacyDamaged', { format: FORMAT_NAME[format] });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetSource[] = [];
  const workbook = wb.SheetNames.map((name, i) => ({ name, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    if (data.length > MAX_ROWS) throw tooManyRows();
    const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
    function* rows(): Generator<SheetRow> {
      for (let r = 0; r < data.length; r++) {
        const row = data[r];
        if (!row || row.length === 0) continue;
        const width = Math.min(row.length, MAX_CELLS_PER_ROW);
        const cells: RawCell[] = new Array(width);
        for (let c = 0; c < width; c++) cells[c] = plain(row[c]);
        yield { number: r + 1, cells };
      }
    }
    sheets.push({ name, hidden: workbook[i]!.hidden, workbook, date1904, rows: rows(), merges });
  });
  return sheets;
}

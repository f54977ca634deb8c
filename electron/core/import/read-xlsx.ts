/**
 * .xlsx/.xlsm through exceljs's streaming reader, flattened to plain values: rich text joined,
 * hyperlinks as their text, formulas (shared ones too) as their cached result, error values as
 * empty.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';
import { MAX_CELLS, type RawCell, type SheetData } from './sheet';
import { readZipText } from './sniff';

/**
 * Sheet names, visibility and the 1904 flag from workbook.xml. The streaming reader only knows
 * them when workbook.xml comes before the sheets in the zip, which openpyxl does not do.
 */
function workbookInfo(buf: Buffer): { sheets: Map<number, { name: string; hidden: boolean }>; date1904: boolean } {
  const wb = readZipText(buf, 'xl/workbook.xml') ?? '';
  const rels = readZipText(buf, 'xl/_rels/workbook.xml.rels') ?? '';
  const attr = (tag: string, a: string) => tag.match(new RegExp(`\\b${a}="([^"]*)"`))?.[1];
  const targets = new Map<string, number>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const n = attr(tag, 'Target')?.match(/sheet(\d+)\.xml$/)?.[1];
    const id = attr(tag, 'Id');
    if (n && id) targets.set(id, Number(n));
  }
  const sheets = new Map<number, { name: string; hidden: boolean }>();
  for (const tag of wb.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const n = targets.get(attr(tag, 'r:id') ?? '');
    const name = attr(tag, 'name');
    if (n != null && name != null) {
      const xmlText = name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      sheets.set(n, { name: xmlText, hidden: (attr(tag, 'state') ?? 'visible') !== 'visible' });
    }
  }
  const pr = wb.match(/<(?:\w+:)?workbookPr\b[^>]*>/)?.[0] ?? '';
  return { sheets, date1904: /date1904="(1|true)"/.test(pr) };
}

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

/**
 * The streaming reader: rows arrive one at a time, so a 100,000-row workbook is read without
 * building exceljs's whole object model. Merged cells then read as empty except their master;
 * the header finder takes an empty sub-header cell from the row above, which is what a merge
 * means there, and data rows in district files are not merged.
 */
export async function readXlsxStreaming(buf: Buffer): Promise<SheetData[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
  const info = workbookInfo(buf);
  const sheets: SheetData[] = [];
  let cells = 0;
  try {
    for await (const ws of reader) {
      const rows: RawCell[][] = [];
      for await (const row of ws) {
        const out: RawCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          out[col - 1] = plainValue(cell.value);
        });
        for (let j = 0; j < out.length; j++) if (out[j] === undefined) out[j] = null;
        rows[row.number - 1] = out;
        cells += out.length;
        if (cells > MAX_CELLS) throw new ImportFileError('Berkas ditolak: lebih dari 5 juta sel. Bagi menjadi beberapa berkas.');
      }
      for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
      const known = info.sheets.get(Number((ws as unknown as { id: string | number }).id));
      sheets.push({ name: known?.name ?? (ws as unknown as { name: string }).name, hidden: known?.hidden ?? false, rows, date1904: info.date1904 });
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError(`Berkas Excel rusak dan tidak dapat dibaca (${(e as Error).message}). Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi.`);
  }
  return sheets;
}

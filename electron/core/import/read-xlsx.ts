/**
 * .xlsx/.xlsm through exceljs's streaming reader, flattened to plain values: rich text joined,
 * hyperlinks as their text, formulas (shared ones too) as their cached result, error values as
 * empty. Styles are not loaded: date cells arrive as serial numbers, which the year parser turns
 * into years with the workbook's own date system (1900 or 1904) — no time zone can shift them.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';
import { MAX_CELLS_PER_ROW, MAX_ROWS, tooManyRows, type RawCell, type SheetRow, type SheetSource } from './sheet';
import type { MergeRange } from './merges';
import { readZipText, zipWithFirst, type ZipEntry } from './zip-guard';

const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

const xmlText = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Sheet names, visibility and the 1904 flag from workbook.xml. The streaming reader only knows
 * them when workbook.xml comes before the sheets in the zip, which openpyxl does not do.
 */
interface SheetInfo {
  name: string;
  hidden: boolean;
}

function workbookInfo(buf: Buffer, entries: ZipEntry[]): { byFile: Map<number, SheetInfo>; bySheetId: Map<number, SheetInfo>; date1904: boolean } {
  const wb = readZipText(buf, 'xl/workbook.xml', entries) ?? '';
  const rels = readZipText(buf, 'xl/_rels/workbook.xml.rels', entries) ?? '';
  const attr = (tag: string, a: string) => tag.match(new RegExp(`\\s${a}="([^"]*)"`))?.[1];
  const targets = new Map<string, number>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const n = attr(tag, 'Target')?.match(/sheet(\d+)\.xml$/)?.[1];
    const id = attr(tag, 'Id');
    if (n && id) targets.set(id, Number(n));
  }
  const byFile = new Map<number, SheetInfo>();
  const bySheetId = new Map<number, SheetInfo>();
  for (const tag of wb.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const n = targets.get(attr(tag, 'r:id') ?? '');
    const name = attr(tag, 'name');
    if (name == null) continue;
    const sheet = { name: xmlText(name), hidden: (attr(tag, 'state') ?? 'visible') !== 'visible' };
    if (n != null) byFile.set(n, sheet);
    bySheetId.set(Number(attr(tag, 'sheetId')), sheet);
  }
  const pr = wb.match(/<(?:\w+:)?workbookPr\b[^>]*>/)?.[0] ?? '';
  return { byFile, bySheetId, date1904: /date1904="(1|true)"/.test(pr) };
}

type Obj = { richText?: { text: string }[]; text?: unknown; formula?: string; sharedFormula?: string; result?: unknown; error?: string };

export function plainValue(v: unknown): RawCell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  // A formula whose cached result is an error (#DIV/0!) arrives as NaN.
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'object') return null;
  const o = v as Obj;
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return plainValue(o.result);
  if (o.error) return null;
  if (o.text !== undefined) return plainValue(o.text);
  return null;
}

/** exceljs's reader types do not name the sheet fields it sets; this is what it has. */
interface StreamSheet extends AsyncIterable<ExcelJS.Row> {
  id: string | number;
  name?: string;
  state?: string;
}

/** exceljs's own error text (English, about XML internals) never reaches the user. */
const unreadable = (e: unknown) =>
  e instanceof ImportFileError
    ? e
    : ImportFileError.of('imp.xlsxDamaged');

/**
 * Worksheets one at a time, rows one at a time: a 100,000-row workbook is never held whole.
 * Merged cells read as empty except their master cell; the header finder treats an empty cell
 * under or beside a parent header as what a merge means there, and the sheet's merged ranges go
 * with it so the rows below the header can be filled (merges.ts).
 */
export async function* readXlsx(buf: Buffer, entries: ZipEntry[], merges?: Map<string, MergeRange[]>): AsyncGenerator<SheetSource> {
  const info = workbookInfo(buf, entries);
  // exceljs parks a worksheet that comes before the workbook and the shared strings in a temporary
  // file and reads it back later — and Excel, LibreOffice and exceljs itself all write the sheets
  // first. Handed those three first, it reads the sheets straight from the zip (a fifth faster).
  // A workbook without shared strings (numbers only, or inline strings) is handed an empty table:
  // exceljs would otherwise park every sheet in /tmp, files that are left behind when a reading is
  // abandoned, and that went missing under it once in a loaded test run (ENOENT).
  const first = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'];
  const ordered = zipWithFirst(buf, entries, first, entries.some((e) => e.name === 'xl/sharedStrings.xml') ? [] : [{ name: 'xl/sharedStrings.xml', data: EMPTY_SHARED_STRINGS }]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(ordered), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
  const workbook = [...info.bySheetId.values()];
  let rowCount = 0;
  async function* rowsOf(ws: StreamSheet): AsyncGenerator<SheetRow> {
    try {
      for await (const row of ws) {
        if (++rowCount > MAX_ROWS) throw tooManyRows();
        const cells: RawCell[] = [];
        const values = row.values as unknown[]; // 1-based, sparse
        const width = Math.min(values.length, MAX_CELLS_PER_ROW + 1);
        for (let c = 1; c < width; c++) cells.push(plainValue(values[c]));
        yield { number: row.number, cells };
      }
    } catch (e) {
      throw unreadable(e);
    }
  }
  try {
    for await (const ws of reader as AsyncIterable<StreamSheet>) {
      // When exceljs read workbook.xml before this sheet, it named the sheet and its id is the
      // sheetId; otherwise the name is a placeholder "Sheet<file number>" and the id that number.
      const id = Number(ws.id);
      const placeholder = ws.name == null || ws.name === `Sheet${ws.id}`;
      const byId = info.bySheetId.get(id);
      const known = !placeholder ? [...info.byFile.values()].find((x) => x.name === ws.name) : byId?.name === ws.name ? byId : info.byFile.get(id);
      const name = known?.name ?? ws.name ?? `Sheet${ws.id}`;
      const hidden = known?.hidden ?? (ws.state != null && ws.state !== 'visible');
      // The sheet's part in the zip (xl/worksheets/sheetN.xml), where its merged ranges were found.
      const file = placeholder ? id : [...info.byFile].find(([, x]) => x === known)?.[0];
      yield { name, hidden, workbook, date1904: info.date1904, rows: rowsOf(ws), merges: file != null ? merges?.get(`xl/worksheets/sheet${file}.xml`) : undefined };
    }
  } catch (e) {
    throw unreadable(e);
  }
}

/**
 * The tables of a spreadsheet file, whatever it holds (IKM lists, shipments, trade statistics):
 * opens the file (refusing what cannot be read), skips hidden and recap sheets, finds each
 * sheet's header with the given vocabulary in the first rows, and hands its rows on one at a time.
 */
import { readFileSync } from 'node:fs';
import { fold } from '../../../shared/text';
import { ImportFileError } from './errors';
import { findHeader, type ColumnMapping, type HeaderInfo, type Vocabulary } from './header';
import { headerCells } from './mapping';
import { readCsv } from './read-csv';
import { readSheetjs } from './read-sheetjs';
import { readXlsx } from './read-xlsx';
import { columnLetter, type RawCell, type SheetRow, type SheetSource } from './sheet';
import { mergeFiller } from './merges';
import { sniff, type FileKind } from './sniff';

/** Tables start near the top: the header is looked for in the first rows only. */
export const HEADER_SCAN = 40;
export const SUMMARY_SHEET = /^(rekap|rekapitulasi|ringkasan|jumlah|total|summary|resume|grafik|chart|petunjuk|keterangan|daftar isi)/;

export interface SpreadsheetInput {
  name: string;
  path?: string;
  data?: Buffer;
}

/** Opens a file as worksheets, refusing what cannot be read; `opened` sees the bytes and their kind. */
export async function openSheets(input: SpreadsheetInput, opened?: (buf: Buffer, kind: FileKind) => void): Promise<AsyncIterable<SheetSource> | Iterable<SheetSource>> {
  let buf: Buffer;
  try {
    buf = input.data ?? readFileSync(input.path!);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportFileError(`Berkas tidak dapat dibuka: ${code === 'ENOENT' ? 'tidak ditemukan' : code === 'EISDIR' ? 'ini folder, bukan berkas' : (e as Error).message}.`);
  }
  const kind = await sniff(input.name, buf);
  opened?.(buf, kind);
  return kind.kind === 'csv' ? readCsv(input.name, buf) : kind.kind === 'sheetjs' ? readSheetjs(buf, kind.format) : readXlsx(kind.data ?? buf, kind.entries, kind.merges);
}

export interface Table<F extends string> {
  sheet: string;
  date1904: boolean;
  header: HeaderInfo<F>;
  /** Every header cell, mapped or not (for the file's report). */
  cells: { column: string; header: string; field: string }[];
  columns: ColumnMapping<F>[];
  /** The rows under the header, in order, once. */
  rows: AsyncIterable<SheetRow>;
}

function iterate(rows: SheetSource['rows']): AsyncIterator<SheetRow> | Iterator<SheetRow> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

/** Each data table of the file, in sheet order; a table's rows must be read before the next table. */
export async function* readTables<F extends string>(input: SpreadsheetInput, vocab: Vocabulary<F>): AsyncGenerator<Table<F>> {
  for await (const sheet of await openSheets(input)) {
    if (sheet.hidden || SUMMARY_SHEET.test(fold(sheet.name))) continue;
    const it = iterate(sheet.rows);
    const head: RawCell[][] = [];
    let next: SheetRow | null = null;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      if (r.value.number > HEADER_SCAN) {
        next = r.value;
        break;
      }
      head[r.value.number - 1] = r.value.cells;
    }
    for (let i = 0; i < head.length; i++) head[i] ??= [];
    const header = findHeader(head, vocab);
    if (!header) {
      await it.return?.();
      continue;
    }
    const fieldOf = new Map(header.columns.map((c) => [c.col, c.field as string]));
    const fill = mergeFiller(sheet.merges ?? [], header.headerRow);
    async function* rows(): AsyncGenerator<SheetRow> {
      for (let i = header!.headerRow; i < head.length; i++) yield { number: i + 1, cells: fill(i + 1, head[i]!) };
      if (next) yield { number: next.number, cells: fill(next.number, next.cells) };
      for (let r = await it.next(); !r.done; r = await it.next()) yield { number: r.value.number, cells: fill(r.value.number, r.value.cells) };
    }
    yield {
      sheet: sheet.name,
      date1904: sheet.date1904,
      header,
      columns: header.columns,
      cells: headerCells(header).map((c) => ({ column: columnLetter(c.col + 1), header: c.header, field: fieldOf.get(c.col) ?? '' })),
      rows: rows(),
    };
  }
}

/**
 * The tables of a spreadsheet file, whatever it holds (IKM lists, shipments, trade statistics):
 * opens the file (refusing what cannot be read), skips hidden and recap sheets, finds each
 * sheet's header with the given vocabulary in the first rows, and hands its rows on one at a time.
 */
import { readFileSync } from 'node:fs';
import type { ColumnReport } from '../../../shared/import';
import { fold } from '../../../shared/text';
import { ImportFileError } from './errors';
import { guessHeader, withUserHeaders, type ColumnMapping, type HeaderInfo, type Vocabulary } from './header';
import { applyOverrides, headerCells, UnmappedColumns, type MappingOverrides } from './mapping';
import { readCsv } from './read-csv';
import { readSheetjs } from './read-sheetjs';
import { readXlsx } from './read-xlsx';
import { columnLetter, type RawCell, type SheetRow, type SheetSource } from './sheet';
import { mergeFiller } from './merges';
import { sniff, type FileKind } from './sniff';

/** Tables start near the top: the header is looked for in the first rows only. */
export const HEADER_SCAN = 40;
export const SUMMARY_SHEET = /^(rekap|rekapitulasi|ringkasan|jumlah|total|summary|resume|grafik|chart|petunjuk|keterangan|daftar isi)/;

/**
 * Hidden sheets and recap sheets are not data; a CSV's one "sheet" is named after the file, so
 * "rekap_ekspor.csv" is the table itself, never a recap to skip.
 */
export function skipSheet(sheets: AsyncIterable<SheetSource> | Iterable<SheetSource>, sheet: SheetSource): boolean {
  if (Array.isArray(sheets) && sheets.length === 1) return false;
  return sheet.hidden || SUMMARY_SHEET.test(fold(sheet.name));
}

/** A row with data: a filled cell other than a lone row number (a template numbered ahead is still empty). */
function hasData(cells: readonly RawCell[] | undefined): boolean {
  const filled = (cells ?? []).filter((c) => c != null && String(c).trim() !== '');
  return filled.length > 1 || (filled.length === 1 && !/^\d{1,4}\.?$/.test(String(filled[0]).trim()));
}

/**
 * A table with a header and not one data row under it (a template sent back unfilled), known
 * from the first rows: the sheet ended within them (`more` is false) and nothing below the header.
 */
export function headerOnly(head: readonly RawCell[][], headerRow: number, more: boolean): boolean {
  return !more && !head.slice(headerRow).some(hasData);
}

/** The refusal of a file whose only table has no data rows: where the header is, and what to do. */
export const headerOnlyError = (file: string, at: { sheet: string; row: number }) => ImportFileError.of('imp.headerOnly', { file, sheet: at.sheet, row: at.row });

export interface SpreadsheetInput {
  name: string;
  path?: string;
  data?: Buffer;
  /** The user's corrections to the column mapping (header text → field, '' = ignore). */
  mapping?: MappingOverrides;
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
  cells: ColumnReport[];
  columns: ColumnMapping<F>[];
  /** Counts the data in columns not imported: the importer shows it each data row. */
  unmapped: UnmappedColumns;
  /** The rows under the header, in order, once. */
  rows: AsyncIterable<SheetRow>;
}

function iterate(rows: SheetSource['rows']): AsyncIterator<SheetRow> | Iterator<SheetRow> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

/** A sheet's row that looked most like a header, with every header cell and the fields it named, when no table was found in it. */
export interface NearestHeader {
  sheet: string;
  row: number;
  columns: ColumnReport[];
}

/**
 * Each data table of the file, in sheet order; a table's rows must be read before the next table.
 * The user's mapping corrections also find the header (a column only they could name); `nearest`
 * hears of each sheet's best header-like row when no table is found in it.
 */
export async function* readTables<F extends string>(input: SpreadsheetInput, vocab: Vocabulary<F>, opts: { nearest?(n: NearestHeader): void } = {}): AsyncGenerator<Table<F>> {
  const words = withUserHeaders(vocab, input.mapping ?? {});
  const sheets = await openSheets(input);
  let tables = 0;
  /** The first header with no data under it: the refusal when no sheet has a table with data. */
  let empty: { sheet: string; row: number } | null = null;
  for await (const sheet of sheets) {
    if (skipSheet(sheets, sheet)) continue;
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
    const guess = guessHeader(head, words);
    const header = guess.header;
    if (!header && guess.nearest)
      opts.nearest?.({ sheet: sheet.name, row: guess.nearest.row, columns: guess.nearest.cells.map((c) => ({ column: columnLetter(c.col + 1), header: c.header, field: c.field ?? '' })) });
    if (!header || headerOnly(head, header.headerRow, next != null)) {
      if (header) empty ??= { sheet: sheet.name, row: header.headerRow };
      await it.return?.();
      continue;
    }
    tables++;
    const known = new Set<string>(vocab.fields.map((f) => f.field));
    const columns = applyOverrides(header.columns, header.cells, input.mapping ?? {}, (f) => known.has(f));
    const byCol = new Map(columns.map((c) => [c.col, c]));
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
      columns,
      unmapped: new UnmappedColumns(sheet.name, header.cells, columns),
      cells: headerCells(header).map((c) => {
        const m = byCol.get(c.col);
        return { column: columnLetter(c.col + 1), header: c.header, field: m?.field ?? '', ...(m ? { confidence: m.confidence ?? 1, source: m.source ?? 'header', why: m.why ?? [] } : {}) };
      }),
      rows: rows(),
    };
  }
  if (tables === 0 && empty) throw headerOnlyError(input.name, empty);
}

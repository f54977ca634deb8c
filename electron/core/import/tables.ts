/**
 * The one table reader of every import (IKM lists, shipments, trade statistics, Go Ekspor lists):
 * opens the file (refusing what cannot be read), skips hidden and recap sheets, finds each
 * sheet's header with the given vocabulary in the first rows, decides its column mapping, and
 * hands its rows on one at a time, merged cells filled. What differs per importer comes in as
 * hooks: cells the user corrected in the wizard, a mapping hook (saved mappings, a refusal, the
 * values confirming the columns once the user's corrections are applied).
 */
import { readFileSync } from 'node:fs';
import type { ColumnReport, FileReport } from '../../../shared/import';
import type { MessageKey } from '../../../shared/messages';
import { fold } from '../../../shared/text';
import { ImportFileError } from './errors';
import { guessHeader, withUserHeaders, type ColumnMapping, type HeaderInfo, type Vocabulary } from './header';
import { applyOverrides, UnmappedColumns, type MappingOverrides } from './mapping';
import { isJunkRow } from './junk';
import { mergeFiller } from './merges';
import { readCsv } from './read-csv';
import { readSheetjs } from './read-sheetjs';
import { readXlsx } from './read-xlsx';
import { columnLetter, columnNumber, type RawCell, type SheetRow, type SheetSource } from './sheet';
import { sniff, type FileKind } from './sniff';

/** Tables start near the top: the header is looked for in the first rows only. */
export const HEADER_SCAN = 40;
export const SUMMARY_SHEET = /^(rekap|rekapitulasi|ringkasan|jumlah|total|summary|resume|grafik|chart|petunjuk|keterangan|daftar isi)/;

const asideSheet = (s: { name: string; hidden: boolean }) => s.hidden || SUMMARY_SHEET.test(fold(s.name));

/**
 * Hidden sheets and recap sheets are not data — when the workbook has a sheet that is neither. A
 * district's only sheet named "Rekap", or "Rekap 2024" beside "Rekap 2025", is the table itself;
 * so is a CSV's one "sheet", named after the file ("rekap_ekspor.csv").
 */
export function skipSheet(sheet: SheetSource): boolean {
  return asideSheet(sheet) && sheet.workbook.some((s) => !asideSheet(s));
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
  /** Cells corrected in the wizard before importing: "Sheet!E22" → new value ('' = empty). */
  fixes?: Record<string, string>;
}

/** Opens a file as worksheets, refusing what cannot be read; `opened` sees the bytes and their kind. */
export async function openSheets(input: SpreadsheetInput, opened?: (buf: Buffer, kind: FileKind) => void): Promise<AsyncIterable<SheetSource> | Iterable<SheetSource>> {
  let buf: Buffer;
  try {
    buf = input.data ?? readFileSync(input.path!);
  } catch (e) {
    // The system's own words (English, with the path) stay out of the message.
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw code === 'ENOENT' ? ImportFileError.of('imp.openMissing') : code === 'EISDIR' ? ImportFileError.of('imp.openFolder') : code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' ? ImportFileError.of('imp.openDenied') : ImportFileError.of('imp.openFailed', { code });
  }
  const kind = await sniff(input.name, buf);
  opened?.(buf, kind);
  return kind.kind === 'csv' ? readCsv(input.name, buf) : kind.kind === 'sheetjs' ? readSheetjs(buf, kind.format) : readXlsx(kind.data ?? buf, kind.entries, kind.merges);
}

/** A sheet's header, found: what the mapping hook decides from. */
export interface FoundHeader<F extends string> {
  sheet: SheetSource;
  header: HeaderInfo<F>;
  /** The data rows under the header among the first rows read (junk.ts's furniture left out). */
  sample: readonly RawCell[][];
}

/** A sheet's row that looked most like a header when no table was found in it: every header cell, with the field it named and how sure. */
export interface NearestHeader {
  sheet: string;
  row: number;
  /** The header texts that named a field. */
  headers: string[];
  columns: ColumnReport[];
}

/**
 * The refusal of a file in which no table was found, only a row near one: that row's columns join
 * the report (`key` says which column is missing and what to do), so the user can name the
 * missing column in the mapping and read the file again (the mapping then finds the header).
 */
export function noTableNear(report: FileReport, n: NearestHeader, key: MessageKey): ImportFileError {
  report.sheets.push({ name: n.sheet, headerRow: n.row, columns: n.columns });
  report.needsMapping = true;
  return ImportFileError.of(key, { row: n.row, sheet: n.sheet, headers: n.columns.map((c) => c.header).join(', ') });
}

export interface TableHooks<F extends string> {
  /** The file's bytes, once they are known to be readable. */
  opened?(buf: Buffer, kind: FileKind): void;
  /** A sheet in which no table was found: its row that looked most like a header. */
  nearest?(n: NearestHeader): void;
  /**
   * The corrections that apply to the table (saved ones too; by default the input's `mapping`),
   * and `confirm`: what the values say of its columns once corrected (confirm, doubt, propose a
   * field for a column the header does not name, never one the user chose to ignore), so a
   * column the user named is read and checked like any other. Throwing refuses the file.
   */
  mapping?(found: FoundHeader<F>): { overrides: MappingOverrides; confirm?(columns: ColumnMapping<F>[], ignored: ReadonlySet<number>): ColumnMapping<F>[] };
}

export interface Table<F extends string> {
  sheet: string;
  date1904: boolean;
  header: HeaderInfo<F>;
  /** Every column as the report lists it: each header cell, mapped or not, and columns the values proposed. */
  cells: ColumnReport[];
  columns: ColumnMapping<F>[];
  /** Counts the data in columns not imported: the importer shows it each data row. */
  unmapped: UnmappedColumns;
  /** The rows under the header, in order, once, merged cells filled and the user's fixes applied. */
  rows: AsyncIterable<SheetRow>;
  /** The user's fixes applied in this sheet so far (header rows too); all of them once its rows are read. */
  fixed: AppliedFix[];
}

/** A wizard fix applied to a cell: its value before, the new one, and the row it is in (as fixed). */
export interface AppliedFix {
  row: number;
  col: number;
  from: RawCell;
  to: string;
  cells: RawCell[];
}

/** Cells corrected in the wizard, by row number then 0-based column, for one sheet. */
function fixesFor(fixes: Record<string, string> | undefined, sheet: string): Map<number, Map<number, string>> | null {
  let out: Map<number, Map<number, string>> | null = null;
  for (const [address, value] of Object.entries(fixes ?? {})) {
    const m = address.match(/^(.*)!([A-Z]{1,3})(\d{1,7})$/);
    if (!m || m[1] !== sheet) continue;
    const row = Number(m[3]);
    out ??= new Map();
    if (!out.has(row)) out.set(row, new Map());
    out.get(row)!.set(columnNumber(m[2]!) - 1, value);
  }
  return out;
}

function applyFixes(row: SheetRow, fixes: Map<number, Map<number, string>> | null, applied: AppliedFix[]): SheetRow {
  const f = fixes?.get(row.number);
  if (!f) return row;
  for (const [col, value] of f) {
    while (row.cells.length <= col) row.cells.push(null);
    const from = row.cells[col] ?? null;
    row.cells[col] = value.trim() === '' ? null : value;
    applied.push({ row: row.number, col, from, to: value.trim(), cells: row.cells });
  }
  return row;
}

function iterate(rows: SheetSource['rows']): AsyncIterator<SheetRow> | Iterator<SheetRow> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}

/** The report's columns: every header cell, and the columns the values proposed (a blank header has no cell of its own). */
function reportColumns<F extends string>(cells: HeaderInfo<F>['cells'], columns: ColumnMapping<F>[]): ColumnReport[] {
  const byCol = new Map(columns.map((c) => [c.col, c]));
  const listed = [...cells, ...columns.filter((c) => !cells.some((x) => x.col === c.col)).map((c) => ({ col: c.col, header: c.header }))].sort((a, b) => a.col - b.col);
  return listed.map((c) => {
    const m = byCol.get(c.col);
    return { column: columnLetter(c.col + 1), header: c.header, field: m?.field ?? '', ...(m ? { confidence: m.confidence ?? 1, source: m.source ?? 'header', why: m.why ?? [] } : {}) };
  });
}

/**
 * Each data table of the file, in sheet order; a table's rows must be read before the next
 * table. Only the first HEADER_SCAN rows of a sheet are held at once, to find its header in.
 * `hooks` are optional: shipments, BPS tables and Go Ekspor lists read with the defaults.
 */
export async function* readTables<F extends string>(input: SpreadsheetInput, vocab: Vocabulary<F>, hooks: TableHooks<F> = {}): AsyncGenerator<Table<F>> {
  // The user's mapping corrections also find the header (a column only they could name).
  const words = withUserHeaders(vocab, input.mapping ?? {});
  const sheets = await openSheets(input, hooks.opened);
  const known = new Set<string>(vocab.fields.map((f) => f.field));
  let tables = 0;
  /** The first header with no data under it: the refusal when no sheet has a table with data. */
  let empty: { sheet: string; row: number } | null = null;
  for await (const sheet of sheets) {
    if (skipSheet(sheet)) continue;
    const fixes = fixesFor(input.fixes, sheet.name);
    const fixed: AppliedFix[] = [];
    const it = iterate(sheet.rows);
    try {
      // The first rows, as a grid by worksheet row, to find the header in.
      const head: RawCell[][] = [];
      let next: SheetRow | null = null;
      for (let r = await it.next(); !r.done; r = await it.next()) {
        const row = applyFixes(r.value, fixes, fixed);
        if (row.number > HEADER_SCAN) {
          next = row;
          break;
        }
        head[row.number - 1] = row.cells;
      }
      for (let i = 0; i < head.length; i++) head[i] ??= [];
      const { header, nearest } = guessHeader(head, words);
      if (!header) {
        if (nearest) hooks.nearest?.({ sheet: sheet.name, row: nearest.row, headers: nearest.headers, columns: reportColumns(nearest.cells, nearest.columns) });
        continue;
      }
      if (headerOnly(head, header.headerRow, next != null)) {
        empty ??= { sheet: sheet.name, row: header.headerRow };
        continue;
      }
      tables++;
      // The values that confirm the columns are data rows: not the column-number row, a total or a note.
      const sample = head.slice(header.headerRow).filter((r) => !isJunkRow(r, header.columns, vocab.required));
      const decided = hooks.mapping?.({ sheet, header, sample }) ?? { overrides: input.mapping ?? {} };
      const corrected = applyOverrides(header.columns, header.cells, decided.overrides, (f) => known.has(f), vocab.perYear);
      const ignored = new Set(header.cells.filter((c) => decided.overrides[c.header] === '').map((c) => c.col));
      const columns = decided.confirm ? decided.confirm(corrected, ignored) : corrected;
      // Merged cells below the header (a district or kecamatan merged down) read as their value.
      const fill = mergeFiller(sheet.merges ?? [], header.headerRow);
      const rows = async function* (): AsyncGenerator<SheetRow> {
        for (let i = header.headerRow; i < head.length; i++) yield { number: i + 1, cells: fill(i + 1, head[i]!) };
        if (next) yield { number: next.number, cells: fill(next.number, next.cells) };
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const row = fixes ? applyFixes(r.value, fixes, fixed) : r.value;
          yield { number: row.number, cells: fill(row.number, row.cells) };
        }
      };
      yield {
        sheet: sheet.name,
        date1904: sheet.date1904,
        header,
        columns,
        cells: reportColumns(header.cells, columns),
        unmapped: new UnmappedColumns(sheet.name, header.cells, columns),
        rows: rows(),
        fixed,
      };
    } finally {
      // A table left before its last row (a refusal, a sheet without a header) lets its reader go.
      await it.return?.();
    }
  }
  if (tables === 0 && empty) throw headerOnlyError(input.name, empty);
}

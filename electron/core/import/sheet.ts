import { ImportFileError } from './errors';
import type { MergeRange } from './merges';

/** What every reader produces: worksheets whose rows arrive one at a time, as plain cell values. */
export type RawCell = string | number | boolean | Date | null;

/** One worksheet row: its 1-based number as Excel shows it, and cells[j] = column j+1. */
export interface SheetRow {
  number: number;
  cells: RawCell[];
}

export interface SheetSource {
  name: string;
  hidden: boolean;
  /** Dates typed as serial numbers count from 1904 in this workbook. */
  date1904: boolean;
  /** Rows in order, once; empty rows may be missing. A big sheet is never held whole in memory. */
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  /** Merged ranges (xlsx): exceljs reads only their top-left cell (see merges.ts). */
  merges?: MergeRange[];
  /** Every sheet of the workbook, this one too (a CSV: itself), known before any is read. */
  workbook: readonly { name: string; hidden: boolean }[];
}

/**
 * The one text of a cell, wherever a cell is read as text (emptiness, names, a refused row's
 * original, examples): trimmed; a date as its day (2025-03-12), with the time only when it has one.
 */
export function cellText(c: RawCell | undefined): string {
  if (c == null) return '';
  if (c instanceof Date) {
    const iso = c.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return typeof c === 'string' ? c.trim() : String(c);
}

/** A district list has thousands of rows, not millions: more is a broken or hostile file. */
export const MAX_ROWS = 1_000_000;
export const MAX_CELLS_PER_ROW = 1_000;

/** The refusal of a sheet past MAX_ROWS (its text names the number). */
export const tooManyRows = () => ImportFileError.of('imp.tooManyRows');

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 1-based column number of Excel letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

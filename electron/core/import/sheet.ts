/** What every reader produces: plain cell values by worksheet row, whatever the file format. */
export type RawCell = string | number | boolean | Date | null;

export interface SheetData {
  name: string;
  hidden: boolean;
  /** rows[i][j] is worksheet row i+1, column j+1 (as Excel numbers them). */
  rows: RawCell[][];
  /** Dates typed as serial numbers count from 1904 in this workbook. */
  date1904: boolean;
}

export const MAX_CELLS = 5_000_000;

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

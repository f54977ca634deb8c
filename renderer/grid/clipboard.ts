/** Tab-separated text as Excel puts it on the clipboard, both ways. */
import { parseDelimited } from '../../shared/delimited';
import { neutraliseFormula } from '../../shared/text';

/** Cells → TSV; text that Excel would run as a formula is neutralised, tabs/newlines quoted. */
export function toTsv(rows: string[][]): string {
  return rows
    .map((r) =>
      r
        .map((cell) => {
          const safe = neutraliseFormula(cell);
          return /[\t\n\r"]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
        })
        .join('\t'),
    )
    .join('\r\n');
}

/** TSV from Excel → cells; quoted cells with line breaks, the trailing newline ignored. */
export const parseTsv = (text: string): string[][] => parseDelimited(text, '\t');

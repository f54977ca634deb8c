/** Tab-separated text as Excel puts it on the clipboard, both ways. */
import { neutraliseFormula } from '../../../shared/text';

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

/** TSV from Excel → cells; handles quoted cells with line breaks and the trailing newline. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

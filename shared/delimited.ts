/**
 * Delimited text as Excel writes it (CSV files, and the clipboard's tab-separated ranges):
 * quoted cells may hold the delimiter, line breaks and doubled quotes; a trailing newline does
 * not make an empty last row. `maxCellsPerRow`: cells past it are read over but not kept (as the
 * sheet reader does), so a line of 22 million separators costs a scan, not gigabytes.
 */
export function parseDelimited(text: string, delimiter: string, opts: { maxCellsPerRow?: number } = {}): string[][] {
  const max = opts.maxCellsPerRow ?? Infinity;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const keep = () => {
    if (row.length < max) row.push(cell);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      keep();
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      keep();
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    keep();
    rows.push(row);
  }
  return rows;
}

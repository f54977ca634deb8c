/**
 * Merged cells in the data of a worksheet ("Kab/Kota" or "Kecamatan" merged down over a group of
 * rows): exceljs reads only the top-left cell of a merge, the rest as empty, and the sheet's
 * <mergeCells> list comes after all its rows. So the list is picked out of the sheet XML while the
 * zip guard inflates it anyway (MergeScanner), and the rows below the header get the value of
 * the merge down their column (mergeFiller) — the way a person reads the sheet.
 */
import { columnNumber, type RawCell } from './sheet';

export interface MergeRange {
  top: number; // 1-based rows and columns, inclusive
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): MergeRange | null {
  const m = ref.match(/^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/);
  if (!m) return null;
  const [a, b] = [columnNumber(m[1]!), columnNumber(m[3]!)];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

/** Collects `<mergeCell ref="A5:A9"/>` from sheet XML arriving in chunks (a tag may straddle two). */
export class MergeScanner {
  readonly ranges: MergeRange[] = [];
  private carry = Buffer.alloc(0);

  push(chunk: Buffer): void {
    // Most of a sheet is rows: a native byte search skips them; only a chunk that holds the
    // merge list (at the sheet's end) is read as text. 200 bytes carried over catch a tag cut in two.
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - 200)));
    const at = buf.indexOf('mergeCell');
    if (at < 0) return;
    const text = buf.toString('latin1', Math.max(0, at - 8));
    const re = /<(?:\w+:)?mergeCell\s[^>]*?ref="([^"]+)"\s*\/?>/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = parseRange(m[1]!);
      if (r && this.ranges.length < 100_000) this.ranges.push(r);
      last = re.lastIndex;
    }
    // Whatever follows the last whole tag is carried over (a tag may be cut by the boundary).
    this.carry = Buffer.from(text.slice(last).slice(-200), 'latin1');
  }
}

/**
 * Fills merged cells in rows below `from` (the header's last row) with their top-left value.
 * Call with each row in order; returns the same array, filled.
 */
export function mergeFiller(ranges: readonly MergeRange[], from: number): (row: number, cells: RawCell[]) => RawCell[] {
  // Rows arrive in order: ranges are taken on at their top row and dropped after their bottom
  // one, so a sheet with thousands of merges costs only the merges the row is in.
  // Only merges down a column are values repeated: one merged across columns is a label that
  // spans them ("JUMLAH" over a totals row, a heading), read once as a person would.
  const pending = ranges.filter((r) => r.top > from && r.bottom > r.top).sort((a, b) => a.top - b.top);
  if (pending.length === 0) return (_row, cells) => cells;
  let next = 0;
  let active: { r: MergeRange; value: RawCell }[] = [];
  return (row, cells) => {
    active = active.filter((a) => a.r.bottom >= row);
    while (next < pending.length && pending[next]!.top <= row) {
      const r = pending[next++]!;
      // A merge whose top row never arrived (an empty row) has no value to spread.
      if (r.top === row && r.bottom >= row) active.push({ r, value: cells[r.left - 1] ?? null });
    }
    for (const { r, value } of active) {
      if (value == null || value === '') continue;
      while (cells.length < r.left) cells.push(null);
      if (cells[r.left - 1] == null || cells[r.left - 1] === '') cells[r.left - 1] = value;
    }
    return cells;
  };
}

/**
 * Excel's movement keys as a pure function: which cell a key press goes to. The grid calls it
 * from its keydown handler; keeping it apart makes the rules easy to read and to test.
 *
 *   arrows            one cell          Ctrl+arrows      to the edge of the registry
 *   Tab / Shift+Tab   right / left (wraps to the next / previous row)
 *   Home / End        first / last column of the row
 *   Ctrl+Home / End   first cell / last cell of the registry
 *   PageUp / PageDown one screen up / down
 *   Shift + any of the above (except Tab) extends the selection instead of moving it.
 */
import { clamp, type CellPos } from './selection';

export interface GridLimits {
  lastRow: number;
  lastCol: number;
  /** Rows in one screenful, for PageUp/PageDown. */
  pageRows: number;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface Move {
  to: CellPos;
  /** Extend the selection from its anchor (Shift) instead of starting a new one. */
  extend: boolean;
}

export function keyMove(e: KeyLike, at: CellPos, lim: GridLimits): Move | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const extend = e.shiftKey;
  const go = (row: number, col: number, ext = extend): Move => ({
    to: { row: clamp(row, 0, lim.lastRow), col: clamp(col, 0, lim.lastCol) },
    extend: ext,
  });
  const { row, col } = at;
  switch (e.key) {
    case 'ArrowDown':
      return go(ctrl ? lim.lastRow : row + 1, col);
    case 'ArrowUp':
      return go(ctrl ? 0 : row - 1, col);
    case 'ArrowRight':
      return go(row, ctrl ? lim.lastCol : col + 1);
    case 'ArrowLeft':
      return go(row, ctrl ? 0 : col - 1);
    case 'Tab':
      if (e.shiftKey) return col > 0 ? go(row, col - 1, false) : go(row - 1, lim.lastCol, false);
      return col < lim.lastCol ? go(row, col + 1, false) : go(row + 1, 0, false);
    case 'Home':
      return ctrl ? go(0, 0) : go(row, 0);
    case 'End':
      return ctrl ? go(lim.lastRow, lim.lastCol) : go(row, lim.lastCol);
    case 'PageDown':
      return go(row + lim.pageRows, col);
    case 'PageUp':
      return go(row - lim.pageRows, col);
    default:
      return null;
  }
}

/** A key that starts editing with its character, replacing the cell's content (as in Excel). */
export function isTypingKey(e: KeyLike & { altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

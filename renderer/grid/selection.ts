/** A rectangular selection in absolute row and column indexes (rows live on the server). */
export interface CellPos {
  row: number;
  col: number;
}
export interface Selection {
  anchor: CellPos;
  focus: CellPos;
  /** The active cell when it is not the moving corner: Ctrl+A, Shift+Space and Ctrl+Space keep it where it was. */
  active?: CellPos;
}

/** The cell that typing, F2 and Enter edit. */
export const activeCell = (s: Selection): CellPos => s.active ?? s.focus;

/** A single cell selected. */
export const at = (pos: CellPos): Selection => ({ anchor: pos, focus: pos });

export function bounds(s: Selection) {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    bottom: Math.max(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    right: Math.max(s.anchor.col, s.focus.col),
  };
}

export function contains(s: Selection, row: number, col: number): boolean {
  const b = bounds(s);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

export function cellCount(s: Selection): number {
  const b = bounds(s);
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** Cells are keyed by record id and field, so a mark survives scrolling and reloading. */
export const cellKey = (id: number, field: string): string => `${id}:${field}`;

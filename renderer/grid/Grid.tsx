/**
 * The spreadsheet grid of the registry and of the shipments: a WAI-ARIA grid over server-side windows of rows, virtualised with
 * @tanstack/react-virtual, with Excel's keys, range selection, in-cell editing, copy/paste as TSV
 * and validation messages at the cell.
 *
 * Row data, saving and undo belong to the page (registry, shipments); this component turns keys and mouse into
 * those operations. Helpers live next door: navigation.ts (which key goes where), selection.ts
 * (the selected rectangle), clipboard.ts (TSV both ways), CellEditor.tsx, GridHeader.tsx,
 * ContextMenu.tsx, FindBar.tsx, HeaderFilter.tsx.
 *
 * Keys beyond movement: F2/Enter/typing edit, Esc cancels (nothing saved), Delete clears,
 * Shift+Space selects the row, Ctrl+Space the column, Ctrl+A everything (the active cell stays),
 * Ctrl+D fills down, Ctrl+F finds, Ctrl+H replaces, Ctrl+I opens the record's details, Ctrl+Z/Y
 * undo/redo (also when focus is elsewhere on the page, outside a text field).
 *
 * Range operations (fill, paste over a range, find, replace) go to the page's `bulk` functions
 * when it has them — the registry runs them in the core over the whole filtered view — and
 * otherwise work on the rows fetched for the range (at most 50,000 cells).
 *
 * Why not @tanstack/react-table's cell selection: in v9.3.1 it keys selection by row ids of the
 * client-side row model, and it has no keyboard navigation or clipboard. Here rows live on the
 * server (only a window of pages is loaded), so selection is kept as absolute row indexes.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { CellEditor, type CommitMove, type EditorOption } from './CellEditor';
import { parseTsv, toTsv } from './clipboard';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { FindBar, type FindMode } from './FindBar';
import { GridHeader, MIN_WIDTH, rownumWidth } from './GridHeader';
import { HeaderFilter, type HeaderFilterSource } from './HeaderFilter';
import { isTypingKey, keyMove } from './navigation';
import { activeCell, at, bounds, cellKey, clamp, contains, type CellPos, type Selection } from './selection';
import type { RowWindow } from './useRowWindow';
import './grid.css';
import { formatNumber } from '../format';

export const ROW_HEIGHT = 28;
/** As many cells as one edit may change (the contract's limit of one update). */
export const MAX_CELLS = 50_000;

/** A row of any table the grid shows (IKM records, shipments): an id and its fields. */
export interface GridRow {
  id: number;
}
export const valueOf = (row: GridRow, field: string): unknown => (row as unknown as Record<string, unknown>)[field];

/** A column as the grid needs it; labels and cell text come from the page. */
export interface GridColumnDef {
  key: string;
  width: number;
  numeric: boolean;
  editable: boolean;
}

export type GridSort = { field: string; desc: boolean }[];

export type CellValue = string | number | null;

/** One cell to save, with the value it had (for undo). */
export interface CellEdit {
  id: number;
  field: string;
  value: CellValue;
  before: unknown;
}

export interface EditOutcome {
  ok: boolean;
  /** Messages per change index, in the current language. */
  errors?: Map<number, string>;
}

/** A cell a range operation refused: its row in the view, its field, why. */
export interface Refusal {
  id: number;
  row: number;
  field: string;
  message: string;
}
export interface BulkOutcome {
  ok: boolean;
  /** Cells changed (ok) */
  changed?: number;
  refused?: Refusal[];
  /** Shown as it is (too many cells, the core did not answer). */
  message?: string;
}

/** Core-side range operations over the page's current view (rows by index under its filter and sort). */
export interface GridBulk {
  /** Writes `block` repeated over rows top..bottom and `fields`; one undo entry. */
  fill(top: number, bottom: number, fields: string[], block: CellValue[][]): Promise<BulkOutcome>;
  find(text: string, fields: string[], from: CellPos, backwards: boolean): Promise<{ row: number; field: string; matches: number } | null>;
  replaceAll(text: string, replacement: string, fields: string[]): Promise<BulkOutcome>;
  /** Where a record now sits in the view (after an edit re-sorted it), or null. */
  locate(id: number): Promise<number | null>;
}

export interface GridHandle {
  /** Scrolls to a row once it is loaded (its id must match) and optionally opens its editor. */
  goTo(index: number, id: number, field: string, edit: boolean): void;
  focus(): void;
  openFind(mode: FindMode): void;
}

interface Props {
  rows: RowWindow<GridRow>;
  columns: readonly GridColumnDef[];
  /** What a cell shows (id-ID numbers, names for codes). */
  text(row: GridRow, key: string): string;
  /** What its editor starts with and Ctrl+C copies (numbers without separators). */
  raw(row: GridRow, key: string): string;
  label(key: string): string;
  ariaLabel: string;
  options(key: string): EditorOption[] | undefined;
  sort: GridSort;
  onSortClick(field: string, add: boolean): void;
  onResize(key: string, width: number, done: boolean): void;
  /** Validates and saves all-or-nothing; resolves with per-change errors (nothing saved) or ok. `typed`: one value from the editor. */
  edit(changes: CellEdit[], opts?: { typed?: boolean }): Promise<EditOutcome>;
  onActiveRow(row: GridRow | undefined): void;
  onUndo(): void;
  onRedo(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  selection: Selection;
  setSelection(sel: Selection): void;
  bulk?: GridBulk;
  headerFilter?: HeaderFilterSource;
  /** Context-menu actions the page offers. */
  onInsertRow?(): void;
  onDeleteRows?(): void;
  onFilterByValue?(field: string, value: unknown): void;
  onOpenDetail?(): void;
}

interface Editing {
  pos: CellPos;
  id: number;
  text: string;
  selectAll?: boolean;
}

/** Keys typed while a value is being saved, replayed once it is (so fast typing never merges cells). */
type QueuedKey = { key: string; shift: boolean };

const isTextField = (el: Element | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type)));

export const Grid = forwardRef<GridHandle, Props>(function Grid(p, ref) {
  const { t } = useI18n();
  const { rows, columns, selection: sel, setSelection } = p;
  const total = rows.total ?? 0;
  const ROWNUM_WIDTH = rownumWidth(total);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [editing, setEditingState] = useState<Editing | null>(null);
  /** The open editor, synchronously: a blur during Esc or a commit must not save it a second time. */
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const queue = useRef<QueuedKey[] | null>(null);
  /** Refused cells (key: record id + field) with their message; cleared by Escape or a good save. */
  const [invalid, setInvalid] = useState<Map<string, string>>(new Map());
  /** The refused cell whose message shows even when it is not the active cell (first of a batch). */
  const [pinned, setPinned] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pendingGoTo, setPendingGoTo] = useState<{ index: number; id: number; field: string; edit: boolean } | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; pos: CellPos } | null>(null);
  const [find, setFind] = useState<FindMode | null>(null);
  const [headerFilterAt, setHeaderFilterAt] = useState<{ key: string; rect: DOMRect } | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  const { ensure, version } = rows;
  useEffect(() => {
    ensure(firstVisible, Math.max(lastVisible, firstVisible + 40));
  }, [firstVisible, lastVisible, ensure, version]);

  const active = activeCell(sel);
  const activeRow = rows.row(active.row);
  const { onActiveRow } = p;
  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);
  const lastRow = Math.max(0, total - 1);
  const lastCol = columns.length - 1;
  const { label } = p;

  /** Scrolls so a cell is visible, minding the frozen columns on the left. */
  const reveal = useCallback(
    (pos: CellPos) => {
      virtualizer.scrollToIndex(pos.row, { align: 'auto' });
      const sc = scrollRef.current;
      if (!sc || pos.col === 0) return;
      const left = columns.slice(0, pos.col).reduce((s, c) => s + c.width, ROWNUM_WIDTH);
      const frozen = ROWNUM_WIDTH + (columns[0]?.width ?? 0);
      const w = columns[pos.col]?.width ?? 0;
      if (left - sc.scrollLeft < frozen) sc.scrollLeft = left - frozen;
      else if (left + w - sc.scrollLeft > sc.clientWidth) sc.scrollLeft = left + w - sc.clientWidth;
    },
    [columns, virtualizer, ROWNUM_WIDTH],
  );

  const clampPos = (pos: CellPos): CellPos => ({ row: clamp(pos.row, 0, lastRow), col: clamp(pos.col, 0, lastCol) });
  const moveTo = (pos: CellPos, extend = false) => {
    const focus = clampPos(pos);
    setSelection(extend ? { anchor: sel.anchor, focus } : at(focus));
    reveal(focus);
  };

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const startEdit = (pos: CellPos, text?: string, selectAll = false) => {
    const col = columns[pos.col];
    const row = rows.row(pos.row);
    if (!col || !row) return;
    if (!col.editable) return p.notify(t('grid.readonly', { field: label(col.key) }));
    setEditing({ pos, id: row.id, text: text ?? p.raw(row, col.key), selectAll });
  };

  // On arrival the grid has the keyboard (unless the user is already typing somewhere else).
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || rows.total == null) return;
    arrived.current = true;
    const el = document.activeElement;
    // A tab clicked with the mouse hands over to the grid; one reached with ←/→ (focus-visible)
    // keeps the focus, so the ARIA tabs pattern still walks the tabs.
    if (!el || el === document.body || (el.getAttribute('role') === 'tab' && !el.matches(':focus-visible'))) focusGrid();
  }, [rows.total]);

  useImperativeHandle(ref, () => ({
    goTo: (index, id, field, edit) => setPendingGoTo({ index, id, field, edit }),
    focus: focusGrid,
    openFind: (mode) => setFind(mode),
  }));
  // Resolves a goTo once its row has arrived from the server.
  useEffect(() => {
    if (!pendingGoTo || rows.total == null || pendingGoTo.index > lastRow) return;
    const col = columns.findIndex((c) => c.key === pendingGoTo.field);
    const pos = { row: pendingGoTo.index, col: Math.max(0, col) };
    const row = rows.row(pos.row);
    if (!row) {
      reveal(pos);
      rows.ensure(pos.row, pos.row);
      return;
    }
    setPendingGoTo(null);
    if (row.id !== pendingGoTo.id) return;
    setSelection(at(pos));
    reveal(pos);
    if (pendingGoTo.edit) setEditing({ pos, id: row.id, text: p.raw(row, columns[pos.col]!.key), selectAll: true });
    else focusGrid();
  }, [pendingGoTo, rows, lastRow, columns, setSelection, reveal, p]); // rows and p are new each render: it runs until resolved

  const nextPos = (pos: CellPos, move: CommitMove | 'tab' | 'shiftTab'): CellPos => {
    if (move === 'down') return clampPos({ row: pos.row + 1, col: pos.col });
    if (move === 'up') return clampPos({ row: pos.row - 1, col: pos.col });
    if (move === 'right') return clampPos({ row: pos.row, col: pos.col + 1 });
    if (move === 'left') return clampPos({ row: pos.row, col: pos.col - 1 });
    return pos;
  };

  /**
   * Saves one typed value at `pos`. In a sorted view the saved row may move: the cursor then
   * follows the business it is to land on (the edited one, or the one below after Enter), found
   * again by the core, rather than staying on a row index that now holds another business.
   */
  const saveCell = async (pos: CellPos, id: number, value: CellValue, move: CommitMove): Promise<boolean> => {
    const col = columns[pos.col]!;
    const row = rows.row(pos.row);
    if (!row || row.id !== id) return true; // the row went away (filter changed meanwhile)
    const target = nextPos(pos, move);
    const followId = p.bulk && p.sort.length > 0 ? rows.row(target.row)?.id : undefined;
    const outcome = await p.edit([{ id, field: col.key, value, before: valueOf(row, col.key) }], { typed: true });
    if (!outcome.ok) {
      setInvalid(new Map([[cellKey(id, col.key), outcome.errors?.get(0) ?? t('grid.refused')]]));
      return false;
    }
    setInvalid(new Map());
    if (followId != null && p.bulk) {
      const index = await p.bulk.locate(followId);
      if (index != null && index !== target.row) {
        const pos2 = { row: index, col: target.col };
        setSelection(at(pos2));
        reveal(pos2);
        return true;
      }
    }
    setSelection(at(target));
    reveal(target);
    return true;
  };

  /**
   * Replays keys typed while a save was running: characters open the next cell's editor, Tab/Enter
   * save and move. Keys typed during the replay's own saves join the end of the queue.
   */
  const replay = async (keys: QueuedKey[], from: CellPos) => {
    const todo = [...keys];
    queue.current = [];
    let pos = from;
    let text = '';
    try {
      while (todo.length > 0) {
        const k = todo.shift()!;
        if (k.key.length === 1) {
          text += k.key;
          continue;
        }
        const move: CommitMove = k.key === 'Tab' ? (k.shift ? 'left' : 'right') : k.shift ? 'up' : 'down';
        if (text !== '') {
          const row = rows.row(pos.row);
          const col = columns[pos.col];
          if (!row || !col?.editable) return;
          const saved = await saveCell(pos, row.id, text, move);
          todo.push(...queue.current.splice(0));
          if (!saved) {
            // Refused: its editor opens with the text and the message; the keys after it are dropped.
            setEditing({ pos, id: row.id, text });
            return;
          }
          text = '';
        } else setSelection(at(nextPos(pos, move)));
        pos = nextPos(pos, move);
      }
    } finally {
      queue.current = null;
    }
    if (text !== '') startEdit(pos, text);
  };

  /** Saves the open editor. A refused value keeps the editor open with the text and the message. */
  const commitEdit = async (move: CommitMove, picked?: EditorOption, refocus = true): Promise<boolean> => {
    const ed = editingRef.current;
    if (!ed) return true;
    if (queue.current) return false; // already saving; further keys are queued
    const { pos, id, text } = ed;
    const col = columns[pos.col]!;
    const row = rows.row(pos.row);
    const close = () => {
      setEditing(null);
      if (refocus) focusGrid();
    };
    if (!row || row.id !== id || (!picked && text === p.raw(row, col.key))) {
      close();
      moveTo(nextPos(pos, move));
      return true;
    }
    const value = picked ? picked.value : text;
    queue.current = [];
    let ok = false;
    try {
      ok = await saveCell(pos, id, value.trim() === '' ? null : value, move);
    } finally {
      const keys = queue.current ?? [];
      queue.current = null;
      if (ok) {
        close();
        if (keys.length > 0) void replay(keys, nextPos(pos, move));
      }
    }
    return ok;
  };

  /** Keys that arrive in the editor while its value saves wait for the next cell. */
  const intercept = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!queue.current) return false;
    e.preventDefault();
    if (e.key.length === 1 || e.key === 'Tab' || e.key === 'Enter') queue.current.push({ key: e.key, shift: e.shiftKey });
    return true;
  };

  /** Esc: the editor closes and nothing is saved. */
  const cancelEdit = () => {
    setEditing(null);
    setInvalid(new Map());
    focusGrid();
  };

  /** Marks refused cells red with their reason and shows the first one's message; the selection stays. */
  const showRefusals = (refused: Refusal[]) => {
    const marks = new Map<string, string>();
    for (const r of refused) marks.set(cellKey(r.id, r.field), r.row >= 0 ? t('grid.cellError', { row: r.row + 1, field: label(r.field), message: r.message }) : r.message);
    setInvalid(marks);
    p.notify(t('toast.refused', { n: refused.length }), 'error');
    const first = refused[0];
    setPinned(first ? cellKey(first.id, first.field) : null);
    if (first && first.row >= 0) reveal({ row: first.row, col: Math.max(0, columns.findIndex((c) => c.key === first.field)) });
  };

  /** Builds the changes for a rectangle of cells starting at `top`,`left`, from the server rows. */
  const collect = async (top: number, left: number, values: CellValue[][]) => {
    const list = await rows.fetchRange(top, Math.min(lastRow, top + values.length - 1));
    const changes: CellEdit[] = [];
    const positions: CellPos[] = [];
    values.forEach((line, r) => {
      const row = list[r];
      if (!row) return;
      line.forEach((value, c) => {
        const col = columns[left + c];
        if (!col || !col.editable) return;
        const field = col.key;
        changes.push({ id: row.id, field, value, before: valueOf(row, field) });
        positions.push({ row: top + r, col: left + c });
      });
    });
    return { changes, positions, rowCount: Math.min(values.length, list.length) };
  };

  /** Saves a rectangle through the page's edit (rows fetched here); false when refused. */
  const editRect = async (top: number, left: number, values: CellValue[][]): Promise<number | null> => {
    const { changes, positions } = await collect(top, left, values);
    if (changes.length === 0) return 0;
    if (changes.length > MAX_CELLS) {
      p.notify(t('grid.tooMany'), 'error');
      return null;
    }
    const outcome = await p.edit(changes);
    if (!outcome.ok) {
      const refused = [...(outcome.errors ?? new Map<number, string>()).entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([i, message]) => ({ id: changes[i]!.id, field: changes[i]!.field, row: positions[i]!.row, message }));
      showRefusals(refused);
      return null;
    }
    setInvalid(new Map());
    return changes.length;
  };

  /**
   * Writes `block` repeated over rows top..bottom and columns left..right (Excel: a value pasted on
   * a selected range fills it; Ctrl+D). In the core when the page has it, else on fetched rows.
   */
  const fillRect = async (top: number, bottom: number, left: number, right: number, block: CellValue[][]): Promise<number | null> => {
    const cols = columns.slice(left, right + 1);
    if (p.bulk) {
      const editable = cols.map((c, i) => ({ c, i })).filter(({ c }) => c.editable);
      if (editable.length === 0) return 0;
      const sub = block.map((line) => editable.map(({ i }) => line[i % line.length] ?? null));
      const res = await p.bulk.fill(top, bottom, editable.map(({ c }) => c.key), sub);
      if (!res.ok) {
        if (res.refused?.length) showRefusals(res.refused);
        else p.notify(res.message ?? t('grid.refused'), 'error');
        return null;
      }
      setInvalid(new Map());
      return (bottom - top + 1) * editable.length;
    }
    const height = bottom - top + 1;
    const values = Array.from({ length: height }, (_, r) => cols.map((_, c) => block[r % block.length]![c % block[r % block.length]!.length] ?? null));
    return editRect(top, left, values);
  };

  /** Delete: clears every selected editable cell, all-or-nothing like paste. */
  const clearSelection = async () => {
    const b = bounds(sel);
    await fillRect(b.top, b.bottom, b.left, b.right, [[null]]);
  };

  /** Ctrl+D: the top row of the selection copied down it (one row selected: the row above copied into it). */
  const fillDown = async () => {
    const b = bounds(sel);
    const source = b.top === b.bottom ? b.top - 1 : b.top;
    if (source < 0) return;
    const [src] = await rows.fetchRange(source, source);
    if (!src) return;
    const block = [columns.slice(b.left, b.right + 1).map((c) => (valueOf(src, c.key) as CellValue) ?? null)];
    const from = b.top === b.bottom ? b.top : b.top + 1;
    const n = await fillRect(from, b.bottom, b.left, b.right, block);
    if (n != null) p.notify(t('grid.filled', { n }));
  };

  /**
   * Ctrl+V: one all-or-nothing save. A block pasted onto a larger selection whose size is a
   * multiple of it is repeated over the selection (Excel); otherwise it lands from the top-left
   * cell. In a filtered view the rows are the visible ones: a column pasted from Excel goes to the
   * rows the user sees, not to rows the filter hides.
   */
  const pasteText = async (text: string) => {
    const cells = parseTsv(text);
    if (cells.length === 0) return;
    const b = bounds(sel);
    const values = cells.map((line) => line.map((v) => (v.trim() === '' ? null : v)));
    const width = Math.max(...values.map((l) => l.length));
    const height = b.bottom - b.top + 1;
    const selWidth = b.right - b.left + 1;
    const tiles = (height > values.length || selWidth > width) && height % values.length === 0 && selWidth % width === 0;
    if (tiles) {
      const n = await fillRect(b.top, b.bottom, b.left, b.right, values);
      if (n != null) p.notify(t('toast.pasted', { n }));
      return;
    }
    const n = await editRect(b.top, b.left, values);
    if (n == null || n === 0) return;
    p.notify(t('toast.pasted', { n }));
    const rowCount = Math.min(values.length, total - b.top);
    setSelection({ anchor: { row: b.top, col: b.left }, focus: { row: b.top + rowCount - 1, col: Math.min(lastCol, b.left + width - 1) } });
  };

  /** The selection as TSV, loading the part of it that is not in the window. */
  const selectionTsv = async (): Promise<{ text: string; cells: number }> => {
    const b = bounds(sel);
    const cols = columns.slice(b.left, b.right + 1);
    const list = await rows.fetchRange(b.top, b.bottom);
    return { text: toTsv(list.map((row) => cols.map((c) => p.raw(row, c.key)))), cells: list.length * cols.length };
  };

  // Copy, cut and paste go through the clipboard events, which need no permission in Electron or Chromium.
  useEffect(() => {
    const inGrid = () => document.activeElement === gridRef.current;
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (!inGrid()) return;
      e.preventDefault();
      const b = bounds(sel);
      const cols = columns.slice(b.left, b.right + 1);
      const loaded: GridRow[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row = rows.row(r);
        if (!row) break;
        loaded.push(row);
      }
      if (loaded.length === b.bottom - b.top + 1) {
        e.clipboardData?.setData('text/plain', toTsv(loaded.map((row) => cols.map((c) => p.raw(row, c.key)))));
        p.notify(t('toast.copied', { n: loaded.length * cols.length }));
      } else {
        // Part of the range is not loaded: fetch it, then write asynchronously.
        void selectionTsv().then(({ text, cells }) => navigator.clipboard.writeText(text).then(() => p.notify(t('toast.copied', { n: cells }))));
      }
      if (cut) void clearSelection();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      void pasteText(e.clipboardData?.getData('text/plain') ?? '');
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  });

  // Ctrl+Z / Ctrl+Y also when focus is elsewhere on the page (a toolbar button), never in a text field.
  const undoKeys = useRef({ undo: p.onUndo, redo: p.onRedo });
  useEffect(() => {
    undoKeys.current = { undo: p.onUndo, redo: p.onRedo };
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      if (gridRef.current?.contains(document.activeElement) || isTextField(document.activeElement)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undoKeys.current.undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        undoKeys.current.redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const selectRows = (from: number, to: number) => setSelection({ anchor: { row: from, col: 0 }, focus: { row: to, col: lastCol }, active: { row: from, col: active.col } });
  const selectCols = (from: number, to: number) => setSelection({ anchor: { row: 0, col: from }, focus: { row: lastRow, col: to }, active: { row: active.row, col: from } });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== gridRef.current) return; // the editor handles its own keys
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (queue.current) {
      // A value is still saving: keep the keys for the cell they were typed for.
      if (e.key.length === 1 || e.key === 'Tab' || e.key === 'Enter') {
        handled();
        queue.current.push({ key: e.key, shift: e.shiftKey });
      }
      return;
    }
    const opening = editingRef.current;
    if (opening) {
      // The editor is open but not focused yet (typed fast): the keys that beat it there are its own.
      if (isTypingKey(e)) {
        handled();
        setEditing({ ...opening, text: opening.text + e.key });
      } else if (e.key === 'Tab' || e.key === 'Enter') {
        handled();
        void commitEdit(e.key === 'Tab' ? (e.shiftKey ? 'left' : 'right') : e.shiftKey ? 'up' : 'down');
      } else if (e.key === 'Escape') {
        handled();
        cancelEdit();
      }
      return;
    }
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === ' ' && (e.shiftKey || ctrl) && !e.altKey) {
      // Excel: Shift+Space selects the row, Ctrl+Space the column, both the whole sheet.
      handled();
      if (e.shiftKey && ctrl) return setSelection({ anchor: { row: 0, col: 0 }, focus: { row: lastRow, col: lastCol }, active });
      if (e.shiftKey) return setSelection({ anchor: { row: bounds(sel).top, col: 0 }, focus: { row: bounds(sel).bottom, col: lastCol }, active });
      return setSelection({ anchor: { row: 0, col: bounds(sel).left }, focus: { row: lastRow, col: bounds(sel).right }, active });
    }
    const move = keyMove(e, move0(e), { lastRow, lastCol, pageRows });
    if (move) {
      handled();
      return moveTo(move.to, move.extend);
    }
    switch (e.key) {
      case 'Enter':
      case 'F2':
        handled();
        return startEdit(active);
      case 'Escape':
        setInvalid(new Map());
        return;
      case 'Delete':
        handled();
        return void clearSelection();
      case 'Backspace':
        handled();
        return startEdit(active, '');
      case 'ContextMenu':
        handled();
        return openMenuAtActive();
    }
    if (e.key === 'F10' && e.shiftKey) {
      handled();
      return openMenuAtActive();
    }
    if (ctrl && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        handled();
        return p.onUndo();
      }
      if (k === 'y' || (k === 'z' && e.shiftKey)) {
        handled();
        return p.onRedo();
      }
      if (k === 'a') {
        handled();
        return setSelection({ anchor: { row: 0, col: 0 }, focus: { row: lastRow, col: lastCol }, active });
      }
      if (k === 'd') {
        handled();
        return void fillDown();
      }
      if (k === 'f' || k === 'h') {
        if (!p.bulk) return;
        handled();
        return setFind(k === 'f' ? 'find' : 'replace');
      }
      if (k === 'i' && p.onOpenDetail) {
        handled();
        return p.onOpenDetail();
      }
      return; // Ctrl+C / Ctrl+X / Ctrl+V fall through to the clipboard events
    }
    if (isTypingKey(e)) {
      handled();
      startEdit(active, e.key);
    }
  };
  /** Movement starts from the moving corner when extending, from the active cell otherwise. */
  const move0 = (e: { shiftKey: boolean; key: string }): CellPos => (e.shiftKey && e.key !== 'Tab' ? sel.focus : active);

  const cellMouseDown = async (e: MouseEvent, pos: CellPos) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const shift = e.shiftKey;
    if (editingRef.current) {
      if (editingRef.current.pos.row === pos.row && editingRef.current.pos.col === pos.col) return;
      if (!(await commitEdit('stay'))) return; // a refused value keeps its editor open
    }
    setSelection(shift ? { anchor: sel.anchor, focus: pos } : at(pos));
    setDragging(true);
    focusGrid();
  };
  const rowHeaderDown = (e: MouseEvent, r: number) => {
    if (e.button !== 0) return;
    e.preventDefault();
    if (e.shiftKey) setSelection({ anchor: { row: sel.anchor.row, col: 0 }, focus: { row: r, col: lastCol }, active });
    else selectRows(r, r);
    focusGrid();
  };
  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [dragging]);

  /** Double-click on a column border: width of its longest text among the loaded rows (and its label). */
  const autofit = (key: string) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const sample = gridRef.current?.querySelector('.grid-cell:not(.rownum)');
    if (!ctx || !sample) return;
    const style = getComputedStyle(sample);
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    let widest = ctx.measureText(label(key)).width + 34; // the sort mark and the filter button
    for (let r = firstVisible; r <= lastVisible; r++) {
      const row = rows.row(r);
      if (row) widest = Math.max(widest, ctx.measureText(p.text(row, key)).width + 18);
    }
    p.onResize(key, Math.max(MIN_WIDTH, Math.min(600, Math.ceil(widest))), true);
  };

  const openMenuAtActive = () => {
    const el = document.getElementById(`cell-${active.row}-${active.col}`);
    const r = el?.getBoundingClientRect();
    setMenu({ x: r ? r.left + 8 : 100, y: r ? r.bottom : 100, pos: active });
  };
  const onContextMenu = (e: MouseEvent, pos: CellPos) => {
    e.preventDefault();
    if (editingRef.current) return;
    if (!contains(sel, pos.row, pos.col)) setSelection(at(pos));
    setMenu({ x: e.clientX, y: e.clientY, pos });
    focusGrid();
  };
  const menuItems = (): MenuItem[] => {
    const pos = menu?.pos ?? active;
    const row = rows.row(pos.row);
    const col = columns[pos.col];
    const items: MenuItem[] = [
      { label: t('grid.menu.cut'), keys: 'Ctrl+X', run: () => void selectionTsv().then(({ text }) => navigator.clipboard.writeText(text)).then(() => clearSelection()) },
      { label: t('grid.menu.copy'), keys: 'Ctrl+C', run: () => void selectionTsv().then(({ text, cells }) => navigator.clipboard.writeText(text).then(() => p.notify(t('toast.copied', { n: cells })))) },
      {
        label: t('grid.menu.paste'),
        keys: 'Ctrl+V',
        run: () =>
          void navigator.clipboard.readText().then(
            (text) => pasteText(text),
            () => p.notify(t('grid.pasteDenied'), 'error'),
          ),
      },
      { label: t('grid.menu.fillDown'), keys: 'Ctrl+D', run: () => void fillDown() },
      { label: t('grid.menu.clear'), keys: 'Delete', run: () => void clearSelection() },
    ];
    if (p.onInsertRow) items.push({ label: t('grid.menu.insertRow'), run: p.onInsertRow, separator: true });
    if (p.onDeleteRows) items.push({ label: t('grid.menu.deleteRow'), run: p.onDeleteRows });
    if (p.onFilterByValue && row && col) items.push({ label: t('grid.menu.filterBy'), run: () => p.onFilterByValue!(col.key, valueOf(row, col.key)), separator: true });
    if (p.onOpenDetail) items.push({ label: t('grid.menu.detail'), keys: 'Ctrl+I', run: p.onOpenDetail });
    return items;
  };

  const closeMenu = () => {
    setMenu(null);
    focusGrid();
  };

  const totalWidth = columns.reduce((s, c) => s + c.width, ROWNUM_WIDTH);
  const b = bounds(sel);
  const { headerFilter } = p;

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label={p.ariaLabel}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={editing ? undefined : `cell-${active.row}-${active.col}`}
      onKeyDown={onKeyDown}
    >
      <div ref={scrollRef} className="grid-scroll">
        <div className="grid-inner" style={{ width: totalWidth, height: virtualizer.getTotalSize() + ROW_HEIGHT }}>
          <GridHeader
            columns={columns}
            label={label}
            sort={p.sort}
            width={totalWidth}
            rownum={ROWNUM_WIDTH}
            onSortClick={p.onSortClick}
            onResize={p.onResize}
            onAutofit={autofit}
            onSelectColumn={(col, extend) => {
              selectCols(extend ? bounds(sel).left : col, col);
              focusGrid();
            }}
            filtered={headerFilter ? headerFilter.isFiltered : undefined}
            onFilterOpen={headerFilter ? (key, rect) => setHeaderFilterAt({ key, rect }) : undefined}
          />
          {total === 0 && rows.total != null && <div className="grid-empty">{t('grid.empty')}</div>}
          {items.map((vi) => {
            const r = vi.index;
            const row = rows.row(r);
            const raised = r === active.row || editing?.pos.row === r || (row != null && pinned?.startsWith(`${row.id}:`) === true);
            return (
              <div
                key={vi.key}
                role="row"
                aria-rowindex={r + 2}
                data-row-id={row?.id}
                className={`grid-row${r % 2 ? ' odd' : ''}${r === active.row ? ' active-row' : ''}${raised ? ' raised' : ''}`}
                style={{ transform: `translateY(${vi.start + ROW_HEIGHT}px)`, width: totalWidth }}
              >
                <div
                  className={`grid-cell rownum frozen${r >= b.top && r <= b.bottom && b.left === 0 && b.right === lastCol ? ' row-selected' : ''}`}
                  role="rowheader"
                  aria-colindex={1}
                  style={{ width: ROWNUM_WIDTH, left: 0 }}
                  title={t('grid.rowHint')}
                  onMouseDown={(e) => rowHeaderDown(e, r)}
                >
                  {formatNumber(r + 1)}
                </div>
                {columns.map((c, ci) => {
                  const selected = contains(sel, r, ci);
                  const isActive = r === active.row && ci === active.col;
                  const isEditing = editing != null && editing.pos.row === r && editing.pos.col === ci;
                  const err = row ? invalid.get(cellKey(row.id, c.key)) : undefined;
                  const edges = selected
                    ? `${r === b.top ? ' sel-top' : ''}${r === b.bottom ? ' sel-bottom' : ''}${ci === b.left ? ' sel-left' : ''}${ci === b.right ? ' sel-right' : ''}`
                    : '';
                  return (
                    <div
                      key={c.key}
                      id={`cell-${r}-${ci}`}
                      role="gridcell"
                      aria-colindex={ci + 2}
                      aria-selected={selected}
                      aria-readonly={!c.editable || undefined}
                      aria-invalid={err ? true : undefined}
                      data-field={c.key}
                      className={`grid-cell${ci === 0 ? ' frozen' : ''}${c.numeric ? ' num' : ''}${selected ? ' selected' : ''}${isActive ? ' active' : ''}${err ? ' invalid' : ''}${!c.editable ? ' readonly' : ''}${isEditing ? ' editing' : ''}${edges}`}
                      style={{ width: c.width, left: ci === 0 ? ROWNUM_WIDTH : undefined }}
                      title={err}
                      onMouseDown={(e) => void cellMouseDown(e, { row: r, col: ci })}
                      onMouseEnter={() => dragging && setSelection({ anchor: sel.anchor, focus: { row: r, col: ci } })}
                      onDoubleClick={() => startEdit({ row: r, col: ci })}
                      onContextMenu={(e) => onContextMenu(e, { row: r, col: ci })}
                    >
                      {isEditing ? (
                        <CellEditor
                          id={`editor-${r}-${ci}`}
                          label={label(c.key)}
                          text={editing.text}
                          invalid={err != null}
                          selectAll={editing.selectAll}
                          options={p.options(c.key)}
                          onText={(text) => {
                            if (editingRef.current) setEditing({ ...editingRef.current, text });
                            if (err) setInvalid(new Map());
                          }}
                          onCommit={(move, picked) => void commitEdit(move, picked)}
                          onCancel={cancelEdit}
                          // Focus went elsewhere (a button, the search box): save, unless Esc or a save already closed it.
                          onBlur={() => err == null && editingRef.current != null && !queue.current && void commitEdit('stay', undefined, false)}
                          intercept={intercept}
                        />
                      ) : row ? (
                        p.text(row, c.key)
                      ) : (
                        <span className="loading">{ci === 0 ? t('grid.loading') : ''}</span>
                      )}
                      {err && (isActive || (row && pinned === cellKey(row.id, c.key))) && (
                        <div className="cell-error" role="alert">
                          {err}
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {menu && <ContextMenu x={menu.x} y={menu.y} label={t('grid.menu')} items={menuItems()} onClose={closeMenu} />}
      {find && p.bulk && (
        <FindBar
          mode={find}
          onMode={setFind}
          onClose={() => {
            setFind(null);
            focusGrid();
          }}
          find={async (text, backwards) => {
            const hit = await p.bulk!.find(text, columns.map((c) => c.key), active, backwards);
            if (hit) {
              const pos = { row: hit.row, col: Math.max(0, columns.findIndex((c) => c.key === hit.field)) };
              setSelection(at(pos));
              reveal(pos);
            }
            return hit;
          }}
          replaceOne={async (text, replacement) => {
            const row = rows.row(active.row);
            const col = columns[active.col];
            if (!row || !col?.editable) return false;
            const cur = p.raw(row, col.key);
            const next = cur.replace(new RegExp(text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), () => replacement);
            if (next === cur) return false;
            const outcome = await p.edit([{ id: row.id, field: col.key, value: next.trim() === '' ? null : next, before: valueOf(row, col.key) }], { typed: true });
            if (!outcome.ok) p.notify(outcome.errors?.get(0) ?? t('grid.refused'), 'error');
            return outcome.ok;
          }}
          replaceAll={async (text, replacement) => {
            const res = await p.bulk!.replaceAll(text, replacement, columns.filter((c) => c.editable).map((c) => c.key));
            if (!res.ok) {
              if (res.refused?.length) showRefusals(res.refused);
              else p.notify(res.message ?? t('grid.refused'), 'error');
              return null;
            }
            return res.changed ?? 0;
          }}
        />
      )}
      {headerFilterAt && headerFilter && (
        <HeaderFilter
          field={headerFilterAt.key}
          label={label(headerFilterAt.key)}
          anchor={headerFilterAt.rect}
          source={headerFilter}
          text={(value) => (value == null ? t('grid.filterEmpty') : p.text({ id: 0, [headerFilterAt.key]: isNumericColumn(columns, headerFilterAt.key) ? Number(value) : value } as GridRow, headerFilterAt.key))}
          onClose={() => {
            setHeaderFilterAt(null);
            focusGrid();
          }}
        />
      )}
    </div>
  );
});

const isNumericColumn = (columns: readonly GridColumnDef[], key: string) => columns.find((c) => c.key === key)?.numeric ?? false;

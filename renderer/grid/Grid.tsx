/**
 * The spreadsheet grid of the registry and of the shipments: a WAI-ARIA grid over server-side windows of rows, virtualised with
 * @tanstack/react-virtual, with Excel's keys, range selection, in-cell editing, copy/paste as TSV
 * and validation messages at the cell.
 *
 * Row data, saving and undo belong to the page (registry, shipments); this component turns keys and mouse into
 * those operations. Helpers live next door: navigation.ts (which key goes where), selection.ts
 * (the selected rectangle), clipboard.ts (TSV both ways), CellEditor.tsx, GridHeader.tsx.
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
import { GridHeader, rownumWidth } from './GridHeader';
import { isTypingKey, keyMove } from './navigation';
import { bounds, cellKey, clamp, contains, type CellPos, type Selection } from './selection';
import type { RowWindow } from './useRowWindow';

export const ROW_HEIGHT = 28;

/** A row of any table the grid shows (IKM records, shipments): an id and its fields. */
export interface GridRow {
  id: number;
}
const valueOf = (row: GridRow, field: string): unknown => (row as unknown as Record<string, unknown>)[field];

/** A column as the grid needs it; labels and cell text come from the page. */
export interface GridColumnDef {
  key: string;
  width: number;
  numeric: boolean;
  editable: boolean;
}

export type GridSort = { field: string; desc: boolean }[];

/** One cell to save, with the value it had (for undo). */
export interface CellEdit {
  id: number;
  field: string;
  value: string | number | null;
  before: unknown;
}

export interface EditOutcome {
  ok: boolean;
  /** Messages per change index, in the current language. */
  errors?: Map<number, string>;
}

export interface GridHandle {
  /** Scrolls to a row once it is loaded (its id must match) and optionally opens its editor. */
  goTo(index: number, id: number, field: string, edit: boolean): void;
  focus(): void;
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
  /** Validates and saves all-or-nothing; resolves with per-change errors (nothing saved) or ok. */
  edit(changes: CellEdit[]): Promise<EditOutcome>;
  onActiveRow(row: GridRow | undefined): void;
  onUndo(): void;
  onRedo(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  selection: Selection;
  setSelection(sel: Selection): void;
}

interface Editing {
  pos: CellPos;
  id: number;
  text: string;
  selectAll?: boolean;
}

export const Grid = forwardRef<GridHandle, Props>(function Grid(p, ref) {
  const { t } = useI18n();
  const { rows, columns, selection: sel, setSelection } = p;
  const total = rows.total ?? 0;
  const ROWNUM_WIDTH = rownumWidth(total);
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  /** Refused cells (key: record id + field) with their message; cleared by Escape or a good save. */
  const [invalid, setInvalid] = useState<Map<string, string>>(new Map());
  /** The refused cell whose message shows even when it is not the active cell (first of a batch). */
  const [pinned, setPinned] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pendingGoTo, setPendingGoTo] = useState<{ index: number; id: number; field: string; edit: boolean } | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    rows.ensure(firstVisible, Math.max(lastVisible, firstVisible + 40));
  }, [firstVisible, lastVisible, rows.ensure, rows.version]);

  const active = sel.focus;
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
    [columns, virtualizer],
  );

  const moveTo = useCallback(
    (pos: CellPos, extend = false) => {
      const focus = { row: clamp(pos.row, 0, lastRow), col: clamp(pos.col, 0, lastCol) };
      setSelection({ anchor: extend ? sel.anchor : focus, focus });
      reveal(focus);
    },
    [lastCol, lastRow, sel.anchor, setSelection, reveal],
  );

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const startEdit = (pos: CellPos, text?: string, selectAll = false) => {
    const col = columns[pos.col];
    const row = rows.row(pos.row);
    if (!col || !row) return;
    if (!col.editable) return p.notify(t('grid.readonly', { field: label(col.key) }));
    setEditing({ pos, id: row.id, text: text ?? p.raw(row, col.key), selectAll });
  };

  useImperativeHandle(ref, () => ({
    goTo: (index, id, field, edit) => setPendingGoTo({ index, id, field, edit }),
    focus: focusGrid,
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
    setSelection({ anchor: pos, focus: pos });
    reveal(pos);
    if (pendingGoTo.edit) setEditing({ pos, id: row.id, text: p.raw(row, columns[pos.col]!.key), selectAll: true });
    else focusGrid();
  });

  const advance = (pos: CellPos, move: CommitMove) => {
    if (move === 'down') moveTo({ row: pos.row + 1, col: pos.col });
    else if (move === 'up') moveTo({ row: pos.row - 1, col: pos.col });
    else if (move === 'right') moveTo({ row: pos.row, col: pos.col + 1 });
    else if (move === 'left') moveTo({ row: pos.row, col: pos.col - 1 });
  };

  /** Saves the open editor. A refused value keeps the editor open with the text and the message. */
  const commitEdit = async (move: CommitMove, picked?: EditorOption, refocus = true): Promise<boolean> => {
    if (!editing) return true;
    const { pos, id, text } = editing;
    const col = columns[pos.col]!;
    const row = rows.row(pos.row);
    const done = () => {
      setEditing(null);
      if (refocus) focusGrid();
      advance(pos, move);
      return true;
    };
    if (!row || row.id !== id) return done(); // the row went away (filter changed meanwhile)
    const value = picked ? picked.value : text;
    if (!picked && text === p.raw(row, col.key)) return done();
    const field = col.key;
    const outcome = await p.edit([{ id, field, value: value.trim() === '' ? null : value, before: valueOf(row, field) }]);
    if (!outcome.ok) {
      setInvalid(new Map([[cellKey(id, field), outcome.errors?.get(0) ?? t('grid.refused')]]));
      return false;
    }
    setInvalid(new Map());
    return done();
  };

  const cancelEdit = () => {
    setEditing(null);
    setInvalid(new Map());
    focusGrid();
  };

  /**
   * Marks every refused cell of a batch (paste, Delete) red with its reason and shows the first
   * one's message; the selection stays, so a corrected paste lands in the same place.
   * `positions[i]` is where change i sits in the grid.
   */
  const showRefused = (changes: CellEdit[], positions: CellPos[], outcome: EditOutcome) => {
    const errs = [...(outcome.errors ?? new Map<number, string>()).entries()].sort((a, b) => a[0] - b[0]);
    const marks = new Map<string, string>();
    for (const [i, msg] of errs) {
      const c = changes[i];
      const pos = positions[i];
      if (!c || !pos) continue;
      marks.set(cellKey(c.id, c.field), t('grid.cellError', { row: pos.row + 1, field: label(c.field), message: msg }));
    }
    setInvalid(marks);
    p.notify(t('toast.refused', { n: errs.length }), 'error');
    const firstIndex = errs[0]?.[0];
    const first = firstIndex != null ? changes[firstIndex] : undefined;
    setPinned(first ? cellKey(first.id, first.field) : null);
    if (firstIndex != null && positions[firstIndex]) reveal(positions[firstIndex]);
  };

  /** Builds the changes for a rectangle of cells starting at `top`,`left`, from the server rows. */
  const collect = async (top: number, left: number, values: (string | null)[][]) => {
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

  /** Delete: clears every selected editable cell, all-or-nothing like paste. */
  const clearSelection = async () => {
    const b = bounds(sel);
    if (b.bottom - b.top >= 50_000 / Math.max(1, b.right - b.left + 1)) return p.notify(t('grid.tooMany'), 'error');
    const blank = Array.from({ length: b.bottom - b.top + 1 }, () => Array.from({ length: b.right - b.left + 1 }, () => null));
    const { changes, positions } = await collect(b.top, b.left, blank);
    if (changes.length === 0) return;
    const outcome = await p.edit(changes);
    if (!outcome.ok) showRefused(changes, positions, outcome);
    else setInvalid(new Map());
  };

  /** Ctrl+V: one all-or-nothing save of the whole pasted rectangle, from the active cell. */
  const pasteText = async (text: string) => {
    const cells = parseTsv(text);
    if (cells.length === 0) return;
    const b = bounds(sel);
    const values = cells.map((line) => line.map((v) => (v.trim() === '' ? null : v)));
    const { changes, positions, rowCount } = await collect(b.top, b.left, values);
    if (changes.length === 0) return;
    if (changes.length > 50_000) return p.notify(t('grid.tooMany'), 'error');
    const outcome = await p.edit(changes);
    if (!outcome.ok) return showRefused(changes, positions, outcome);
    setInvalid(new Map());
    p.notify(t('toast.pasted', { n: changes.length }));
    const width = Math.min(Math.max(...cells.map((l) => l.length)), columns.length - b.left);
    setSelection({ anchor: { row: b.top, col: b.left }, focus: { row: b.top + rowCount - 1, col: b.left + width - 1 } });
  };

  // Copy and paste go through the clipboard events, which need no permission in Electron or Chromium.
  useEffect(() => {
    const inGrid = () => document.activeElement === gridRef.current;
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      const b = bounds(sel);
      const cols = columns.slice(b.left, b.right + 1);
      const asText = (list: GridRow[]) => toTsv(list.map((row) => cols.map((c) => p.raw(row, c.key))));
      const loaded: GridRow[] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row = rows.row(r);
        if (!row) break;
        loaded.push(row);
      }
      if (loaded.length === b.bottom - b.top + 1) {
        e.clipboardData?.setData('text/plain', asText(loaded));
        p.notify(t('toast.copied', { n: loaded.length * cols.length }));
      } else {
        // Part of the range is not loaded: fetch it, then write asynchronously.
        void rows.fetchRange(b.top, b.bottom).then((list) =>
          navigator.clipboard.writeText(asText(list)).then(() => p.notify(t('toast.copied', { n: list.length * cols.length }))),
        );
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      e.preventDefault();
      void pasteText(e.clipboardData?.getData('text/plain') ?? '');
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || e.target !== gridRef.current) return; // the editor handles its own keys
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    const move = keyMove(e, sel.focus, { lastRow, lastCol, pageRows });
    if (move) {
      handled();
      return moveTo(move.to, move.extend);
    }
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'Enter':
      case 'F2':
        handled();
        return startEdit(sel.focus);
      case 'Escape':
        setInvalid(new Map());
        return;
      case 'Delete':
        handled();
        return void clearSelection();
      case 'Backspace':
        handled();
        return startEdit(sel.focus, '');
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
        return setSelection({ anchor: { row: 0, col: 0 }, focus: { row: lastRow, col: lastCol } });
      }
      return; // Ctrl+C / Ctrl+V fall through to the copy/paste events
    }
    if (isTypingKey(e)) {
      handled();
      startEdit(sel.focus, e.key);
    }
  };

  const cellMouseDown = async (e: MouseEvent, pos: CellPos) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const shift = e.shiftKey;
    if (editing) {
      if (editing.pos.row === pos.row && editing.pos.col === pos.col) return;
      if (!(await commitEdit('stay'))) return; // a refused value keeps its editor open
    }
    setSelection({ anchor: shift ? sel.anchor : pos, focus: pos });
    setDragging(true);
    focusGrid();
  };
  useEffect(() => {
    if (!dragging) return;
    const up = () => setDragging(false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [dragging]);

  const totalWidth = columns.reduce((s, c) => s + c.width, ROWNUM_WIDTH);
  const b = bounds(sel);

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
          <GridHeader columns={columns} label={label} sort={p.sort} width={totalWidth} rownum={ROWNUM_WIDTH} onSortClick={p.onSortClick} onResize={p.onResize} />
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
                <div className="grid-cell rownum frozen" role="rowheader" aria-colindex={1} style={{ width: ROWNUM_WIDTH, left: 0 }}>
                  {(r + 1).toLocaleString('id-ID')}
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
                            setEditing({ ...editing, text });
                            if (err) setInvalid(new Map());
                          }}
                          onCommit={(move, picked) => void commitEdit(move, picked)}
                          onCancel={cancelEdit}
                          onBlur={() => err == null && void commitEdit('stay', undefined, false)}
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
    </div>
  );
});

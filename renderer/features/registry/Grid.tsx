/**
 * The registry grid: a WAI-ARIA grid over server-side windows of rows, virtualised with
 * @tanstack/react-virtual, with Excel's keys, range selection, in-cell editing, copy/paste as TSV
 * and validation messages at the cell. Row data, edits and undo belong to RegistryPage; this
 * component only turns keys and mouse into those operations.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { CellChange, IkmSort } from '../../../shared/contract';
import type { IkmRecord, IkmFieldKey } from '../../../shared/fields';
import { useI18n } from '../../i18n/i18n';
import { parseTsv, toTsv } from './clipboard';
import { displayValue, rawValue, type Display, type GridColumn } from './columns';
import { bounds, clamp, contains, type CellPos, type Selection } from './selection';
import type { RowWindow } from './useRowWindow';

const ROW_HEIGHT = 28;
const ROWNUM_WIDTH = 56;

export interface EditOutcome {
  ok: boolean;
  /** Messages per change index, in the current language. */
  errors?: Map<number, string>;
}

interface Props {
  rows: RowWindow;
  columns: GridColumn[];
  display: Display;
  sort: IkmSort;
  onSortClick(field: string, add: boolean): void;
  onResize(key: string, width: number): void;
  /** Validates and saves; resolves with per-change errors (nothing saved) or ok. */
  edit(changes: Array<CellChange & { before: IkmRecord[keyof IkmRecord] }>): Promise<EditOutcome>;
  onActiveRow(row: IkmRecord | undefined): void;
  onSelection(sel: Selection): void;
  onDeleteRows(): void;
  onUndo(): void;
  onRedo(): void;
  notify(text: string, tone?: 'info' | 'error'): void;
  selection: Selection;
  setSelection(sel: Selection): void;
}

interface Editing {
  pos: CellPos;
  text: string;
}

export function Grid(p: Props) {
  const { t } = useI18n();
  const { rows, columns, selection: sel, setSelection } = p;
  const total = rows.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [cellError, setCellError] = useState<{ pos: CellPos; message: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    rows.ensure(firstVisible, Math.max(lastVisible, firstVisible + 40));
  }, [firstVisible, lastVisible, rows]);

  const active = sel.focus;
  const activeRow = rows.row(active.row);
  useEffect(() => p.onActiveRow(activeRow), [activeRow, p]);
  useEffect(() => p.onSelection(sel), [sel, p]);

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);
  const lastRow = Math.max(0, total - 1);
  const lastCol = columns.length - 1;

  const moveTo = useCallback(
    (row: number, col: number, extend = false) => {
      const focus = { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) };
      setSelection({ anchor: extend ? sel.anchor : focus, focus });
      setCellError(null);
      virtualizer.scrollToIndex(focus.row, { align: 'auto' });
      const sc = scrollRef.current;
      const cellEl = sc?.querySelector<HTMLElement>(`[data-col="${focus.col}"]`);
      if (sc && cellEl && focus.col > 0) {
        // Keep the active column visible to the right of the frozen columns.
        const left = columns.slice(0, focus.col).reduce((s, c) => s + c.width, ROWNUM_WIDTH);
        const frozen = ROWNUM_WIDTH + (columns[0]?.width ?? 0);
        const w = columns[focus.col]!.width;
        if (left - sc.scrollLeft < frozen) sc.scrollLeft = left - frozen;
        else if (left + w - sc.scrollLeft > sc.clientWidth) sc.scrollLeft = left + w - sc.clientWidth;
      }
    },
    [columns, lastCol, lastRow, sel.anchor, setSelection, virtualizer],
  );

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const startEdit = (pos: CellPos, text?: string) => {
    const col = columns[pos.col];
    const row = rows.row(pos.row);
    if (!col || !row || !col.editable) return;
    setCellError(null);
    setEditing({ pos, text: text ?? rawValue(row, col.key, p.display) });
  };

  useLayoutEffect(() => {
    if (editing) {
      editorRef.current?.focus();
      const el = editorRef.current;
      if (el) el.setSelectionRange(el.value.length, el.value.length);
    }
  }, [editing?.pos.row, editing?.pos.col]);

  const commitEdit = async (then: 'down' | 'right' | 'left' | 'stay') => {
    if (!editing) return;
    const { pos, text } = editing;
    const col = columns[pos.col]!;
    const row = rows.row(pos.row);
    if (!row) return;
    if (text === rawValue(row, col.key, p.display)) {
      setEditing(null);
      focusGrid();
      advance(pos, then);
      return;
    }
    const outcome = await p.edit([{ id: row.id, field: col.key as IkmFieldKey, value: text === '' ? null : text, before: row[col.key as keyof IkmRecord] }]);
    if (!outcome.ok) {
      setCellError({ pos, message: outcome.errors?.get(0) ?? '' });
      editorRef.current?.focus();
      return;
    }
    setEditing(null);
    focusGrid();
    advance(pos, then);
  };

  const advance = (pos: CellPos, then: 'down' | 'right' | 'left' | 'stay') => {
    if (then === 'down') moveTo(pos.row + 1, pos.col);
    else if (then === 'right') moveTo(pos.row, pos.col + 1);
    else if (then === 'left') moveTo(pos.row, pos.col - 1);
  };

  const cancelEdit = () => {
    setEditing(null);
    setCellError(null);
    focusGrid();
  };

  /** Delete: clears every selected editable cell, all-or-nothing like paste. */
  const clearSelection = async () => {
    const b = bounds(sel);
    const list = await rows.fetchRange(b.top, b.bottom);
    const changes = list.flatMap((row) =>
      columns.slice(b.left, b.right + 1).filter((c) => c.editable).map((c) => ({ id: row.id, field: c.key as IkmFieldKey, value: null, before: row[c.key as keyof IkmRecord] })),
    );
    if (changes.length === 0) return;
    const outcome = await p.edit(changes);
    if (!outcome.ok) showBatchErrors(changes, outcome, b.top);
  };

  const showBatchErrors = (changes: Array<{ id: number; field: string }>, outcome: EditOutcome, topRow: number) => {
    const errs = [...(outcome.errors ?? new Map<number, string>()).entries()];
    p.notify(t('toast.pasteRefused', { n: errs.length }), 'error');
    const first = errs[0];
    if (first) {
      const ch = changes[first[0]]!;
      const colIndex = columns.findIndex((c) => c.key === ch.field);
      let rowIndex = topRow;
      for (let i = topRow; i < topRow + 2000; i++) if (rows.row(i)?.id === ch.id) { rowIndex = i; break; }
      setCellError({ pos: { row: rowIndex, col: colIndex }, message: errs.map(([i, m]) => `${describe(changes[i]!, rowIndex)}: ${m}`).slice(0, 6).join('\n') });
    }
  };
  const describe = (ch: { id: number; field: string }, _row: number) => `${t(`field.${ch.field}` as never)} (id ${ch.id})`;

  // Copy and paste go through the clipboard events, which need no permission in Electron or Chromium.
  useEffect(() => {
    const inGrid = () => document.activeElement === gridRef.current;
    const onCopy = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      const b = bounds(sel);
      const cols = columns.slice(b.left, b.right + 1);
      const cells: string[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row = rows.row(r);
        if (!row) break;
        cells.push(cols.map((c) => rawValue(row, c.key, p.display)));
      }
      if (cells.length === b.bottom - b.top + 1) {
        e.clipboardData?.setData('text/plain', toTsv(cells));
        e.preventDefault();
        p.notify(t('toast.copied', { n: cells.length * cols.length }));
      } else {
        // Part of the range is not loaded: fetch it, then write asynchronously.
        e.preventDefault();
        void rows.fetchRange(b.top, b.bottom).then((list) => {
          const text = toTsv(list.map((row) => cols.map((c) => rawValue(row, c.key, p.display))));
          void navigator.clipboard.writeText(text).then(() => p.notify(t('toast.copied', { n: list.length * cols.length })));
        });
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!inGrid()) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      void pasteText(text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  });

  const pasteText = async (text: string) => {
    const cells = parseTsv(text);
    if (cells.length === 0) return;
    const b = bounds(sel);
    const top = b.top;
    const left = b.left;
    const list = await rows.fetchRange(top, Math.min(lastRow, top + cells.length - 1));
    const changes: Array<CellChange & { before: IkmRecord[keyof IkmRecord] }> = [];
    cells.forEach((line, r) => {
      const row = list[r];
      if (!row) return;
      line.forEach((value, c) => {
        const col = columns[left + c];
        if (!col || !col.editable) return;
        changes.push({ id: row.id, field: col.key as IkmFieldKey, value: value.trim() === '' ? null : value, before: row[col.key as keyof IkmRecord] });
      });
    });
    if (changes.length === 0) return;
    const outcome = await p.edit(changes);
    if (outcome.ok) {
      p.notify(t('toast.pasted', { n: changes.length }));
      const rowsPasted = Math.min(cells.length, list.length);
      const colsPasted = Math.min(Math.max(...cells.map((l) => l.length)), columns.length - left);
      setSelection({ anchor: { row: top, col: left }, focus: { row: top + rowsPasted - 1, col: left + colsPasted - 1 } });
    } else showBatchErrors(changes, outcome, top);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return; // the editor handles its own keys
    const ctrl = e.ctrlKey || e.metaKey;
    const { row, col } = sel.focus;
    const shift = e.shiftKey;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return moveTo(ctrl ? lastRow : row + 1, col, shift);
      case 'ArrowUp':
        handled();
        return moveTo(ctrl ? 0 : row - 1, col, shift);
      case 'ArrowRight':
        handled();
        return moveTo(row, ctrl ? lastCol : col + 1, shift);
      case 'ArrowLeft':
        handled();
        return moveTo(row, ctrl ? 0 : col - 1, shift);
      case 'Tab':
        handled();
        if (shift) return col > 0 ? moveTo(row, col - 1) : moveTo(row - 1, lastCol);
        return col < lastCol ? moveTo(row, col + 1) : moveTo(row + 1, 0);
      case 'Home':
        handled();
        return ctrl ? moveTo(0, 0, shift) : moveTo(row, 0, shift);
      case 'End':
        handled();
        return ctrl ? moveTo(lastRow, lastCol, shift) : moveTo(row, lastCol, shift);
      case 'PageDown':
        handled();
        return moveTo(row + pageRows, col, shift);
      case 'PageUp':
        handled();
        return moveTo(row - pageRows, col, shift);
      case 'Enter':
      case 'F2':
        handled();
        return startEdit(sel.focus);
      case 'Escape':
        setCellError(null);
        return;
      case 'Delete':
      case 'Backspace':
        handled();
        if (e.key === 'Backspace') return startEdit(sel.focus, '');
        return void clearSelection();
    }
    if (ctrl && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !shift) {
        handled();
        return p.onUndo();
      }
      if (k === 'y' || (k === 'z' && shift)) {
        handled();
        return p.onRedo();
      }
      if (k === 'a') {
        handled();
        return setSelection({ anchor: { row: 0, col: 0 }, focus: { row: lastRow, col: lastCol } });
      }
      return; // Ctrl+C / Ctrl+V fall through to the copy/paste events
    }
    if (e.key.length === 1 && !e.altKey) {
      handled();
      startEdit(sel.focus, e.key);
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void commitEdit(e.shiftKey ? 'stay' : 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commitEdit(e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    }
  };

  const cellMouseDown = (e: MouseEvent, pos: CellPos) => {
    if (e.button !== 0) return; // an open editor commits on blur when the grid takes focus
    e.preventDefault();
    setSelection({ anchor: e.shiftKey ? sel.anchor : pos, focus: pos });
    setCellError(null);
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
  const sortIndex = (key: string) => p.sort.findIndex((s) => s.field === key);
  const b = bounds(sel);
  void rows.version; // re-render when rows arrive

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label={t('grid.label')}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={`cell-${active.row}-${active.col}`}
      onKeyDown={onKeyDown}
    >
      <div ref={scrollRef} className="grid-scroll">
        <div className="grid-inner" style={{ width: totalWidth, height: virtualizer.getTotalSize() + ROW_HEIGHT }}>
          <div className="grid-row grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
            <div className="grid-cell rownum frozen" role="columnheader" aria-colindex={1} style={{ width: ROWNUM_WIDTH, left: 0 }}>
              {t('field.rownum')}
            </div>
            {columns.map((c, ci) => {
              const si = sortIndex(c.key);
              const s = si >= 0 ? p.sort[si] : undefined;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-colindex={ci + 2}
                  aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'}
                  data-field={c.key}
                  className={`grid-cell header-cell${ci === 0 ? ' frozen' : ''}${c.numeric ? ' num' : ''}`}
                  style={{ width: c.width, left: ci === 0 ? ROWNUM_WIDTH : undefined }}
                  onClick={(e) => p.onSortClick(c.key, e.shiftKey)}
                  title={t(`field.${c.key}` as never)}
                >
                  <span className="header-label">{t(`field.${c.key}` as never)}</span>
                  {s && (
                    <span className="sort-mark" aria-hidden="true">
                      {s.desc ? '▼' : '▲'}
                      {p.sort.length > 1 ? si + 1 : ''}
                    </span>
                  )}
                  <span
                    className="resize-handle"
                    onClick={(e) => e.stopPropagation()}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      const startX = e.clientX;
                      const startW = c.width;
                      const move = (ev: globalThis.MouseEvent) => p.onResize(c.key, Math.max(50, startW + ev.clientX - startX));
                      const up = () => {
                        window.removeEventListener('mousemove', move);
                        window.removeEventListener('mouseup', up);
                      };
                      window.addEventListener('mousemove', move);
                      window.addEventListener('mouseup', up);
                    }}
                  />
                </div>
              );
            })}
          </div>
          {total === 0 && rows.total != null && <div className="grid-empty">{t('grid.empty')}</div>}
          {items.map((vi) => {
            const r = vi.index;
            const row = rows.row(r);
            return (
              <div
                key={vi.key}
                role="row"
                aria-rowindex={r + 2}
                data-row-id={row?.id}
                className={`grid-row${r % 2 ? ' odd' : ''}${r === active.row ? ' active-row' : ''}`}
                style={{ transform: `translateY(${vi.start + ROW_HEIGHT}px)`, width: totalWidth }}
              >
                <div className="grid-cell rownum frozen" role="rowheader" aria-colindex={1} style={{ width: ROWNUM_WIDTH, left: 0 }}>
                  {(r + 1).toLocaleString('id-ID')}
                </div>
                {columns.map((c, ci) => {
                  const selected = contains(sel, r, ci);
                  const isActive = r === active.row && ci === active.col;
                  const isEditing = editing && editing.pos.row === r && editing.pos.col === ci;
                  const err = cellError && cellError.pos.row === r && cellError.pos.col === ci ? cellError.message : null;
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
                      data-col={ci}
                      className={`grid-cell${ci === 0 ? ' frozen' : ''}${c.numeric ? ' num' : ''}${selected ? ' selected' : ''}${isActive ? ' active' : ''}${err ? ' invalid' : ''}${!c.editable ? ' readonly' : ''}${edges}`}
                      style={{ width: c.width, left: ci === 0 ? ROWNUM_WIDTH : undefined }}
                      onMouseDown={(e) => cellMouseDown(e, { row: r, col: ci })}
                      onMouseEnter={() => dragging && setSelection({ anchor: sel.anchor, focus: { row: r, col: ci } })}
                      onDoubleClick={() => startEdit({ row: r, col: ci })}
                    >
                      {isEditing ? (
                        <input
                          ref={editorRef}
                          className="cell-editor"
                          aria-label={t(`field.${c.key}` as never)}
                          value={editing.text}
                          onChange={(e) => {
                            setEditing({ ...editing, text: e.target.value });
                            setCellError(null);
                          }}
                          onKeyDown={onEditorKey}
                          onBlur={() => editing && cellError == null && void commitEdit('stay')}
                        />
                      ) : row ? (
                        displayValue(row, c.key, p.display)
                      ) : (
                        <span className="loading">{ci === 0 ? t('grid.loading') : ''}</span>
                      )}
                      {err && (
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
}

/**
 * The grid's sticky header row: column names, sort arrows with priority numbers (click sorts,
 * Shift+click adds a column to the sort, Ctrl+click selects the column), aria-sort, a ▾ button
 * that opens the column's value filter, and a handle to resize each column (double-click: fit).
 * Plain click keeps sorting, as it always has here; Excel users select a column with Ctrl+Space
 * or Ctrl+click.
 */
import { useI18n } from '../i18n/i18n';
import type { GridColumnDef as GridColumn, GridSort } from './Grid';

/** The row-number column grows with the count, so "1.000.000" fits. */
export const rownumWidth = (total: number): number => Math.max(48, Math.ceil(18 + 7.5 * total.toLocaleString('id-ID').length));
export const MIN_WIDTH = 50;

interface Props {
  columns: readonly GridColumn[];
  label(key: string): string;
  sort: GridSort;
  width: number;
  rownum: number;
  onSortClick(field: string, add: boolean): void;
  onResize(key: string, width: number, done: boolean): void;
  onAutofit(key: string): void;
  onSelectColumn(col: number, extend: boolean): void;
  /** Columns with a value filter: whether one is set; undefined when the grid has no header filters. */
  filtered?(key: string): boolean;
  onFilterOpen?(key: string, anchor: DOMRect): void;
}

export function GridHeader({ columns, label: labelOf, sort, width, rownum, onSortClick, onResize, onAutofit, onSelectColumn, filtered, onFilterOpen }: Props) {
  const { t } = useI18n();
  const startResize = (c: GridColumn, e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const widthAt = (ev: MouseEvent) => Math.max(MIN_WIDTH, c.width + ev.clientX - startX);
    const move = (ev: MouseEvent) => onResize(c.key, widthAt(ev), false);
    const up = (ev: MouseEvent) => {
      onResize(c.key, widthAt(ev), true);
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  return (
    <div className="grid-row grid-header" role="row" aria-rowindex={1} style={{ width }}>
      <div className="grid-cell rownum frozen" role="columnheader" aria-colindex={1} style={{ width: rownum, left: 0 }}>
        {t('field.rownum')}
      </div>
      {columns.map((c, ci) => {
        const si = sort.findIndex((s) => s.field === c.key);
        const s = si >= 0 ? sort[si] : undefined;
        const label = labelOf(c.key);
        return (
          <div
            key={c.key}
            role="columnheader"
            aria-colindex={ci + 2}
            aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'}
            data-field={c.key}
            className={`grid-cell header-cell${ci === 0 ? ' frozen' : ''}${c.numeric ? ' num' : ''}${s ? ' sorted' : ''}${filtered?.(c.key) ? ' filtered' : ''}`}
            style={{ width: c.width, left: ci === 0 ? rownum : undefined }}
            onClick={(e) => (e.ctrlKey || e.metaKey ? onSelectColumn(ci, e.shiftKey) : onSortClick(c.key, e.shiftKey))}
            title={`${label} — ${t('grid.headerHint')}`}
          >
            <span className="header-label">{label}</span>
            {s && (
              <span className="sort-mark" aria-hidden="true">
                {s.desc ? '▼' : '▲'}
                {sort.length > 1 && <sup>{si + 1}</sup>}
              </span>
            )}
            {filtered && onFilterOpen && (
              <button
                type="button"
                tabIndex={-1}
                className={`header-filter${filtered(c.key) ? ' on' : ''}`}
                aria-label={t('grid.filterColumn', { field: label })}
                aria-haspopup="dialog"
                onMouseDown={(e) => e.stopPropagation()}
                onClick={(e) => {
                  e.stopPropagation();
                  onFilterOpen(c.key, e.currentTarget.getBoundingClientRect());
                }}
              />
            )}
            <span
              className="resize-handle"
              aria-hidden="true"
              title={t('grid.autofit')}
              onClick={(e) => e.stopPropagation()}
              onMouseDown={(e) => startResize(c, e)}
              onDoubleClick={(e) => {
                e.stopPropagation();
                onAutofit(c.key);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}

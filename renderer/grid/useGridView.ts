/**
 * What a grid page needs of the core's view engine (electron/core/view/), the same for the
 * registry and the shipments: the range operations the Grid calls (fill, find, replace-all,
 * locate), the header value filters (kept in the page's filter as `values`, so the footer, export
 * and drill-down see them too), Sum/Average/Count of the selection and "Ekspor tampilan". The
 * page says which table (`ikm` or `shipments`: the contract's methods of that prefix) and what to
 * do with the cells a bulk write changed (its undo entry, its refresh).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Args, BulkResult, CellDiff, Method, RangeStats, Result } from '../../shared/contract';
import { api } from '../api/client';
import { download } from '../files';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../toast';
import type { BulkOutcome, GridBulk } from './Grid';
import { SHOWN_VALUES, type HeaderFilterSource } from './HeaderFilter';
import { bounds, cellCount, type Selection } from './selection';

type ValueFilter = { field: string; values: (string | null)[] };
type Op = 'locate' | 'rangeStats' | 'fill' | 'find' | 'replaceAll' | 'columnValues' | 'exportView';

interface Options<F extends { values?: ValueFilter[] }, S> {
  table: 'ikm' | 'shipments';
  filter: F;
  sort: S;
  setFilter(filter: F): void;
  /** The visible columns in their order (the status bar's fields, the export's columns). */
  columns: readonly { key: string }[];
  label(key: string): string;
  total: number | null | undefined;
  selection: Selection;
  /** Changes after every write, so the status bar re-reads the selection. */
  version: unknown;
  /** The cells a fill or replace-all changed: the page records one undo entry and refreshes. */
  onWritten(cells: CellDiff[]): Promise<void>;
}

export function useGridView<F extends { values?: ValueFilter[] }, S>(o: Options<F, S>) {
  const { t, m } = useI18n();
  const notify = useToast();
  const { table, filter, sort, setFilter, onWritten, total, selection, columns, version, label } = o;
  // One contract method per operation and table; both tables' arguments have the same shape.
  const call = useCallback(<R extends Op>(op: R, args: Record<string, unknown>) => api.call(`${table}.${op}` as `ikm.${R}` & Method, args as Args<`ikm.${R}`>) as Promise<Result<`ikm.${R}`>>, [table]);

  const bulkResult = useCallback(
    async (res: BulkResult): Promise<BulkOutcome> => {
      if (!res.ok) {
        if (res.tooMany) return { ok: false, message: t('grid.tooMany') };
        return { ok: false, refused: res.errors.map((e) => ({ id: e.id, row: e.row, field: e.field, message: m(e.key, e.params) })) };
      }
      if (res.cells.length > 0) await onWritten(res.cells);
      return { ok: true, changed: res.cells.length };
    },
    [t, m, onWritten],
  );
  const bulk: GridBulk = useMemo(
    () => ({
      fill: async (top, bottom, fields, block) => bulkResult(await call('fill', { filter, sort, top, bottom, fields, block })),
      find: (text, fields, from, backwards) => call('find', { filter, sort, text, fields, row: from.row, col: from.col, backwards }),
      replaceAll: async (find, replace, fields) => bulkResult(await call('replaceAll', { filter, fields, find, replace })),
      locate: async (id) => (await call('locate', { filter, sort, id })).index,
    }),
    [call, filter, sort, bulkResult],
  );

  const headerFilter: HeaderFilterSource = useMemo(
    () => ({
      isFiltered: (field) => filter.values?.some((v) => v.field === field) ?? false,
      selected: (field) => filter.values?.find((v) => v.field === field)?.values,
      values: (field, search) => call('columnValues', { filter, field, search: search || undefined, limit: SHOWN_VALUES }),
      apply: (field, list) => {
        const others = (filter.values ?? []).filter((v) => v.field !== field);
        const next = list ? [...others, { field, values: list }] : others;
        setFilter({ ...filter, values: next.length ? next : undefined });
      },
    }),
    [call, filter, setFilter],
  );
  const filterByValue = useCallback((field: string, value: unknown) => headerFilter.apply(field, [value == null || value === '' ? null : String(value)]), [headerFilter]);

  // Sum / Average / Count of a selection of more than one cell, from the core (any size of selection).
  const [stats, setStats] = useState<RangeStats | null>(null);
  useEffect(() => {
    setStats(null);
    if (cellCount(selection) < 2 || !total) return;
    const b = bounds(selection);
    const fields = columns.slice(b.left, b.right + 1).map((c) => c.key);
    const h = setTimeout(() => void call('rangeStats', { filter, sort, top: b.top, bottom: Math.min(b.bottom, total - 1), fields }).then(setStats, () => {}), 120);
    return () => clearTimeout(h);
  }, [call, selection, filter, sort, columns, total, version]);

  const exportView = useCallback(
    async (format: 'xlsx' | 'csv') => {
      notify(t('grid.exporting'));
      try {
        const res = await call('exportView', { filter, sort, format, columns: columns.map((c) => ({ key: c.key, label: label(c.key) })) });
        download(res.name, res.dataBase64);
        notify(t('grid.exported', { name: res.name, n: formatNumber(res.rows) }));
      } catch (e) {
        notify(t('error.generic', { message: e instanceof Error ? e.message : String(e) }), { tone: 'error' });
      }
    },
    [call, filter, sort, columns, label, notify, t],
  );

  return { bulk, headerFilter, filterByValue, stats, exportView, locate: bulk.locate };
}

/**
 * The registry screen: filters, toolbar, the grid, the footer with sums and the detail panel.
 * Owns the edit path (pre-validate → ikm.update → undo entry → refresh), so typing, paste,
 * Delete, undo and redo all save the same way.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BulkResult, IkmFilter, IkmSort, IkmSummary, RangeStats } from '../../../shared/contract';
import { parseField, type IkmColumnKey, type IkmFieldKey, type IkmRecord, type IkmValue } from '../../../shared/fields';
import { api, ApiError } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { ColumnMenu } from './ColumnMenu';
import { displayValue, editorOptions, rawValue, type Display, type GridColumn } from './columns';
import { DetailPanel } from './DetailPanel';
import { Filters } from './Filters';
import { Footer } from './Footer';
import { Grid, type BulkOutcome, type CellEdit, type EditOutcome, type GridBulk, type GridHandle, type GridRow } from '../../grid/Grid';
import { SHOWN_VALUES, type HeaderFilterSource } from '../../grid/HeaderFilter';
import { Dropdown } from '../../components/Dropdown';
import { download } from '../../files';
import { bounds, cellCount, type Selection } from '../../grid/selection';
import { nextSort } from '../../grid/sorting';
import { useColumnPrefs } from './useColumnPrefs';
import { useRowWindow } from '../../grid/useRowWindow';
import { useUndo } from '../../grid/useUndo';
import type { UndoEntry } from './undoEntries';
import { useDrilledView, type DrillRequest } from '../../navigate';
import { UndoButtons } from '../../components/UndoButtons';
import { useConfirm } from '../../components/ConfirmDialog';
import { formatNumber } from '../../format';

const START: Selection = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };

export function RegistryPage({ onCountChange, drill }: { onCountChange(): void; drill?: DrillRequest<IkmFilter, IkmSort> }) {
  const { t, m } = useI18n();
  const areas = useAreas();
  const notify = useToast();
  const confirm = useConfirm();
  // Opened on a drill-down (renderer/navigate.tsx); filterKey remounts the filter bar when filters are reset.
  const { filter, setFilter, sort, setSort, filterKey, setFilterKey } = useDrilledView<IkmFilter, IkmSort>(drill, { filter: {}, sort: [] });
  const [summary, setSummary] = useState<IkmSummary | null>(null);
  const [selection, setSelection] = useState<Selection>(START);
  const [activeRow, setActiveRow] = useState<IkmRecord | undefined>();
  const [showDetail, setShowDetail] = useState(true);
  const [historyVersion, setHistoryVersion] = useState(0);
  const rows = useRowWindow<IkmRecord>((offset, limit) => api.call('ikm.query', { filter, sort, offset, limit }), JSON.stringify([filter, sort]));
  const prefs = useColumnPrefs();
  const grid = useRef<GridHandle>(null);

  const display: Display = useMemo(() => ({ districtName: areas.name, scaleName: (s) => t(`scale.${s}` as 'scale.kecil') }), [areas, t]);
  const cellText = useCallback((row: GridRow, key: string) => displayValue(row as IkmRecord, key as IkmColumnKey, display), [display]);
  const cellRaw = useCallback((row: GridRow, key: string) => rawValue(row as IkmRecord, key as IkmColumnKey, display), [display]);
  const label = useCallback((key: string) => t(`field.${key}` as 'field.nib'), [t]);
  const districtOptions = useMemo(() => editorOptions('district_code', areas.districts, areas.name), [areas]);
  const formOptions = useMemo(() => editorOptions('business_form', areas.districts, areas.name), [areas]);
  const optionsFor = useCallback(
    (key: GridColumn['key']) => (key === 'district_code' ? districtOptions : key === 'business_form' ? formOptions : undefined),
    [districtOptions, formOptions],
  );

  const refreshSummary = useCallback(() => {
    void api.call('ikm.summary', { filter }).then(setSummary, () => {});
  }, [filter]);
  useEffect(refreshSummary, [refreshSummary]);
  useEffect(() => setSelection(START), [filter, sort]);

  const refreshRows = rows.refresh;
  const afterWrite = useCallback(async () => {
    await refreshRows();
    refreshSummary();
    setHistoryVersion((v) => v + 1);
  }, [refreshRows, refreshSummary]);

  const failed = useCallback((e: unknown) => notify(t('error.generic', { message: e instanceof Error ? e.message : String(e) }), { tone: 'error' }), [notify, t]);

  /** Writes cells all-or-nothing; per-change messages (nothing saved) or the saved records. */
  const write = useCallback(
    async (changes: CellEdit[], typed = false): Promise<EditOutcome & { records?: IkmRecord[] }> => {
      // Cheap checks in the renderer with the same parser as the core; the core decides.
      const local = new Map<number, string>();
      changes.forEach((c, i) => {
        const p = parseField(c.field as IkmFieldKey, c.value, { districts: areas.resolver, typed });
        if (!p.ok) local.set(i, m(p.error.key, p.error.params));
      });
      if (local.size > 0) return { ok: false, errors: local };
      try {
        const res = await api.call('ikm.update', { changes: changes.map(({ id, field, value }) => ({ id, field, value })), typed: typed || undefined });
        if (!res.ok) return { ok: false, errors: new Map(res.errors.map((e) => [e.index, m(e.key, e.params)])) };
        return { ok: true, records: res.records };
      } catch (e) {
        failed(e);
        return { ok: false, errors: new Map([[0, e instanceof Error ? e.message : String(e)]]) };
      }
    },
    [areas.resolver, m, failed],
  );

  /** Undo/redo talk to the core here; see useUndo.ts for the entry kinds. */
  const applyUndo = useCallback(
    async (entry: UndoEntry, direction: 'undo' | 'redo'): Promise<boolean> => {
      try {
        if (entry.kind === 'cells') {
          const changes = entry.cells.map((c) => ({ id: c.id, field: c.field, value: direction === 'undo' ? c.oldValue : c.newValue, before: null }));
          const res = await write(changes);
          if (!res.ok) {
            notify([...(res.errors?.values() ?? [])].join(' '), { tone: 'error' });
            return false;
          }
        } else {
          const restore = (entry.kind === 'delete') === (direction === 'undo');
          await api.call(restore ? 'ikm.restore' : 'ikm.delete', { ids: entry.ids });
          onCountChange();
        }
        await afterWrite();
        notify(t(direction === 'undo' ? 'toast.undone' : 'toast.redone'));
        return true;
      } catch (e) {
        failed(e);
        return false;
      }
    },
    [write, afterWrite, notify, t, failed, onCountChange],
  );
  const undo = useUndo(applyUndo);
  const pushUndo = undo.push;

  const save = useCallback(
    async (changes: CellEdit[], opts?: { typed?: boolean }): Promise<EditOutcome> => {
      const res = await write(changes, opts?.typed);
      if (!res.ok) return res;
      // The values as stored (parsed, e.g. "Rp 1.500.000" → 1500000) are what redo writes back.
      const stored = new Map((res.records ?? []).map((r) => [r.id, r]));
      pushUndo({
        kind: 'cells',
        cells: changes.map((c) => ({ id: c.id, field: c.field as IkmFieldKey, oldValue: c.before as IkmValue, newValue: stored.get(c.id)?.[c.field as IkmFieldKey] ?? c.value })),
      });
      await afterWrite();
      return { ok: true };
    },
    [write, pushUndo, afterWrite],
  );

  const deleteRows = useCallback(async () => {
    const b = bounds(selection);
    if (!rows.total) return;
    try {
      const list = await rows.fetchRange(b.top, Math.min(b.bottom, rows.total - 1));
      const ids = list.map((r) => r.id);
      if (ids.length === 0) return;
      if (ids.length > 1) {
        const n = formatNumber(ids.length);
        if (!(await confirm({ title: t('confirm.deleteTitle', { n }), body: t('confirm.deleteIkm', { n }), confirm: t('confirm.deleteAction', { n }), danger: true }))) return grid.current?.focus();
      }
      await api.call('ikm.delete', { ids });
      const entry: UndoEntry = { kind: 'delete', ids };
      undo.push(entry);
      await afterWrite();
      onCountChange();
      notify(t('toast.deleted', { n: ids.length }), {
        action: {
          label: t('toolbar.undo'),
          run: () => {
            undo.remove(entry);
            void applyUndo(entry, 'undo');
          },
        },
      });
      grid.current?.focus();
    } catch (e) {
      failed(e);
    }
  }, [selection, rows, undo, afterWrite, onCountChange, notify, t, applyUndo, failed, confirm]);

  /**
   * Adds a record in the filtered view: in the filter's district (the first of the filtered
   * districts, or of the filtered province) and commodity, so it shows under the same filter; the
   * filter and sort stay, the footer is refreshed and the new row's name opens for typing. Only a
   * filter the new row cannot meet (search, ranges, scale, a column's values) is lifted, with a word.
   */
  const addRow = useCallback(async () => {
    try {
      const district = filter.districts?.[0] ?? (filter.province ? areas.districts.find((d) => d.provinceCode === filter.province)?.code : undefined);
      const values: Partial<Record<IkmFieldKey, string>> = {};
      if (district) values.district_code = district;
      if (filter.commodity) values.commodity = filter.commodity;
      if (filter.kbli?.length === 5) values.kbli = filter.kbli;
      const rec = await api.call('ikm.create', { values });
      undo.push({ kind: 'create', ids: [rec.id] });
      onCountChange();
      let view = filter;
      let index = (await api.call('ikm.locate', { filter, sort, id: rec.id })).index;
      if (index == null) {
        const { search: _s, ranges: _r, scale: _c, values: _v, featured: _f, ...kept } = filter;
        view = kept;
        setFilter(kept);
        setFilterKey((k) => k + 1);
        notify(t('reg.addedOutside'));
        index = (await api.call('ikm.locate', { filter: kept, sort, id: rec.id })).index;
      }
      if (view === filter) await afterWrite();
      else setHistoryVersion((v) => v + 1);
      if (index != null) grid.current?.goTo(index, rec.id, 'business_name', true);
    } catch (e) {
      notify(e instanceof ApiError ? e.message : String(e), { tone: 'error' });
    }
  }, [filter, sort, areas.districts, undo, afterWrite, notify, onCountChange, t, setFilter, setFilterKey]);

  /** The registry's range operations run in the core over the whole filtered view (electron/core/registry/view.ts). */
  const bulkResult = useCallback(
    async (res: BulkResult): Promise<BulkOutcome> => {
      if (!res.ok) {
        if (res.tooMany) return { ok: false, message: t('grid.tooMany') };
        return { ok: false, refused: res.errors.map((e) => ({ id: e.id, row: e.row, field: e.field, message: m(e.key, e.params) })) };
      }
      if (res.cells.length > 0) {
        pushUndo({ kind: 'cells', cells: res.cells.map((c) => ({ id: c.id, field: c.field as IkmFieldKey, oldValue: c.oldValue, newValue: c.newValue })) });
        await afterWrite();
      }
      return { ok: true, changed: res.cells.length };
    },
    [t, m, pushUndo, afterWrite],
  );
  const bulk: GridBulk = useMemo(
    () => ({
      fill: async (top, bottom, fields, block) => bulkResult(await api.call('ikm.fill', { filter, sort, top, bottom, fields, block })),
      find: (text, fields, from, backwards) => api.call('ikm.find', { filter, sort, text, fields, row: from.row, col: from.col, backwards }),
      replaceAll: async (find, replace, fields) => bulkResult(await api.call('ikm.replaceAll', { filter, fields: fields.filter((f) => f !== 'scale'), find, replace })),
      locate: async (id) => (await api.call('ikm.locate', { filter, sort, id })).index,
    }),
    [filter, sort, bulkResult],
  );

  /** Header value filters live in the filter (IkmFilter.values), so the footer, export and drill-down see them too. */
  const headerFilter: HeaderFilterSource = useMemo(
    () => ({
      isFiltered: (field) => filter.values?.some((v) => v.field === field) ?? false,
      selected: (field) => filter.values?.find((v) => v.field === field)?.values,
      values: (field, search) => api.call('ikm.columnValues', { filter, field, search: search || undefined, limit: SHOWN_VALUES }),
      apply: (field, list) => {
        const others = (filter.values ?? []).filter((v) => v.field !== field);
        const next = list ? [...others, { field, values: list }] : others;
        setFilter({ ...filter, values: next.length ? next : undefined });
      },
    }),
    [filter, setFilter],
  );
  const filterByValue = useCallback(
    (field: string, value: unknown) => headerFilter.apply(field, [value == null || value === '' ? null : String(value)]),
    [headerFilter],
  );

  // Sum / Average / Count of a selection of more than one cell, from the core (any size of selection).
  const [stats, setStats] = useState<RangeStats | null>(null);
  useEffect(() => {
    setStats(null);
    if (cellCount(selection) < 2 || !rows.total) return;
    const b = bounds(selection);
    const fields = prefs.columns.slice(b.left, b.right + 1).map((c) => c.key);
    const h = setTimeout(() => {
      void api.call('ikm.rangeStats', { filter, sort, top: b.top, bottom: Math.min(b.bottom, rows.total! - 1), fields }).then(setStats, () => {});
    }, 120);
    return () => clearTimeout(h);
  }, [selection, filter, sort, prefs.columns, rows.total, historyVersion]);

  const exportView = async (format: 'xlsx' | 'csv') => {
    notify(t('reg.exporting'));
    try {
      const res = await api.call('ikm.exportView', { filter, sort, format, columns: prefs.columns.map((c) => ({ key: c.key, label: label(c.key) })) });
      download(res.name, res.dataBase64);
      notify(t('reg.exported', { name: res.name, n: formatNumber(res.rows) }));
    } catch (e) {
      failed(e);
    }
  };

  const resetFilters = () => {
    setFilter({});
    setFilterKey((k) => k + 1);
  };

  return (
    <div className={`registry${showDetail ? ' with-detail' : ''}`}>
      <div className="registry-top">
        <Filters key={filterKey} filter={filter} onChange={setFilter} onReset={resetFilters} />
        <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button type="button" onClick={() => void addRow()}>
            {t('toolbar.add')}
          </button>
          <button type="button" onClick={() => void deleteRows()} disabled={!rows.total} title={t('toolbar.deleteHint')}>
            {t('toolbar.delete')}
          </button>
          <UndoButtons undo={undo} />
          <Dropdown summary={t('reg.export')} className="export-menu" closeOnPick>
            <div className="dropdown-body" aria-label={t('reg.exportHint')}>
              <p className="muted small">{t('reg.exportHint')}</p>
              <button type="button" onClick={() => void exportView('xlsx')}>
                {t('reg.exportXlsx')}
              </button>
              <button type="button" onClick={() => void exportView('csv')}>
                {t('reg.exportCsv')}
              </button>
            </div>
          </Dropdown>
          <button type="button" onClick={() => grid.current?.openFind('replace')} title="Ctrl+F · Ctrl+H">
            {t('reg.find')}
          </button>
          <ColumnMenu prefs={prefs} />
          <button type="button" aria-pressed={showDetail} onClick={() => setShowDetail((v) => !v)}>
            {t('toolbar.details')}
          </button>
        </div>
      </div>
      <div className="registry-body">
        <Grid
          ref={grid}
          rows={rows}
          columns={prefs.columns}
          text={cellText}
          raw={cellRaw}
          label={label}
          ariaLabel={t('grid.label')}
          options={optionsFor}
          sort={sort}
          onSortClick={(field, add) => setSort((cur) => nextSort(cur, field, add))}
          onResize={prefs.resize}
          edit={save}
          onActiveRow={(row) => setActiveRow(row as IkmRecord | undefined)}
          onUndo={() => void undo.undo()}
          onRedo={() => void undo.redo()}
          notify={(text, tone) => notify(text, { tone })}
          selection={selection}
          setSelection={setSelection}
          bulk={bulk}
          headerFilter={headerFilter}
          onInsertRow={() => void addRow()}
          onDeleteRows={() => void deleteRows()}
          onFilterByValue={filterByValue}
          onOpenDetail={() => setShowDetail(true)}
        />
        {showDetail && <DetailPanel row={activeRow} display={display} onClose={() => setShowDetail(false)} version={historyVersion} />}
      </div>
      <Footer summary={summary} selected={cellCount(selection)} stats={stats} />
    </div>
  );
}

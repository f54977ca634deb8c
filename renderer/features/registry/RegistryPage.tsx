/**
 * The registry screen: filters, toolbar, the grid, the footer with sums and the detail panel.
 * Owns the edit path (pre-validate → ikm.update → undo entry → refresh), so typing, paste,
 * Delete, undo and redo all save the same way.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellDiff, IkmFilter, IkmSort, IkmSummary } from '../../../shared/contract';
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
import { Grid, type CellEdit, type EditOutcome, type GridHandle, type GridRow } from '../../grid/Grid';
import { ExportMenu } from '../../grid/ExportMenu';
import { useGridView } from '../../grid/useGridView';
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

  /** The range operations, header filters, status-bar figures and export run in the core's view engine over the whole filtered view. */
  const onWritten = useCallback(
    async (cells: CellDiff[]) => {
      pushUndo({ kind: 'cells', cells: cells.map((c) => ({ id: c.id, field: c.field as IkmFieldKey, oldValue: c.oldValue, newValue: c.newValue })) });
      await afterWrite();
    },
    [pushUndo, afterWrite],
  );
  const view = useGridView({ table: 'ikm', filter, sort, setFilter, columns: prefs.columns, label, total: rows.total, selection, version: historyVersion, onWritten });

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
          <ExportMenu onExport={(format) => void view.exportView(format)} />
          <button type="button" onClick={() => grid.current?.openFind('replace')} title="Ctrl+F · Ctrl+H">
            {t('grid.findReplace')}
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
          bulk={view.bulk}
          headerFilter={view.headerFilter}
          onInsertRow={() => void addRow()}
          onDeleteRows={() => void deleteRows()}
          onFilterByValue={view.filterByValue}
          onOpenDetail={() => setShowDetail(true)}
        />
        {showDetail && <DetailPanel row={activeRow} display={display} onClose={() => setShowDetail(false)} version={historyVersion} />}
      </div>
      <Footer summary={summary} selected={cellCount(selection)} stats={view.stats} />
    </div>
  );
}

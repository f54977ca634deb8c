/**
 * Export records: the shipments grid (the registry's grid component, keys and clipboard) with its
 * filters, footer sums from the core and file import; and the BPS trade figures beside it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellDiff, ShipmentFilter, ShipmentSort, ShipmentSummary } from '../../../shared/contract';
import { localDay } from '../../../shared/parse';
import { newShipmentValues, type ShipmentRecord } from '../../../shared/shipments';
import { api, ApiError } from '../../api/client';
import { useAreas } from '../../areas';
import { formatNumber, formatUsd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { Grid, type CellEdit, type EditOutcome, type GridHandle, type GridRow } from '../../grid/Grid';
import { bounds, cellCount, type Selection } from '../../grid/selection';
import { ExportMenu } from '../../grid/ExportMenu';
import { SelectionStats } from '../../grid/SelectionStats';
import { useGridView } from '../../grid/useGridView';
import { nextSort } from '../../grid/sorting';
import { useRowWindow } from '../../grid/useRowWindow';
import { useUndo } from '../../grid/useUndo';
import { SHIPMENT_COLUMNS, shipmentOptions, shipmentRaw, shipmentText } from './columns';
import { useCountries } from './countries';
import { ShipmentFilters } from './ShipmentFilters';
import { ShipmentDetail } from './ShipmentDetail';

import { ShipmentImport } from './ShipmentImport';
import { TradeTable } from './TradeTable';
import { UndoButtons } from '../../components/UndoButtons';
import { useConfirm } from '../../components/ConfirmDialog';
import { useDrilledView, type DrillRequest } from '../../navigate';

type ShipmentUndo = { kind: 'cells'; cells: CellEdit[] } | { kind: 'create' | 'delete'; ids: number[] };

const START: Selection = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };

export function ShipmentsPage({ drill }: { drill?: DrillRequest<ShipmentFilter, ShipmentSort> }) {
  const { t } = useI18n();
  const [view, setView] = useState<'shipments' | 'trade'>('shipments');
  useEffect(() => {
    if (drill) setView('shipments');
  }, [drill]);
  return (
    <div className="registry shipments">
      <div className="subtabs" role="tablist" aria-label={t('nav.shipments')}>
        {(['shipments', 'trade'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'subtab active' : 'subtab'} onClick={() => setView(v)}>
            {t(v === 'shipments' ? 'ship.tab.shipments' : 'ship.tab.trade')}
          </button>
        ))}
      </div>
      {view === 'shipments' ? <ShipmentsGrid drill={drill} /> : <TradeTable />}
    </div>
  );
}

function ShipmentsGrid({ drill }: { drill?: DrillRequest<ShipmentFilter, ShipmentSort> }) {
  const { t } = useI18n();
  const areas = useAreas();
  const countries = useCountries();
  const notify = useToast();
  const confirm = useConfirm();
  // Opened on a drill-down (renderer/navigate.tsx); filterKey remounts the filter bar's typed drafts.
  const { filter, setFilter, sort, setSort, filterKey, setFilterKey } = useDrilledView<ShipmentFilter, ShipmentSort>(drill, { filter: {}, sort: [] });
  const [summary, setSummary] = useState<ShipmentSummary | null>(null);
  const [selection, setSelection] = useState<Selection>(START);
  const [activeRow, setActiveRow] = useState<ShipmentRecord | undefined>();
  const [showDetail, setShowDetail] = useState(true);
  const [version, setVersion] = useState(0);
  const rows = useRowWindow<ShipmentRecord>((offset, limit) => api.call('shipments.query', { filter, sort, offset, limit }), JSON.stringify([filter, sort]));
  const grid = useRef<GridHandle>(null);
  const [widths, setWidths] = useState<Record<string, number>>({});
  useEffect(() => void api.call('settings.get', { key: 'shipments.widths' }).then((v) => v && typeof v === 'object' && setWidths(v as Record<string, number>)), []);
  const columns = useMemo(() => SHIPMENT_COLUMNS.map((c) => ({ ...c, width: widths[c.key] ?? c.width })), [widths]);
  const resize = (key: string, width: number, done: boolean) => {
    const next = { ...widths, [key]: width };
    setWidths(next);
    if (done) void api.call('settings.set', { key: 'shipments.widths', value: next });
  };
  const display = useMemo(() => ({ districtName: areas.name, countries }), [areas, countries]);

  const refreshSummary = useCallback(() => void api.call('shipments.summary', { filter }).then(setSummary, () => {}), [filter]);
  useEffect(refreshSummary, [refreshSummary]);
  useEffect(() => setSelection(START), [filter, sort]);
  const refreshRows = rows.refresh;
  const afterWrite = useCallback(async () => {
    await refreshRows();
    refreshSummary();
    setVersion((v) => v + 1);
  }, [refreshRows, refreshSummary]);

  const write = useCallback(
    async (changes: { id: number; field: string; value: string | number | null }[]): Promise<EditOutcome & { records?: ShipmentRecord[] }> => {
      const res = await api.call('shipments.update', { changes: changes.map((c) => ({ id: c.id, field: c.field, value: c.value })) });
      if (!res.ok) return { ok: false, errors: new Map(res.errors.map((e) => [e.index, e.message])) };
      return { ok: true, records: res.records };
    },
    [],
  );
  /**
   * Undo entries: `cells` (an edit, paste, fill or replace-all: undo writes back the values it
   * replaced, redo the new ones), `create` (a row added: undo deletes it to Sampah, redo restores
   * it) and `delete` (rows deleted: the other way round).
   */
  const undo = useUndo<ShipmentUndo>(async (entry, direction) => {
    if (entry.kind !== 'cells') {
      const restore = (entry.kind === 'delete') === (direction === 'undo');
      try {
        if (restore) await api.call('trash.restore', { kind: 'shipment', ids: entry.ids });
        else await api.call('shipments.delete', { ids: entry.ids });
      } catch (e) {
        notify(e instanceof ApiError ? e.message : String(e), { tone: 'error' });
        return false;
      }
      await afterWrite();
      return true;
    }
    const r = await write(entry.cells.map((c) => ({ id: c.id, field: c.field, value: direction === 'undo' ? ((c.before as string | number | null) ?? null) : c.value })));
    if (!r.ok) notify([...(r.errors?.values() ?? [])][0] ?? t('grid.refused'), { tone: 'error' });
    await afterWrite();
    return r.ok;
  });
  const save = useCallback(
    async (changes: CellEdit[]): Promise<EditOutcome> => {
      const res = await write(changes);
      if (!res.ok) return res;
      const stored = new Map((res.records ?? []).map((r) => [r.id, r]));
      undo.push({ kind: 'cells', cells: changes.map((c) => ({ ...c, value: (stored.get(c.id)?.[c.field as keyof ShipmentRecord] as string | number | null) ?? c.value })) });
      await afterWrite();
      return { ok: true };
    },
    [write, undo, afterWrite],
  );

  /**
   * Adds a shipment in the filtered view: created matching the filter where it can (district or
   * province, country, product, HS code, period, a column's chosen value), so the filter and sort
   * stay, the footer is refreshed and the new row's exporter opens for typing where the user looks.
   * Only a filter it cannot meet (a search, a column value it cannot take) is lifted, with a word.
   */
  const addRow = async () => {
    try {
      const rec = await api.call('shipments.create', { values: newShipmentValues(filter, areas.districts, localDay()) });
      undo.push({ kind: 'create', ids: [rec.id] });
      let index = (await api.call('shipments.locate', { filter, sort, id: rec.id })).index;
      if (index == null) {
        const { search: _s, values: _v, hs: _h, commodity: _c, ...kept } = filter;
        let view: ShipmentFilter = kept;
        index = (await api.call('shipments.locate', { filter: view, sort, id: rec.id })).index;
        if (index == null) {
          view = {};
          index = (await api.call('shipments.locate', { filter: view, sort, id: rec.id })).index;
        }
        setFilter(view);
        setFilterKey((k) => k + 1);
        notify(t('ship.addedOutside'));
      } else {
        await afterWrite();
        notify(t('toast.saved'));
      }
      if (index != null) grid.current?.goTo(index, rec.id, 'exporter_name', true);
    } catch (e) {
      notify(e instanceof ApiError ? e.message : String(e), { tone: 'error' });
    }
  };
  const deleteRows = async () => {
    const b = bounds(selection);
    if (!rows.total) return;
    const list = await rows.fetchRange(b.top, Math.min(b.bottom, rows.total - 1));
    if (list.length === 0) return;
    if (list.length > 1) {
      const n = formatNumber(list.length);
      if (!(await confirm({ title: t('confirm.deleteTitle', { n }), body: t('confirm.deleteShipments', { n }), confirm: t('confirm.deleteAction', { n }), danger: true }))) return;
    }
    const ids = list.map((x) => x.id);
    const r = await api.call('shipments.delete', { ids });
    undo.push({ kind: 'delete', ids });
    notify(t('toast.deleted', { n: r.deleted }));
    await afterWrite();
  };

  // Header filters, find & replace, status-bar figures and export: the registry's engine over this view.
  const pushUndo = undo.push;
  const onWritten = useCallback(
    async (cells: CellDiff[]) => {
      pushUndo({ kind: 'cells', cells: cells.map((c) => ({ id: c.id, field: c.field, value: c.newValue, before: c.oldValue })) });
      await afterWrite();
    },
    [pushUndo, afterWrite],
  );
  const label = useCallback((key: string) => t(`ship.${key}` as 'ship.date'), [t]);
  const view = useGridView({ table: 'shipments', filter, sort, setFilter, columns, label, total: rows.total, selection, version, onWritten });

  const text = useCallback((row: GridRow, key: string) => shipmentText(row as ShipmentRecord, key, display), [display]);
  const raw = useCallback((row: GridRow, key: string) => shipmentRaw(row as ShipmentRecord, key, display), [display]);
  const options = useMemo(() => {
    const byKey = new Map(['district_code', 'country_code'].map((k) => [k, shipmentOptions(k, areas.districts, areas.name, countries)]));
    return (key: string) => byKey.get(key);
  }, [areas, countries]);

  return (
    <>
      <div className="registry-top">
        <ShipmentFilters key={filterKey} filter={filter} onChange={setFilter} countries={countries} />
        <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button type="button" onClick={() => void addRow()}>
            {t('toolbar.add')}
          </button>
          <button type="button" onClick={() => void deleteRows()} disabled={!rows.total}>
            {t('toolbar.delete')}
          </button>
          <UndoButtons undo={undo} />
          <ExportMenu onExport={(format) => void view.exportView(format)} />
          <button type="button" onClick={() => grid.current?.openFind('replace')} title="Ctrl+F · Ctrl+H">
            {t('grid.findReplace')}
          </button>
          <button type="button" aria-pressed={showDetail} onClick={() => setShowDetail((v) => !v)}>
            {t('toolbar.details')}
          </button>
          <ShipmentImport onImported={() => void afterWrite()} />
        </div>
      </div>
      <div className="registry-body">
        {rows.total === 0 && Object.keys(filter).length === 0 ? (
          <p className="panel-note muted">{t('ship.empty')}</p>
        ) : (
          <Grid
            ref={grid}
            rows={rows}
            columns={columns}
            text={text}
            raw={raw}
            label={label}
            ariaLabel={t('ship.grid')}
            options={options}
            sort={sort}
            onSortClick={(field, add) => setSort((cur) => nextSort(cur, field, add))}
            onResize={resize}
            edit={save}
            onActiveRow={(row) => setActiveRow(row as ShipmentRecord | undefined)}
            onUndo={() => void undo.undo()}
            onRedo={() => void undo.redo()}
            notify={(msg, tone) => notify(msg, { tone })}
            selection={selection}
            setSelection={setSelection}
            bulk={view.bulk}
            headerFilter={view.headerFilter}
            onInsertRow={() => void addRow()}
            onDeleteRows={() => void deleteRows()}
            onFilterByValue={view.filterByValue}
            onOpenDetail={() => setShowDetail(true)}
          />
        )}
        {showDetail && <ShipmentDetail row={activeRow} display={display} onClose={() => setShowDetail(false)} version={version} />}
      </div>
      <footer className="grid-footer" aria-live="polite">
        {summary && (
          <>
            <strong data-testid="ship-count">{t('ship.footer.count', { n: formatNumber(summary.count) })}</strong>
            <span>
              {t('ship.footer.fob')}: <b data-testid="ship-fob">US$ {formatUsd(summary.fob_usd)}</b>
            </span>
            <span>
              {t('ship.footer.weight')}: <b data-testid="ship-weight">{formatNumber(summary.net_weight_kg)} kg</b>
            </span>
            {cellCount(selection) > 1 && <span className="muted">{t('footer.selection', { n: formatNumber(cellCount(selection)) })}</span>}
            {cellCount(selection) > 1 && view.stats && <SelectionStats stats={view.stats} />}
          </>
        )}
      </footer>
    </>
  );
}

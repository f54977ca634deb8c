/**
 * The registry screen: filters, toolbar, the grid, the footer with sums and the detail panel.
 * Owns the edit path (validate → save → undo entry → refresh), so grid keys, paste, delete and
 * undo all save the same way.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellChange, IkmFilter, IkmSort, IkmSummary } from '../../../shared/contract';
import { parseField, type IkmFieldKey, type IkmRecord } from '../../../shared/fields';
import { api, ApiError } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { ColumnMenu } from './ColumnMenu';
import type { Display } from './columns';
import { DetailPanel } from './DetailPanel';
import { Filters } from './Filters';
import { Footer } from './Footer';
import { Grid, type EditOutcome } from './Grid';
import { bounds, cellCount, type Selection } from './selection';
import { useColumnPrefs } from './useColumnPrefs';
import { useRowWindow } from './useRowWindow';
import { useUndo } from './useUndo';

type Change = CellChange & { before: IkmRecord[keyof IkmRecord] };

export function RegistryPage({ onCountChange }: { onCountChange(): void }) {
  const { t, m } = useI18n();
  const areas = useAreas();
  const notify = useToast();
  const [filter, setFilter] = useState<IkmFilter>({});
  const [sort, setSort] = useState<IkmSort>([]);
  const [summary, setSummary] = useState<IkmSummary | null>(null);
  const [selection, setSelection] = useState<Selection>({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } });
  const [activeRow, setActiveRow] = useState<IkmRecord | undefined>();
  const [showDetail, setShowDetail] = useState(true);
  const [historyVersion, setHistoryVersion] = useState(0);
  const rows = useRowWindow(filter, sort);
  const prefs = useColumnPrefs();
  const undo = useUndo();

  const display: Display = useMemo(() => ({ districtName: areas.name, scaleName: (s) => t(`scale.${s}` as never) }), [areas, t]);

  const refreshSummary = useCallback(() => {
    void api.call('ikm.summary', { filter }).then(setSummary);
  }, [filter]);
  useEffect(refreshSummary, [refreshSummary]);
  useEffect(() => setSelection({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } }), [filter, sort]);

  const afterWrite = useCallback(async () => {
    await rows.refresh();
    refreshSummary();
    setHistoryVersion((v) => v + 1);
  }, [rows, refreshSummary]);

  /** Saves changes all-or-nothing; on success records an undo entry that swaps before/after. */
  const save = useCallback(
    async (changes: Change[], recordUndo = true): Promise<EditOutcome> => {
      // Cheap checks in the renderer with the same parser as the core; the core decides.
      const local = new Map<number, string>();
      changes.forEach((c, i) => {
        const p = parseField(c.field as IkmFieldKey, c.value, { districts: areas.resolver });
        if (!p.ok) local.set(i, m(p.error.key, p.error.params));
      });
      if (local.size > 0) return { ok: false, errors: local };
      let res;
      try {
        res = await api.call('ikm.update', { changes: changes.map(({ id, field, value }) => ({ id, field, value })) });
      } catch (e) {
        notify(t('error.generic', { message: (e as Error).message }), { tone: 'error' });
        return { ok: false, errors: new Map([[0, (e as Error).message]]) };
      }
      if (!res.ok) return { ok: false, errors: new Map(res.errors.map((e) => [e.index, m(e.key, e.params)])) };
      if (recordUndo) {
        const swap = (dir: 'undo' | 'redo') => () =>
          save(
            changes.map((c) => ({ ...c, value: (dir === 'undo' ? c.before : c.value) as CellChange['value'], before: dir === 'undo' ? c.value : c.before })),
            false,
          ).then((o) => {
            if (!o.ok) notify([...(o.errors?.values() ?? [])].join(' '), { tone: 'error' });
          });
        undo.push({ undo: swap('undo'), redo: swap('redo') });
      }
      await afterWrite();
      return { ok: true };
    },
    [areas.resolver, m, t, notify, undo, afterWrite],
  );

  const deleteRows = useCallback(async () => {
    const b = bounds(selection);
    const list = await rows.fetchRange(b.top, b.bottom);
    const ids = list.map((r) => r.id);
    if (ids.length === 0) return;
    await api.call('ikm.delete', { ids });
    const entry = {
      undo: () => api.call('ikm.restore', { ids }).then(afterWrite),
      redo: () => api.call('ikm.delete', { ids }).then(afterWrite),
    };
    undo.push(entry);
    await afterWrite();
    onCountChange();
    notify(t('toast.deleted', { n: ids.length }), {
      action: { label: t('toolbar.undo'), run: () => void undo.undo().then(() => notify(t('toast.restored'))) },
    });
  }, [selection, rows, undo, afterWrite, onCountChange, notify, t]);

  const addRow = useCallback(async () => {
    try {
      const rec = await api.call('ikm.create', { values: filter.districts?.length === 1 ? { district_code: filter.districts[0]! } : {} });
      const ids = [rec.id];
      undo.push({
        undo: () => api.call('ikm.delete', { ids }).then(afterWrite),
        redo: () => api.call('ikm.restore', { ids }).then(afterWrite),
      });
      // New rows sort last by id; clear the search so it is in view, then go to it.
      setSort([]);
      await afterWrite();
      const total = (await api.call('ikm.query', { filter, sort: [], offset: 0, limit: 1 })).total;
      setSelection({ anchor: { row: total - 1, col: 0 }, focus: { row: total - 1, col: 0 } });
    } catch (e) {
      notify(e instanceof ApiError ? e.message : String(e), { tone: 'error' });
    }
  }, [filter, undo, afterWrite, notify]);

  const onSortClick = (field: string, add: boolean) => {
    setSort((cur) => {
      const i = cur.findIndex((s) => s.field === field);
      const existing = cur[i];
      if (!add) {
        if (!existing || cur.length > 1) return [{ field, desc: false }];
        return existing.desc ? [] : [{ field, desc: true }];
      }
      if (!existing) return [...cur, { field, desc: false }].slice(-5);
      if (!existing.desc) return cur.map((s) => (s.field === field ? { field, desc: true } : s));
      return cur.filter((s) => s.field !== field);
    });
  };

  return (
    <div className={`registry${showDetail ? ' with-detail' : ''}`}>
      <div className="registry-top">
        <Filters filter={filter} onChange={setFilter} />
        <div className="toolbar">
          <button type="button" onClick={() => void addRow()}>
            {t('toolbar.add')}
          </button>
          <button type="button" onClick={() => void deleteRows()} disabled={!rows.total}>
            {t('toolbar.delete')}
          </button>
          <button type="button" onClick={() => void undo.undo().then((ok) => ok && notify(t('toast.undone')))} disabled={!undo.canUndo} title="Ctrl+Z">
            ↶ {t('toolbar.undo')}
          </button>
          <button type="button" onClick={() => void undo.redo().then((ok) => ok && notify(t('toast.redone')))} disabled={!undo.canRedo} title="Ctrl+Y">
            ↷ {t('toolbar.redo')}
          </button>
          <ColumnMenu prefs={prefs} />
          <button type="button" aria-pressed={showDetail} onClick={() => setShowDetail((v) => !v)}>
            {t('toolbar.details')}
          </button>
        </div>
      </div>
      <div className="registry-body">
        <Grid
          rows={rows}
          columns={prefs.columns}
          display={display}
          sort={sort}
          onSortClick={onSortClick}
          onResize={prefs.resize}
          edit={save}
          onActiveRow={setActiveRow}
          onSelection={() => {}}
          onDeleteRows={() => void deleteRows()}
          onUndo={() => void undo.undo().then((ok) => ok && notify(t('toast.undone')))}
          onRedo={() => void undo.redo().then((ok) => ok && notify(t('toast.redone')))}
          notify={(text, tone) => notify(text, { tone })}
          selection={selection}
          setSelection={setSelection}
        />
        {showDetail && <DetailPanel row={activeRow} display={display} onClose={() => setShowDetail(false)} version={historyVersion} />}
      </div>
      <Footer summary={summary} selected={cellCount(selection)} />
    </div>
  );
}

/** Column order, visibility and widths, remembered in the database's settings. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IkmColumnKey } from '../../../shared/fields';
import { api } from '../../api/client';
import { ALL_COLUMNS, COLUMN_BY_KEY, DEFAULT_ORDER, FROZEN, type GridColumn } from './columns';

interface Prefs {
  order: IkmColumnKey[];
  hidden: IkmColumnKey[];
  widths: Partial<Record<IkmColumnKey, number>>;
}
const KEY = 'registry.columns';
const DEFAULT: Prefs = { order: DEFAULT_ORDER, hidden: ['desa', 'email', 'capacity_value', 'capacity_unit', 'raw_material_value_idr'], widths: {} };

export function useColumnPrefs() {
  const [prefs, setPrefs] = useState<Prefs>(DEFAULT);
  const loaded = useRef(false);
  useEffect(() => {
    void api.call('settings.get', { key: KEY }).then((v) => {
      if (v && typeof v === 'object') {
        const saved = v as Partial<Prefs>;
        // New columns (from an update of the app) are appended; unknown ones dropped.
        const order = (saved.order ?? []).filter((k) => COLUMN_BY_KEY.has(k));
        for (const k of DEFAULT_ORDER) if (!order.includes(k)) order.push(k);
        setPrefs({ order, hidden: (saved.hidden ?? []).filter((k) => k !== FROZEN), widths: saved.widths ?? {} });
      }
      loaded.current = true;
    });
  }, []);
  const save = useCallback((next: Prefs) => {
    setPrefs(next);
    if (loaded.current) void api.call('settings.set', { key: KEY, value: next });
  }, []);

  const columns: GridColumn[] = useMemo(
    () =>
      [FROZEN, ...prefs.order.filter((k) => k !== FROZEN)]
        .filter((k) => !prefs.hidden.includes(k))
        .map((k) => ({ ...COLUMN_BY_KEY.get(k)!, width: prefs.widths[k] ?? COLUMN_BY_KEY.get(k)!.width })),
    [prefs],
  );

  return {
    columns,
    all: ALL_COLUMNS,
    hidden: prefs.hidden,
    order: prefs.order,
    /** Live while dragging; remembered in settings when the drag ends. */
    resize: (key: string, width: number, done: boolean) => {
      const next = { ...prefs, widths: { ...prefs.widths, [key]: Math.round(width) } };
      if (done) save(next);
      else setPrefs(next);
    },
    toggle: (key: IkmColumnKey) =>
      key !== FROZEN && save({ ...prefs, hidden: prefs.hidden.includes(key) ? prefs.hidden.filter((k) => k !== key) : [...prefs.hidden, key] }),
    move: (key: IkmColumnKey, delta: -1 | 1) => {
      const order = prefs.order.filter((k) => k !== FROZEN);
      const i = order.indexOf(key);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= order.length) return;
      [order[i], order[j]] = [order[j]!, order[i]!];
      save({ ...prefs, order: [FROZEN, ...order] });
    },
    reset: () => save(DEFAULT),
  };
}

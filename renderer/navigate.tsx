/**
 * Drill-down between screens: any screen (a report preview's total, a dashboard tile) can open the
 * registry or the shipments grid showing exactly the rows behind a number.
 *
 *   const navigate = useNavigate();
 *   navigate({ tab: 'registry', filter: { province: '62', districts: ['6203'], scale: 'kecil' } });
 *   navigate({ tab: 'shipments', filter: { from: '2025-01-01', to: '2025-12-31', hs: '44' } });
 *
 * The filter is the grid's own (IkmFilter / ShipmentFilter of shared/contract.ts), so the
 * footer of the opened grid sums the same rows the core summed for the number: build it from the
 * report's parameters (province, district, period) plus the row's group. It replaces whatever
 * filter and sort the grid had; the grid's filter bar shows it and "Atur ulang" clears it.
 * Navigating twice to the same filter opens it twice (each request carries its own sequence number).
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { IkmFilter, IkmSort, ShipmentFilter, ShipmentSort } from '../shared/contract';

export type NavTarget =
  | { tab: 'registry'; filter?: IkmFilter; sort?: IkmSort }
  | { tab: 'shipments'; filter?: ShipmentFilter; sort?: ShipmentSort };

/** What a grid page receives: the filter to show, numbered so the same filter twice is two requests. */
export type DrillRequest<F, S> = { filter: F; sort: S; seq: number };

const NavigateContext = createContext<(target: NavTarget) => void>(() => {});
export const NavigateProvider = NavigateContext.Provider;

/** The app's navigate(target): switches tab and applies the filter there. */
export const useNavigate = (): ((target: NavTarget) => void) => useContext(NavigateContext);

/**
 * A grid page's filter and sort, opened on a drill-down request and replaced by each later one
 * while the page is open. `filterKey` changes with every request (and reset), so the page can
 * remount its filter bar's typed drafts.
 */
export function useDrilledView<F, S>(drill: DrillRequest<F, S> | undefined, empty: { filter: F; sort: S }) {
  const [filter, setFilter] = useState<F>(drill?.filter ?? empty.filter);
  const [sort, setSort] = useState<S>(drill?.sort ?? empty.sort);
  const [filterKey, setFilterKey] = useState(0);
  const drillSeq = useRef(drill?.seq);
  useEffect(() => {
    if (!drill || drill.seq === drillSeq.current) return;
    drillSeq.current = drill.seq;
    setFilter(drill.filter);
    setSort(drill.sort);
    setFilterKey((k) => k + 1);
  }, [drill]);
  return { filter, setFilter, sort, setSort, filterKey, setFilterKey };
}

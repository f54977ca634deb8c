/**
 * Server-side windowing: the grid asks for the rows it shows, in pages of 100, cached by page.
 * A new filter or sort starts a new cache; `refresh()` refetches after edits. The whole table is
 * never loaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE = 100;

export interface RowWindow<R> {
  total: number | null;
  version: number; // bumps whenever cached rows change, to re-render
  row(index: number): R | undefined;
  ensure(first: number, last: number): void;
  refresh(): Promise<void>;
  /** Rows first..last (inclusive), loading pages as needed (copy of a large range). */
  fetchRange(first: number, last: number): Promise<R[]>;
}

/** Asks the core for `limit` rows from `offset` under the current filter and sort. */
export type PageQuery<R> = (offset: number, limit: number) => Promise<{ rows: R[]; total: number }>;

/** `key` names the filter and sort: a new key starts a new cache. */
export function useRowWindow<R>(query: PageQuery<R>, key: string): RowWindow<R> {
  const fetchPage = useRef(query);
  fetchPage.current = query;
  const pages = useRef(new Map<number, R[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (page: number, gen: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      try {
        const r = await fetchPage.current(page * PAGE, PAGE);
        if (gen === generation.current) {
          pages.current.set(page, r.rows);
          setTotal(r.total);
        }
        pending.current.delete(page);
        // Also after a stale answer (an edit refreshed meanwhile): re-rendering makes the grid
        // call ensure() again, which asks for the page anew.
        setVersion((v) => v + 1);
      } catch {
        // The core did not answer: try again in a moment rather than in a tight loop.
        setTimeout(() => {
          pending.current.delete(page);
          setVersion((v) => v + 1);
        }, 2000);
      }
    },
    [],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      const gen = generation.current;
      for (let p = Math.floor(Math.max(0, first) / PAGE); p <= Math.floor(Math.max(0, last) / PAGE); p++)
        if (!pages.current.has(p)) void load(p, gen);
      // Keep memory flat when scrolling through a million rows.
      if (pages.current.size > 40)
        for (const p of pages.current.keys())
          if (Math.abs(p - first / PAGE) > 20) pages.current.delete(p);
    },
    [load],
  );

  const refresh = useCallback(async () => {
    generation.current++;
    const gen = generation.current;
    const keep = new Map<number, R[]>();
    const [first, last] = visible.current;
    const wanted: number[] = [];
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) wanted.push(p);
    await Promise.all(
      wanted.map(async (p) => {
        const r = await fetchPage.current(p * PAGE, PAGE);
        keep.set(p, r.rows);
        if (gen === generation.current) setTotal(r.total);
      }),
    );
    if (gen !== generation.current) return;
    pages.current = keep;
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    const [first, last] = visible.current;
    ensure(first, Math.max(last, first + 50));
  }, [key, ensure]);

  const fetchRange = useCallback(
    async (first: number, last: number) => {
      const out: R[] = [];
      for (let offset = first; offset <= last; offset += 1000) {
        const r = await fetchPage.current(offset, Math.min(1000, last - offset + 1));
        out.push(...r.rows);
      }
      return out;
    },
    [],
  );

  return {
    total,
    version,
    row: (i) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    ensure,
    refresh,
    fetchRange,
  };
}

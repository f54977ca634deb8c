/**
 * Header clicks → the server sort (at most 5 columns, as the contract allows).
 *   click         sort by this column only: ascending, then descending, then unsorted
 *   Shift+click   add this column to the sort (or flip it, then drop it)
 */
type Sort = { field: string; desc: boolean }[];

/** The next sort of the same kind (the registry's or the shipments' sort keys). */
export function nextSort<S extends Sort>(cur: S, field: string, add: boolean): S {
  return next(cur, field, add) as S;
}

function next(cur: Sort, field: string, add: boolean): Sort {
  const existing = cur.find((s) => s.field === field);
  if (!add) {
    if (!existing || cur.length > 1) return [{ field, desc: false }];
    return existing.desc ? [] : [{ field, desc: true }];
  }
  if (!existing) return [...cur, { field, desc: false }].slice(-5);
  if (!existing.desc) return cur.map((s) => (s.field === field ? { field, desc: true } : s));
  return cur.filter((s) => s.field !== field);
}

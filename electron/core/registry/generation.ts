/**
 * A counter bumped by every registry write, so counts can be cached between writes: the grid asks
 * for many windows of the same filter while scrolling, and a count over a million rows is not free.
 * Any code that writes the ikm table without RegistryWriter must call markChanged().
 */
import type { DB } from '../db/open';

const generations = new WeakMap<DB, number>();

export function markChanged(db: DB): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

export function generation(db: DB): number {
  return generations.get(db) ?? 0;
}

/** Caches `compute()` per key until the next write to this database. */
export function cachedUntilWrite<T>(db: DB, cache: Map<string, { gen: number; value: T }>, key: string, compute: () => T): T {
  const gen = generation(db);
  const hit = cache.get(key);
  if (hit && hit.gen === gen) return hit.value;
  const value = compute();
  if (cache.size > 200) cache.clear();
  cache.set(key, { gen, value });
  return value;
}

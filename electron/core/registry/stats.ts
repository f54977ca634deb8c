import type { DB } from '../db/open';

/** Counts for `cli stats`: all active IKM, per district and per province (BPS codes). */
export function registryStats(db: DB) {
  const rows = db
    .prepare('SELECT district_code AS d, count(*) AS n FROM ikm WHERE deleted_at IS NULL GROUP BY district_code ORDER BY d')
    .all() as { d: string; n: number }[];
  const by_district: Record<string, number> = {};
  const by_province: Record<string, number> = {};
  let ikm = 0;
  for (const { d, n } of rows) {
    by_district[d] = n;
    by_province[d.slice(0, 2)] = (by_province[d.slice(0, 2)] ?? 0) + n;
    ikm += n;
  }
  return { ikm, by_district, by_province };
}

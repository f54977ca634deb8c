/** `export readiness`: the Go Ekspor IKM with stage, score and missing items (semicolon-separated). */
import type { DB } from '../core/db/open';
import { writeRows } from '../core/export/rows';
import { READINESS_EXPORT_COLUMNS, readinessRows } from '../core/goekspor/readiness';

export function exportReadiness(db: DB, format: 'csv' | 'json', outPath: string): Promise<number> {
  return writeRows(readinessRows(db), READINESS_EXPORT_COLUMNS, format, outPath);
}

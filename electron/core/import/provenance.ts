/** Where a record's values came from: the latest import (not undone) that created or changed it. */
import type { DB } from '../db/open';
import type { RecordSource } from '../../../shared/import';

export function importSource(db: DB, ikmId: number): RecordSource | null {
  return (
    (db
      .prepare(
        `SELECT s.batch_id, s.file, s.sheet, s.row, b.at, b.os_user FROM import_source s JOIN import_batch b ON b.id = s.batch_id
         WHERE s.ikm_id = ? AND b.undone_at IS NULL ORDER BY s.batch_id DESC LIMIT 1`,
      )
      .get(ikmId) as RecordSource | undefined) ?? null
  );
}

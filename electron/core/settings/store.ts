/** Small JSON settings (UI preferences, letterhead, saved column mappings) kept in the database. */
import type { DB } from '../db/open';

export function getSetting<T = unknown>(db: DB, key: string): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(db: DB, key: string, value: unknown): void {
  if (value === undefined || value === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

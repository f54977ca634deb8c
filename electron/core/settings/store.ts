/**
 * Small JSON settings (UI preferences, letterhead, saved column mappings, Go Ekspor limits) kept
 * in the database. Every change is logged in change_log with the OS user, old and new value.
 */
import type { DB } from '../db/open';
import { logSettingChange } from '../audit/change-log';

export function getSetting<T = unknown>(db: DB, key: string): T | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(db: DB, key: string, value: unknown): void {
  db.transaction(() => {
    const old = getSetting(db, key);
    if (JSON.stringify(old) === JSON.stringify(value ?? null)) return; // unchanged: nothing written, nothing logged
    if (value === undefined || value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
    logSettingChange(db, key, old, value ?? null);
  })();
}

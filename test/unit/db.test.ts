import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseError, openDatabase, schemaVersion } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDb, tempDir } from './helpers';

describe('database', () => {
  it('creates a WAL database with foreign keys, migrations recorded and the reference areas', () => {
    const { db } = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    const n = (db.prepare('SELECT count(*) AS n FROM district').get() as { n: number }).n;
    expect(n).toBe(56);
    const p = db.prepare('SELECT code, name FROM province ORDER BY code').all();
    expect(p).toHaveLength(5);
    db.close();
  });

  it('reopens an existing database without re-applying migrations', () => {
    const { db, path } = tempDb();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('x', '1')`).run();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare(`SELECT value FROM settings WHERE key = 'x'`).get()).toEqual({ value: '1' });
    again.close();
  });

  it('refuses a database whose applied migration was edited, and leaves it untouched', () => {
    const { db, path } = tempDb();
    db.prepare(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`).run();
    db.close();
    expect(() => openDatabase(path)).toThrow(/Migrasi skema 1 .* telah diubah/);
    const raw = new Database(path);
    expect(raw.prepare('SELECT checksum FROM schema_migrations WHERE version = 1').get()).toEqual({ checksum: 'edited' });
    raw.close();
  });

  it('refuses a database from a newer version of the app', () => {
    const { db, path } = tempDb();
    db.prepare(`INSERT INTO schema_migrations VALUES (999, 'future', 'x', '2030-01-01')`).run();
    db.close();
    expect(() => openDatabase(path)).toThrow(/versi Pangkalan IKM yang lebih baru/);
  });

  it('refuses foreign files: not SQLite, or another program’s SQLite', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'this is not a database at all, just text');
    expect(() => openDatabase(text)).toThrow(DatabaseError);
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    o.close();
    expect(() => openDatabase(other)).toThrow(/milik program lain/);
    const check = new Database(other);
    expect(check.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).all()).toEqual([{ name: 'customers' }]);
    check.close();
  });

  it('computes the Kemenperin scale in SQL the same way as shared/fields.ts', async () => {
    const { businessScale } = await import('../../shared/fields');
    const { db } = tempDb();
    const cases: Array<[number | null, number | null]> = [[5, 5e7], [19, 999_999_999], [19, 1e9], [20, 15e9], [20, 15e9 + 1], [null, 5], [5, null]];
    const ins = db.prepare(`INSERT INTO ikm (business_name, district_code, workers_total, investment_idr, created_at, updated_at) VALUES ('x', '6209', ?, ?, 'now', 'now')`);
    for (const [w, inv] of cases) {
      const id = ins.run(w, inv).lastInsertRowid;
      const { scale } = db.prepare('SELECT scale FROM ikm WHERE id = ?').get(id) as { scale: string | null };
      expect(scale, `${w} workers, Rp ${inv}`).toBe(businessScale(w, inv));
    }
    db.close();
  });
});

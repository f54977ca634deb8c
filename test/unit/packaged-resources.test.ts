import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fold } from '../../shared/text';
import { openConnection, openDatabase } from '../../electron/core/db/open';
import { resourcesDir, setResourcesDir } from '../../electron/core/paths';
import { tempDir } from './helpers';

const shipped = resourcesDir();
afterEach(() => setResourcesDir(shipped));

describe('resources/ and the second connection (packaged layout)', () => {
  it('uses the folder the main process set, and refuses a missing one in Indonesian', () => {
    const dir = join(tempDir(), 'resources');
    cpSync(shipped, dir, { recursive: true });
    setResourcesDir(dir);
    expect(resourcesDir()).toBe(dir);
    expect(() => setResourcesDir(join(tempDir(), 'tidak-ada'))).toThrow(/Folder data referensi tidak ditemukan.*Pasang ulang/);
    expect(resourcesDir()).toBe(dir); // the good one stays
  });

  it('opens a second connection without migrating or reading resources/ again', () => {
    const dir = join(tempDir(), 'resources');
    cpSync(shipped, dir, { recursive: true });
    setResourcesDir(dir);
    const path = join(tempDir(), 'registry.db');
    const db = openDatabase(path);
    rmSync(dir, { recursive: true }); // a second openDatabase would fail here (it syncs the areas)
    expect(() => openDatabase(path)).toThrow();
    const conn = openConnection(db);
    try {
      expect(conn).not.toBe(db);
      expect(conn.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(conn.prepare(`SELECT fold('Banjarbaru') AS f`).get()).toEqual({ f: fold('Banjarbaru') });
      expect(conn.prepare('SELECT count(*) AS n FROM district').get()).toEqual({ n: 56 });
    } finally {
      conn.close();
      db.close();
    }
  });

  it('an in-memory database is its own second connection', () => {
    const db = openDatabase(':memory:');
    expect(openConnection(db)).toBe(db);
    db.close();
  });
});

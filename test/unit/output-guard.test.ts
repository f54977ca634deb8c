/** Outputs never touch the registry: `--out` = `--db` (and its disguises) is refused, the file intact. */
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardOutputPath, OutputPathError, writeOutput } from '../../electron/core/export/output';
import { cli, tempDir } from './helpers';

const isSqlite = (p: string) => readFileSync(p).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

describe('output guard', () => {
  it('refuses the database, its journal files, a symlink or hard link to it, and cadangan/', () => {
    const dir = tempDir();
    const db = join(dir, 'registri.db');
    writeFileSync(db, 'x');
    mkdirSync(join(dir, 'cadangan'));
    symlinkSync(db, join(dir, 'tautan.csv'));
    linkSync(db, join(dir, 'keras.csv'));
    symlinkSync(dir, join(dir, 'folder-tautan'));
    for (const out of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, join(dir, 'tautan.csv'), join(dir, 'keras.csv'), join(dir, 'folder-tautan', 'registri.db'), join(dir, 'cadangan', 'x.csv'), join(dir, 'cadangan', 'baru', 'x.csv'), join(dir, 'sub', '..', 'registri.db'), relative(process.cwd(), db)])
      expect(() => guardOutputPath(out, db), out).toThrow(OutputPathError);
    expect(() => guardOutputPath(dir, db)).toThrow(/folder/);
    expect(guardOutputPath(join(dir, 'ekspor.csv'), db)).toBe(join(dir, 'ekspor.csv'));
    expect(guardOutputPath(join(dir, 'registri.db.csv'), db)).toBe(join(dir, 'registri.db.csv'));
  });

  it('writes through a temporary file: a failed export leaves the old file as it was', async () => {
    const dir = tempDir();
    const out = join(dir, 'ekspor.csv');
    writeFileSync(out, 'lama');
    await expect(
      writeOutput(out, null, (tmp) => {
        writeFileSync(tmp, 'separuh');
        throw new Error('disk penuh');
      }),
    ).rejects.toThrow('disk penuh');
    expect(readFileSync(out, 'utf8')).toBe('lama');
    expect(existsSync(dir) && (await import('node:fs')).readdirSync(dir)).toEqual(['ekspor.csv']);
    await writeOutput(out, null, (tmp) => writeFileSync(tmp, 'baru'));
    expect(readFileSync(out, 'utf8')).toBe('baru');
  });
});

describe('CLI outputs', () => {
  it('refuses export and report --out the database (the probe: the registry became a CSV)', () => {
    const dir = tempDir();
    const db = join(dir, 'registri.db');
    expect(cli('seed-demo', '--rows', '20', '--db', db).status).toBe(0);
    const before = readFileSync(db);
    for (const args of [
      ['export', 'ikm', '--db', db, '--format', 'csv', '--out', db],
      ['export', 'shipments', '--db', db, '--format', 'json', '--out', `${db}-wal`],
      ['export', 'ikm', '--db', relative(process.cwd(), db), '--format', 'csv', '--out', db],
      ['report', 'rekap-ikm-kabupaten', '--db', db, '--format', 'xlsx', '--out', db],
      ['export', 'ikm', '--db', db, '--format', 'csv', '--out', join(dir, 'cadangan', 'x.csv')],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/tidak ditimpa|cadangan registri/);
    }
    expect(isSqlite(db)).toBe(true);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(cli('stats', '--db', db, '--json').status).toBe(0);
    const csv = join(dir, 'ikm.csv');
    expect(cli('export', 'ikm', '--db', db, '--format', 'csv', '--out', csv).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n').length).toBe(22);
  }, 240_000); // eight CLI runs: slow on a loaded machine
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CANONICAL_KEYS } from '../../shared/fields';
import { cli, tempDir } from './helpers';


describe('command line', () => {
  it('seeds, counts and exports the canonical columns in order', () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    expect(cli('seed-demo', '--rows', '300', '--db', db).status).toBe(0);
    const stats = JSON.parse(cli('stats', '--db', db, '--json').stdout) as { ikm: number; by_district: Record<string, number> };
    expect(stats.ikm).toBe(300);
    expect(Object.values(stats.by_district).reduce((a, b) => a + b, 0)).toBe(300);
    const raw = new Database(db, { readonly: true });
    const perDistrict = raw.prepare('SELECT district_code AS d, count(*) AS n FROM ikm GROUP BY d').all() as { d: string; n: number }[];
    expect(stats.by_district).toEqual(Object.fromEntries(perDistrict.map((r) => [r.d, r.n])));

    const csv = join(dir, 'ikm.csv');
    expect(cli('export', 'ikm', '--db', db, '--format', 'csv', '--out', csv).status).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(301);
    expect(lines[0]!.split(',').slice(0, CANONICAL_KEYS.length)).toEqual(CANONICAL_KEYS);
    const json = join(dir, 'ikm.json');
    expect(cli('export', 'ikm', '--db', db, '--format', 'json', '--out', json).status).toBe(0);
    const records = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>[];
    expect(records).toHaveLength(300);
    expect(Object.keys(records[0]!).slice(0, CANONICAL_KEYS.length)).toEqual(CANONICAL_KEYS);
    const withNib = records.find((r) => r.nib != null)!;
    expect(typeof withNib.nib).toBe('string');
    expect(typeof withNib.phone).toBe('string');
    expect(typeof withNib.investment_idr).toBe('number');
    const first = raw.prepare('SELECT * FROM ikm ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    raw.close();
    for (const k of CANONICAL_KEYS) expect(records[0]![k], k).toEqual(first[k]);
  });

  it('neutralises formula-looking text in CSV exports', () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    cli('seed-demo', '--rows', '1', '--db', db);
    const raw = new Database(db);
    raw.prepare(`UPDATE ikm SET owner_name = '=HYPERLINK("http://x","klik")', address = '@SUM(A1)'`).run();
    raw.close();
    const csv = join(dir, 'x.csv');
    cli('export', 'ikm', '--db', db, '--format', 'csv', '--out', csv);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(text).toContain(`'@SUM(A1)`);
  });

  it('fails with one clear line and a non-zero exit on bad input', () => {
    const dir = tempDir();
    const notDb = join(dir, 'catatan.txt');
    writeFileSync(notDb, 'bukan basis data');
    const cases: Array<[string[], RegExp]> = [
      [['stats', '--db', join(dir, 'tidak-ada.db')], /tidak ditemukan/],
      [['stats', '--db', notDb], /bukan basis data/],
      [['stats'], /--db/],
      [['seed-demo', '--rows', 'banyak', '--db', join(dir, 'a.db')], /bilangan bulat/],
      [['export', 'ikm', '--db', join(dir, 'a.db'), '--format', 'xml', '--out', 'x'], /csv atau json/],
      [['frobnicate'], /Perintah tidak dikenal/],
      [['stats', '--db', join(dir, 'a.db'), '--bogus'], /Opsi tidak dikenal/],
    ];
    for (const [args, re] of cases) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n')[0], args.join(' ')).toMatch(re);
    }
  });

  it('reports a locked database instead of hanging', () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    cli('seed-demo', '--rows', '1', '--db', db);
    const lock = new Database(db);
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
    try {
      const r = cli('stats', '--db', db, '--json');
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/sedang dipakai/);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
  });
});

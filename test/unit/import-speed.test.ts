/**
 * The import reads in a worker thread while it writes: the same results as reading in-process,
 * a file refused after its first rows were written leaves nothing behind, and a workbook with
 * several kecamatan sheets still gets each sheet's name as its rows' kecamatan.
 */
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { districtResolver } from '../../electron/core/reference/areas';
import { startReader } from '../../electron/core/import/reader';
import { importFiles } from '../../electron/core/import/run';
import { writeDistrictWorkbook } from '../support/district-workbook';
import { tempDb, tempDir } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
type Db = ReturnType<typeof tempDb>['db'];
const rows = (db: Db) =>
  db.prepare('SELECT * FROM ikm ORDER BY id').all().map((r) => ({ ...(r as Record<string, unknown>), created_at: '', updated_at: '' }));
const audit = (db: Db) => db.prepare('SELECT ikm_id, action, field, old_value, new_value, batch_id FROM audit_log ORDER BY id').all();

describe('reading beside writing', () => {
  it('runs the reader in a worker thread here (source, through tsx)', async () => {
    const { db } = tempDb();
    const reader = await startReader({ inputs: [], districts: districtResolver(db).districts, now: new Date(), saved: {} });
    expect(reader.threaded).toBe(true);
    expect((await reader.next()).t).toBe('done');
    await reader.close();
    db.close();
  });

  it('a worker and an in-process reader import the same rows, updates, duplicates and audit', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await writeDistrictWorkbook(a, { rows: 3000 });
    await writeDistrictWorkbook(b, { rows: 3000, offset: 1500, variant: 1 });
    const results = [];
    for (const inlineReader of [false, true]) {
      const { db } = tempDb();
      const now = new Date('2026-01-05T00:00:00Z');
      const first = await importFiles(db, [{ name: 'a.xlsx', path: a, district: '6208' }], { now, inlineReader });
      const second = await importFiles(db, [{ name: 'b.xlsx', path: b, district: '6208' }, { name: 'a.xlsx', path: a, district: '6208' }], { now, inlineReader });
      results.push({ first: first.files, second: second.files, rows: rows(db), audit: audit(db) });
      db.close();
    }
    expect(results[0]!.second[0]).toMatchObject({ accepted: 1500, updated: 1500 });
    expect(results[0]!.second[1]!.duplicates).toHaveLength(1500);
    expect(results[0]).toEqual(results[1]);
  });

  it('a file refused after its first sheet was written leaves the registry as it was', async () => {
    const { db } = tempDb();
    const path = join(tempDir(), 'campuran.xlsx');
    const wb = new ExcelJS.Workbook();
    const one = wb.addWorksheet('Data');
    one.addRow(['Nama Usaha', 'NIB', 'Kabupaten/Kota']);
    for (let i = 0; i < 1200; i++) one.addRow([`Usaha ${i}`, String(9100000000000 + i), 'Seruyan']);
    // The second table names no district, and no district was chosen: the whole file is refused.
    const two = wb.addWorksheet('Tambahan');
    two.addRow(['Nama Usaha', 'NIB', 'Alamat']);
    two.addRow(['Usaha Lain', '9200000000001', 'Jl. Lain']);
    await wb.xlsx.writeFile(path);
    const r = await importFiles(db, [{ name: 'campuran.xlsx', path }, { name: 'lamandau_comma.csv', path: join(FIX, 'lamandau_comma.csv') }]);
    expect(r.files.map((f) => [f.status, f.accepted])).toEqual([['refused', 0], ['imported', 2]]);
    expect((db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(2);
    expect((db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").get() as { n: number }).n).toBe(2);
    db.close();
  });

  it('several kecamatan sheets: the first sheet, written before the second was found, gets its name too', async () => {
    const { db } = tempDb();
    const path = join(tempDir(), 'per_kecamatan.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const kec of ['Hanau', 'Danau Sembuluh']) {
      const ws = wb.addWorksheet(kec);
      ws.addRow(['Nama Usaha', 'Nama Pemilik', 'NIB', 'Alamat']);
      for (let i = 0; i < 700; i++) ws.addRow([`Usaha ${kec} ${i}`, `Pemilik ${i}`, String((kec === 'Hanau' ? 9300000000000 : 9400000000000) + i), `Jl. ${i}`]);
    }
    await wb.xlsx.writeFile(path);
    const r = await importFiles(db, [{ name: 'per_kecamatan.xlsx', path, district: '6208' }]);
    expect(r.files[0]!.message).toBeUndefined();
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 1400 });
    expect(db.prepare('SELECT kecamatan, count(*) AS n FROM ikm GROUP BY kecamatan ORDER BY kecamatan').all()).toEqual([
      { kecamatan: 'Danau Sembuluh', n: 700 },
      { kecamatan: 'Hanau', n: 700 },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1400);
    db.close();
  });
});

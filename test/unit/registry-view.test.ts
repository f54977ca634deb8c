/** The grid's range operations in the core, against a real SQLite file (electron/core/registry/view.ts). */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportView } from '../../electron/core/export/view';
import { queryPage } from '../../electron/core/registry/query';
import { REGISTRY_VIEW as R } from '../../electron/core/registry/view';
import { columnValues, fillRange, findNext, locate, rangeStats, replaceAll } from '../../electron/core/view/operations';
import { applyChanges, createRecord, recordHistory } from '../../electron/core/registry/write';
import { seedDemo } from '../../electron/core/seed/demo';
import type { IkmFilter, IkmSort } from '../../shared/contract';
import type { IkmRecord } from '../../shared/fields';
import { tempDb, tempDir } from './helpers';

const KALTENG: IkmFilter = { province: '62' };
const BY_NAME: IkmSort = [{ field: 'business_name', desc: false }];

function seeded(n = 300) {
  const { db } = tempDb();
  seedDemo(db, n);
  return db;
}

describe('range operations over the view', () => {
  it('sums a selected rectangle exactly as SQL over the same rows does', () => {
    const db = seeded();
    const page = queryPage(db, KALTENG, BY_NAME, 0, 1000).rows;
    const top = 3;
    const bottom = Math.min(page.length - 1, 40);
    const stats = rangeStats(db, R, KALTENG, BY_NAME, top, bottom, ['investment_idr', 'workers_total', 'business_name']);
    const slice = page.slice(top, bottom + 1);
    const sum = slice.reduce((s, r) => s + Number(r.investment_idr ?? 0) + Number(r.workers_total ?? 0), 0);
    const numbers = slice.filter((r) => r.investment_idr != null).length + slice.filter((r) => r.workers_total != null).length;
    expect(stats.sum).toBe(sum);
    expect(stats.numbers).toBe(numbers);
    expect(stats.count).toBe(numbers + slice.length);
    expect(stats.average).toBeCloseTo(sum / numbers, 6);
    db.close();
  });

  it('fills down from the top row, audits every cell and returns the before/after for undo', () => {
    const db = seeded();
    const page = queryPage(db, KALTENG, BY_NAME, 0, 10).rows;
    const res = fillRange(db, R, KALTENG, BY_NAME, 1, 4, ['commodity', 'workers_male'], [[page[0]!.commodity, 7]]);
    expect(res.ok).toBe(true);
    const after = queryPage(db, KALTENG, BY_NAME, 0, 10).rows;
    for (let i = 1; i <= 4; i++) expect(after[i]).toMatchObject({ commodity: page[0]!.commodity, workers_male: 7 });
    expect(after[5]!.workers_male).toBe(page[5]!.workers_male);
    if (!res.ok) return;
    const diff = res.cells.find((c) => c.id === page[1]!.id && c.field === 'workers_male');
    expect(diff).toMatchObject({ oldValue: page[1]!.workers_male, newValue: 7 });
    expect(recordHistory(db, page[1]!.id)[0]).toMatchObject({ action: 'update' });
    db.close();
  });

  it('refuses a whole fill when one cell is bad, naming its row in the view', () => {
    const db = seeded();
    const page = queryPage(db, {}, [], 0, 5).rows;
    const res = fillRange(db, R, {}, [], 0, 2, ['nib'], [[page[0]!.nib ?? '0815908301661']]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors[0]).toMatchObject({ key: 'err.nibDuplicate' });
    expect(res.errors[0]!.row).toBeGreaterThanOrEqual(0);
    expect(queryPage(db, {}, [], 0, 5).rows.map((r) => r.nib)).toEqual(page.map((r) => r.nib));
    db.close();
  });

  it('finds the next cell in reading order and wraps; replace-all is one audited batch', () => {
    const { db } = tempDb();
    const a = createRecord(db, { business_name: 'UD Rotan Katingan', district_code: 'Katingan', commodity: 'Anyaman rotan' }) as IkmRecord;
    const b = createRecord(db, { business_name: 'CV Maju', district_code: 'Katingan', commodity: 'Rotan olahan' }) as IkmRecord;
    createRecord(db, { business_name: 'Tenun Endah', district_code: 'Kotim', commodity: 'Tenun' });
    const fields = ['business_name', 'commodity'];
    expect(findNext(db, R, {}, [], 'rotan', fields, 0, -1)).toEqual({ row: 0, field: 'business_name', matches: 2 });
    expect(findNext(db, R, {}, [], 'rotan', fields, 0, 0)).toEqual({ row: 0, field: 'commodity', matches: 2 });
    expect(findNext(db, R, {}, [], 'rotan', fields, 0, 1)).toEqual({ row: 1, field: 'commodity', matches: 2 });
    expect(findNext(db, R, {}, [], 'rotan', fields, 1, 1)).toEqual({ row: 0, field: 'business_name', matches: 2 });
    expect(findNext(db, R, {}, [], 'Kotawaringin', ['district_code'], 0, -1)).toMatchObject({ row: 2 });
    const res = replaceAll(db, R, {}, ['business_name', 'commodity'], 'rotan', 'Purun');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.cells).toHaveLength(3);
    expect(queryPage(db, {}, [], 0, 5).rows.map((r) => r.commodity)).toEqual(['Anyaman Purun', 'Purun olahan', 'Tenun']);
    // Undo writes the old values back with one update.
    expect(applyChanges(db, res.cells.map((c) => ({ id: c.id, field: c.field as 'commodity', value: c.oldValue }))).ok).toBe(true);
    expect((queryPage(db, {}, [], 0, 5).rows[0] as IkmRecord).business_name).toBe(a.business_name);
    expect(queryPage(db, {}, [], 0, 5).rows[1]!.commodity).toBe(b.commodity);
    db.close();
  });

  it('lists a column’s values with counts and (Kosong), and filters by them', () => {
    const { db } = tempDb();
    createRecord(db, { business_name: 'A', district_code: 'Katingan', commodity: 'Rotan' });
    createRecord(db, { business_name: 'B', district_code: 'Katingan', commodity: 'Rotan' });
    createRecord(db, { business_name: 'C', district_code: 'Kotim' });
    const { values } = columnValues(db, R, { values: [{ field: 'commodity', values: ['Rotan'] }] }, 'commodity', undefined, 10);
    expect(values).toEqual([{ value: null, count: 1 }, { value: 'Rotan', count: 2 }]);
    expect(queryPage(db, { values: [{ field: 'commodity', values: [null] }] }, [], 0, 10).rows.map((r) => r.business_name)).toEqual(['C']);
    expect(queryPage(db, { values: [{ field: 'district_code', values: ['6209'] }] }, [], 0, 10).total).toBe(2);
    expect(queryPage(db, { values: [{ field: 'workers_total', values: [null] }] }, [], 0, 10).total).toBe(3);
    db.close();
  });

  it('locates a record in the sorted view', () => {
    const db = seeded(50);
    const page = queryPage(db, {}, BY_NAME, 0, 50).rows;
    expect(locate(db, R, {}, BY_NAME, page[17]!.id)).toBe(17);
    expect(locate(db, R, { districts: ['0000'] }, BY_NAME, page[17]!.id)).toBeNull();
    db.close();
  });

  it('a NIB typed with 12 digits is refused; one pasted (a number cell that lost its zero) is padded', () => {
    const { db } = tempDb();
    const a = createRecord(db, { business_name: 'A', district_code: 'Katingan' }) as IkmRecord;
    expect(applyChanges(db, [{ id: a.id, field: 'nib', value: '815908301661' }], { typed: true })).toMatchObject({ ok: false, errors: [{ key: 'err.nib' }] });
    expect(applyChanges(db, [{ id: a.id, field: 'nib', value: '815908301661' }])).toMatchObject({ ok: true, records: [{ nib: '0815908301661' }] });
    db.close();
  });
});

describe('export of the current view', () => {
  it('writes the filtered, sorted rows and the visible columns, read back by openpyxl', async () => {
    const db = seeded();
    const cols = [
      { key: 'business_name', label: 'Nama Usaha' },
      { key: 'nib', label: 'NIB' },
      { key: 'district_code', label: 'Kabupaten/Kota' },
      { key: 'investment_idr', label: 'Investasi (Rp)' },
    ];
    const filter: IkmFilter = { province: '62' };
    const sort: IkmSort = [{ field: 'investment_idr', desc: true }];
    const out = await exportView(db, R, filter, sort, cols, 'xlsx');
    const expected = queryPage(db, filter, sort, 0, 1000);
    expect(out.rows).toBe(expected.total);
    const path = join(tempDir(), out.name);
    writeFileSync(path, Buffer.from(out.dataBase64, 'base64'));
    const py = `import openpyxl,json,sys\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows()]+[[ws.cell(2,2).data_type]]))`;
    const r = spawnSync('/usr/bin/python3', ['-c', py, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as unknown[][];
    expect(rows[0]).toEqual(['Nama Usaha', 'NIB', 'Kabupaten/Kota', 'Investasi (Rp)']);
    expect(rows.length - 2).toBe(expected.total);
    expect(rows[1]![0]).toBe(expected.rows[0]!.business_name);
    expect(rows[1]![3]).toBe(expected.rows[0]!.investment_idr);
    expect(rows.at(-1)).toEqual(['s']); // the NIB is a text cell
    db.close();
  });

  it('neutralises formulas in CSV', async () => {
    const { db } = tempDb();
    createRecord(db, { business_name: '=HYPERLINK("x")', district_code: 'Katingan' });
    const out = await exportView(db, R, {}, [], [{ key: 'business_name', label: 'Nama Usaha' }], 'csv');
    expect(Buffer.from(out.dataBase64, 'base64').toString('utf8')).toBe('Nama Usaha\r\n"\'=HYPERLINK(""x"")"\r\n');
    db.close();
  });
});

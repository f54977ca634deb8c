/**
 * The grid's view engine (electron/core/view/) on the shipments table, against real SQLite files:
 * the same operations the registry has, through the shipments' table description
 * (electron/core/shipments/view.ts) — status-bar sums, header values with (Kosong), find by what
 * the grid shows (dates, countries, HS with dots), replace-all with its undo, export read back by
 * openpyxl, and the detail panel's history and origin.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportView } from '../../electron/core/export/view';
import { importShipments } from '../../electron/core/shipments/import';
import { queryShipments } from '../../electron/core/shipments/query';
import { SHIPMENT_VIEW as V } from '../../electron/core/shipments/view';
import { applyShipmentChanges, createShipment, getShipment, ShipmentWriter, shipmentHistory, shipmentSource } from '../../electron/core/shipments/write';
import { seedDemo } from '../../electron/core/seed/demo';
import { seedShipmentsDemo } from '../../electron/core/seed/demo-trade';
import { columnValues, fillRange, findNext, locate, rangeStats, replaceAll } from '../../electron/core/view/operations';
import { localDay } from '../../shared/parse';
import type { ShipmentFilter, ShipmentSort } from '../../shared/contract';
import { newShipmentValues } from '../../shared/shipments';
import { districtResolver } from '../../electron/core/reference/areas';
import { tempApi, tempDb, tempDir } from './helpers';

const BY_FOB: ShipmentSort = [{ field: 'fob_usd', desc: true }];

function seeded(n = 200) {
  const { db } = tempDb();
  seedDemo(db, 300);
  seedShipmentsDemo(db, n);
  return db;
}

describe('the view engine on shipments', () => {
  it('sums a selected rectangle exactly as SQL over the same rows does', () => {
    const db = seeded();
    const filter: ShipmentFilter = { province: '62' };
    const page = queryShipments(db, filter, BY_FOB, 0, 1000).rows;
    const stats = rangeStats(db, V, filter, BY_FOB, 2, 30, ['fob_usd', 'net_weight_kg', 'product']);
    const slice = page.slice(2, 31);
    const sum = slice.reduce((s, r) => s + Number(r.fob_usd ?? 0) + Number(r.net_weight_kg ?? 0), 0);
    expect(stats.sum).toBeCloseTo(sum, 6);
    expect(stats.numbers).toBe(slice.filter((r) => r.fob_usd != null).length + slice.filter((r) => r.net_weight_kg != null).length);
    expect(stats.count).toBe(stats.numbers + slice.filter((r) => r.product).length);
    // A whole column: the database's own total.
    const all = rangeStats(db, V, {}, [], 0, 10_000, ['fob_usd']);
    expect(all.sum).toBe((db.prepare('SELECT total(fob_usd) AS s FROM shipment WHERE deleted_at IS NULL').get() as { s: number }).s);
    db.close();
  });

  it('lists a column’s values with (Kosong), filters by them, and keeps the other filters', () => {
    const db = seeded();
    const ids = queryShipments(db, {}, [], 0, 5).rows.map((r) => r.id);
    expect(applyShipmentChanges(db, ids.map((id) => ({ id, field: 'port', value: null }))).ok).toBe(true);
    const { values } = columnValues(db, V, { values: [{ field: 'port', values: [null] }] }, 'port', undefined, 50);
    expect(values[0]).toEqual({ value: null, count: 5 });
    expect(values.reduce((s, v) => s + v.count, 0)).toBe(200);
    expect(queryShipments(db, { values: [{ field: 'port', values: [null] }] }, [], 0, 10).rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const my = queryShipments(db, { values: [{ field: 'country_code', values: ['MY'] }] }, [], 0, 1000);
    expect(my.rows.every((r) => r.country_code === 'MY')).toBe(true);
    expect(my.total).toBe((db.prepare(`SELECT count(*) AS n FROM shipment WHERE country_code = 'MY' AND deleted_at IS NULL`).get() as { n: number }).n);
    db.close();
  });

  it('finds by what the grid shows: a day dd/mm/yyyy, a country by name or code, an HS code with dots', () => {
    const db = seeded(50);
    const [first] = queryShipments(db, {}, [], 0, 1).rows;
    const shown = first!.date.split('-').reverse().join('/');
    const hit = findNext(db, V, {}, [], shown, ['exporter_name', 'date'], 0, -1);
    expect(hit).toMatchObject({ row: 0, field: 'date' });
    expect(findNext(db, V, {}, [], 'malaysia', ['country_code'], 0, -1)).not.toBeNull();
    const my = findNext(db, V, {}, [], 'MY', ['country_code'], 0, -1)!;
    expect(queryShipments(db, {}, [], my.row, 1).rows[0]!.country_code).toBe('MY');
    const hs = String(first!.hs_code);
    const dotted = `${hs.slice(0, 4)}.${hs.slice(4, 6)}`;
    const h = findNext(db, V, {}, [], dotted, ['hs_code'], 0, -1)!;
    expect((queryShipments(db, {}, [], h.row, 1).rows[0]!.hs_code as string).startsWith(hs.slice(0, 6))).toBe(true);
    db.close();
  });

  it('replace-all is one audited batch under the filter, and its cells undo it', () => {
    const db = seeded();
    const word = (db.prepare(`SELECT product FROM shipment WHERE district_code LIKE '62%' GROUP BY product ORDER BY count(*) DESC LIMIT 1`).get() as { product: string }).product;
    const before = db.prepare(`SELECT id, product, date FROM shipment ORDER BY id`).all();
    const inView = (db.prepare(`SELECT count(*) AS n FROM shipment WHERE product = ? AND district_code LIKE '62%'`).get(word) as { n: number }).n;
    const audits = (db.prepare('SELECT count(*) AS n FROM shipment_audit').get() as { n: number }).n;
    const res = replaceAll(db, V, { province: '62' }, ['product', 'date', 'fob_usd'], word, 'Purun anyaman');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.cells).toHaveLength(inView);
    expect(res.cells.every((c) => c.field === 'product')).toBe(true); // dates and numbers are not text to replace in
    expect((db.prepare('SELECT count(*) AS n FROM shipment_audit').get() as { n: number }).n).toBe(audits + inView);
    expect((db.prepare(`SELECT count(*) AS n FROM shipment WHERE product = ? AND district_code NOT LIKE '62%'`).get(word) as { n: number }).n).toBeGreaterThan(0);
    expect(applyShipmentChanges(db, res.cells.map((c) => ({ id: c.id, field: c.field, value: c.oldValue }))).ok).toBe(true);
    expect(db.prepare(`SELECT id, product, date FROM shipment ORDER BY id`).all()).toEqual(before);
    db.close();
  });

  it('fills down through the shipments write path, refusing a future date for the whole fill', () => {
    const db = seeded(30);
    const page = queryShipments(db, {}, [], 0, 5).rows;
    const ok = fillRange(db, V, {}, [], 1, 3, ['port'], [['Pelabuhan Sampit']]);
    expect(ok).toMatchObject({ ok: true });
    expect(queryShipments(db, {}, [], 1, 3).rows.map((r) => r.port)).toEqual(['Pelabuhan Sampit', 'Pelabuhan Sampit', 'Pelabuhan Sampit']);
    const bad = fillRange(db, V, {}, [], 0, 2, ['date'], [['01/01/2099']]);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.key, e.row])).toEqual([['err.dateFuture', 0], ['err.dateFuture', 1], ['err.dateFuture', 2]]);
    expect(queryShipments(db, {}, [], 0, 5).rows.map((r) => r.date)).toEqual(page.map((r) => r.date));
    db.close();
  });

  it('creates a row matching the filter (district, country, period, product), found where the grid shows it', () => {
    const db = seeded(50);
    const filter: ShipmentFilter = { districts: ['6203'], countries: ['JP'], from: '2024-01-01', to: '2024-06-30', commodity: 'Rotan' };
    const rec = createShipment(db, { district_code: '6203', country_code: 'JP', date: '2024-06-30', product: 'Rotan' });
    expect(rec).toMatchObject({ district_code: '6203', country_code: 'JP', date: '2024-06-30', product: 'Rotan' });
    expect(locate(db, V, filter, [], rec.id)).not.toBeNull();
    expect(() => createShipment(db, { date: '2099-01-01' })).toThrow(/setelah hari ini|dateFuture|tanggal/i);
    expect(createShipment(db, {}).date).toBe(localDay());
    db.close();
  });
});

describe('a row added under a filter', () => {
  it('takes the filter’s district (or its province’s first), country, product, HS heading, period and a chosen column value', () => {
    const { db } = tempDb();
    const districts = districtResolver(db).districts;
    const today = '2026-12-01';
    expect(newShipmentValues({ province: '62', countries: ['JP'], commodity: 'Rotan', hs: '4602' }, districts, today)).toEqual({
      district_code: districts.find((d) => d.provinceCode === '62')!.code, country_code: 'JP', product: 'Rotan', hs_code: '4602',
    });
    // A period that ended: its last day; an HS chapter of two digits is no HS code (the page lifts it).
    expect(newShipmentValues({ districts: ['6203'], from: '2025-01-01', to: '2025-06-30', hs: '46' }, districts, today)).toEqual({ district_code: '6203', date: '2025-06-30' });
    // Header values: the first chosen one (numbers as numbers); "(Kosong)" chosen leaves the field empty.
    expect(newShipmentValues({ values: [{ field: 'port', values: ['Sampit', 'Kumai'] }, { field: 'fob_usd', values: ['1234.5'] }, { field: 'unit', values: [null, 'kg'] }] }, districts, today)).toEqual({ port: 'Sampit', fob_usd: 1234.5 });
    const rec = createShipment(db, newShipmentValues({ values: [{ field: 'fob_usd', values: ['1234.5'] }], to: '2025-06-30' }, districts, today));
    expect(rec).toMatchObject({ fob_usd: 1234.5, date: '2025-06-30' });
    db.close();
  });
});

describe('the shipments view methods refuse hostile input in the main process', () => {
  it('a column that is not a shipment field never reaches SQL', async () => {
    const { dispatch } = tempApi();
    for (const args of [
      { filter: {}, field: 'id; DROP TABLE shipment', limit: 10 },
      { filter: { values: [{ field: 'deleted_at', values: ['x'] }] }, field: 'port', limit: 10 },
      { filter: {}, field: 'port', limit: 10, extra: 1 },
    ]) {
      const r = await dispatch('shipments.columnValues', args);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const ex = await dispatch('shipments.exportView', { filter: {}, sort: [], columns: [{ key: 'identity', label: 'x' }], format: 'xlsx' });
    expect(ex).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const ok = await dispatch('shipments.columnValues', { filter: { values: [{ field: 'port', values: [null] }] }, field: 'port', limit: 10 });
    expect(ok).toMatchObject({ ok: true, result: { values: [] } });
  });
});

describe('export of the shipments view', () => {
  it('writes the filtered, sorted rows and the visible columns: dates as dates, HS and NIB as text, countries by name', async () => {
    const db = seeded();
    const cols = [
      { key: 'date', label: 'Tanggal' },
      { key: 'exporter_name', label: 'Eksportir' },
      { key: 'hs_code', label: 'Kode HS' },
      { key: 'country_code', label: 'Negara tujuan' },
      { key: 'fob_usd', label: 'Nilai FOB (US$)' },
    ];
    const filter: ShipmentFilter = { province: '62' };
    const out = await exportView(db, V, filter, BY_FOB, cols, 'xlsx');
    const expected = queryShipments(db, filter, BY_FOB, 0, 1000);
    expect(out.rows).toBe(expected.total);
    expect(out.name).toMatch(/^pengapalan-ekspor-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = join(tempDir(), out.name);
    writeFileSync(path, Buffer.from(out.dataBase64, 'base64'));
    const py = `import openpyxl,json,sys\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c.value.isoformat() if hasattr(c.value,'isoformat') else c.value for c in r] for r in ws.iter_rows()]+[[ws.cell(2,1).is_date, ws.cell(2,3).data_type, ws.title]]))`;
    const r = spawnSync('/usr/bin/python3', ['-c', py, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as unknown[][];
    expect(rows[0]).toEqual(cols.map((c) => c.label));
    expect(rows.length - 2).toBe(expected.total);
    const top = expected.rows[0]!;
    expect(rows[1]).toEqual([`${top.date}T00:00:00`, top.exporter_name, top.hs_code, expect.any(String), top.fob_usd]);
    expect(rows[1]![3]).not.toBe(top.country_code); // the country's name, as the grid shows it
    expect(rows.at(-1)).toEqual([true, 's', 'Pengapalan Ekspor']);
    db.close();
  });

  it('neutralises formulas in CSV and writes ISO days', async () => {
    const { db } = tempDb();
    const rec = createShipment(db, { exporter_name: '=HYPERLINK("x")', date: '2025-03-12' });
    const out = await exportView(db, V, {}, [], [{ key: 'date', label: 'Tanggal' }, { key: 'exporter_name', label: 'Eksportir' }], 'csv');
    expect(Buffer.from(out.dataBase64, 'base64').toString('utf8')).toBe('Tanggal,Eksportir\r\n2025-03-12,"\'=HYPERLINK(""x"")"\r\n');
    expect(rec.id).toBeGreaterThan(0);
    db.close();
  });
});

describe('a shipment’s history and origin', () => {
  it('lists its changes newest first, and names the import it came from', async () => {
    const { db } = tempDb();
    const file = { name: 'ekspor_kalteng_2025_openpyxl.xlsx', path: join(process.cwd(), 'test/fixtures/ekspor/ekspor_kalteng_2025_openpyxl.xlsx') };
    const res = await importShipments(db, [file]);
    const [first] = queryShipments(db, {}, [], 0, 1).rows;
    expect(applyShipmentChanges(db, [{ id: first!.id, field: 'port', value: 'Sampit' }]).ok).toBe(true);
    const history = shipmentHistory(db, first!.id);
    expect(history[0]).toMatchObject({ action: 'update', field: 'port', new_value: 'Sampit', batch_id: null });
    expect(history.at(-1)).toMatchObject({ action: 'import', batch_id: res.batchId });
    expect(shipmentSource(db, first!.id)).toMatchObject({ batch_id: res.batchId, file: file.name });
    expect(shipmentSource(db, createShipment(db, {}).id)).toBeNull();
    // A batch that recorded the row it read: file, sheet and row; a later batch's row wins.
    const w = new ShipmentWriter(db);
    const batch = (n: string) => Number(db.prepare(`INSERT INTO import_batch (kind, at, os_user, files, inserted, updated, unchanged, refused) VALUES ('shipment', ?, 'ana', ?, 1, 0, 0, 0)`).run(new Date().toISOString(), JSON.stringify([n])).lastInsertRowid);
    const b1 = batch('peb_jan.xlsx');
    const id = w.insert({ date: '2025-01-10', exporter_name: 'CV Uji', country_code: 'JP', district_code: '6203' }, null, b1, { file: 'peb_jan.xlsx', sheet: 'Januari', row: 14 });
    expect(shipmentSource(db, id)).toMatchObject({ batch_id: b1, file: 'peb_jan.xlsx', sheet: 'Januari', row: 14, os_user: 'ana' });
    const b2 = batch('peb_revisi.xlsx');
    w.update(getShipment(db, id)!, { fob_usd: 99 }, null, b2, { file: 'peb_revisi.xlsx', sheet: 'Rekap', row: 3 });
    expect(shipmentSource(db, id)).toMatchObject({ batch_id: b2, sheet: 'Rekap', row: 3 });
    // That batch undone: the earlier origin again.
    db.prepare('UPDATE import_batch SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), b2);
    expect(shipmentSource(db, id)).toMatchObject({ batch_id: b1, sheet: 'Januari', row: 14 });
    db.close();
  });
});

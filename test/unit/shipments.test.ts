/**
 * Shipment and trade-statistics imports on files written by openpyxl and LibreOffice (not by
 * exceljs), into real SQLite files: values, refusals with sheet/row/column, registry links,
 * re-import idempotence, updates with audit rows, grid edits and filters.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryWriter } from '../../electron/core/registry/write';
import { importShipments } from '../../electron/core/shipments/import';
import { queryShipments, summariseShipments } from '../../electron/core/shipments/query';
import { applyShipmentChanges, createShipment } from '../../electron/core/shipments/write';
import { importTradeStats, listTradeStats } from '../../electron/core/trade/stats';
import { yearlyTrade } from '../../electron/core/reports/data';
import { countryResolver } from '../../electron/core/reference/countries';
import { parseDate, parseHsCode } from '../../shared/parse';
import { normaliseCooForm, parseShipmentField } from '../../shared/shipments';
import { districtResolver } from '../../electron/core/reference/areas';
import { readFileSync } from 'node:fs';
import { cli, tempDb, tempDir } from './helpers';

const FIX = join(process.cwd(), 'test/fixtures/ekspor');
const RECAP = { name: 'ekspor_kalteng_2025_openpyxl.xlsx', path: join(FIX, 'ekspor_kalteng_2025_openpyxl.xlsx') };
const CSV = { name: 'ekspor_seruyan_semicolon.csv', path: join(FIX, 'ekspor_seruyan_semicolon.csv') };
const TRADE = { name: 'neraca_bps_libreoffice.xlsx', path: join(FIX, 'neraca_bps_libreoffice.xlsx') };

function withExporter() {
  const t = tempDb();
  const id = new RegistryWriter(t.db).insert({ nib: '0912000000017', business_name: 'CV Rotan Katingan', district_code: '6209' });
  return { ...t, ikmId: id };
}

describe('shipment values', () => {
  it('reads countries in Indonesian, English and ISO codes; codes win over names', () => {
    const c = countryResolver();
    expect(['Malaysia', 'MYS', 'my', 'Tiongkok', 'China', 'RRT', 'Korea Selatan', 'South Korea', 'Jepang / Japan', 'Amerika Serikat', 'Belanda'].map((x) => c.resolve(x)?.code)).toEqual([
      'MY', 'MY', 'MY', 'CN', 'CN', 'CN', 'KR', 'KR', 'JP', 'US', 'NL',
    ]);
    expect(c.resolve('AS')?.code).toBe('AS'); // American Samoa, not the United States
    expect(c.resolve('Narnia')).toBeNull();
    expect(c.name('KE')).toBe('Kenya');
  });

  it('reads HS codes, dates and certificate-of-origin forms', () => {
    expect(parseHsCode('4602.12.00')).toEqual({ ok: true, value: '46021200' });
    expect(parseHsCode(9011190)).toEqual({ ok: true, value: '09011190' }); // number cell lost its zero
    expect(parseHsCode('46').ok).toBe(false);
    expect(parseHsCode('12345678901').ok).toBe(false);
    expect(['12/03/2025', '12-03-25', '2025-03-12', '12 Maret 2025', '12-Mar-2025', 45728].map((d) => (parseDate(d) as { value: string }).value)).toEqual([
      '2025-03-12', '2025-03-12', '2025-03-12', '2025-03-12', '2025-03-12', '2025-03-12',
    ]);
    expect(parseDate('31/02/2025').ok).toBe(false);
    expect(['D', 'form-e', 'SKA Form AK', 'IJEPA'].map(normaliseCooForm)).toEqual(['Form D', 'Form E', 'Form AK', 'Form IJEPA']);
  });

  it('refuses a shipment or PEB dated after today, in the shared parser every writer uses', () => {
    const { db } = tempDb();
    const ctx = { districts: districtResolver(db), countries: countryResolver(), today: '2026-12-01' };
    expect(parseShipmentField('date', '01/12/2026', ctx)).toEqual({ ok: true, value: '2026-12-01' });
    const future = parseShipmentField('date', '02/12/2062', ctx);
    expect(future).toMatchObject({ ok: false, error: { key: 'err.dateFuture', params: { value: '02/12/2062', max: '01/12/2026' } } });
    expect(parseShipmentField('peb_date', '2027-01-05', ctx)).toMatchObject({ ok: false, error: { key: 'err.dateFuture' } });
    db.close();
  });
});

describe('shipment import', () => {
  it('imports an openpyxl recap with a two-row header: values, refusals, duplicates, registry links', async () => {
    const { db, ikmId } = withExporter();
    const r = await importShipments(db, [RECAP]);
    const f = r.files[0]!;
    expect(f.status).toBe('imported');
    expect(f.sheets.map((s) => [s.name, s.headerRow])).toEqual([['Ekspor 2025', 5]]);
    expect([f.accepted, f.updated, f.unchanged]).toEqual([5, 0, 0]);
    expect(f.refused.map((p) => [p.row, p.column, p.reason.split('.')[0]])).toEqual([
      [10, 'H', 'Negara "Narnia" tidak dikenal'],
      [11, 'B', 'Tanggal ekspor kosong'],
      [12, 'D', 'NIB "12345" tidak valid: NIB terdiri dari 13 angka'],
    ]);
    expect(f.duplicates.map((d) => [d.row, d.kind])).toEqual([[13, 'in_file']]);
    const rows = db.prepare('SELECT * FROM shipment ORDER BY date').all() as Record<string, unknown>[];
    expect(rows.map((x) => [x.date, x.exporter_name, x.district_code, x.hs_code, x.country_code, x.net_weight_kg, x.fob_usd, x.coo_form])).toEqual([
      ['2025-03-12', 'CV Rotan Katingan', '6209', '46021200', 'MY', 1250.5, 12500.5, 'Form D'],
      ['2025-04-14', 'UD Keripik Kelakai', '6202', '20089990', 'SG', 300, 2400, 'Form D'],
      ['2025-05-02', 'Kelompok Kopi Liberika', '6203', '09011190', 'CN', 1000, 5000, 'Form E'],
      ['2025-06-30', 'CV Madu Kelulut Borneo', '6271', '04090000', 'MY', 120, 1800, null],
      // No name and no district in the file: both come from the registry record of its NIB.
      ['2025-09-09', 'CV Rotan Katingan', '6209', '460219', 'KR', 640, 3200.75, 'Form AK'],
    ]);
    expect(rows.filter((x) => x.ikm_id === ikmId).length).toBe(2);
    expect((db.prepare('SELECT kind FROM import_batch WHERE id = ?').get(r.batchId) as { kind: string }).kind).toBe('shipment');
  });

  it('changes nothing when the same file comes again, and updates a revised value with an audit row', async () => {
    const { db } = withExporter();
    await importShipments(db, [RECAP]);
    const again = await importShipments(db, [RECAP]);
    expect([again.files[0]!.accepted, again.files[0]!.updated, again.files[0]!.unchanged]).toEqual([0, 0, 5]);
    expect(db.prepare('SELECT count(*) AS n FROM shipment').get()).toEqual({ n: 5 });
    const revised = Buffer.from('Tanggal;Eksportir;Kab/Kota;Kode HS;Negara Tujuan;Nilai FOB (US$);No. PEB\n12/03/2025;CV Rotan Katingan;Katingan;4602.12.00;Malaysia;13.000;000123\n');
    const r = await importShipments(db, [{ name: 'revisi.csv', data: revised }]);
    expect(r.files[0]!.updated).toBe(1);
    expect(db.prepare(`SELECT fob_usd FROM shipment WHERE peb_number = '000123'`).get()).toEqual({ fob_usd: 13000 });
    expect(db.prepare(`SELECT field, old_value, new_value FROM shipment_audit WHERE action = 'import' AND field IS NOT NULL`).all()).toEqual([
      { field: 'fob_usd', old_value: '12500.5', new_value: '13000' },
    ]);
  });

  it('asks for the district of a file without a district column, then imports it', async () => {
    const { db } = tempDb();
    const first = await importShipments(db, [CSV]);
    expect(first.files[0]).toMatchObject({ status: 'refused', needsDistrict: true });
    expect(first.files[0]!.message).toContain('--district');
    expect(db.prepare('SELECT count(*) AS n FROM shipment').get()).toEqual({ n: 0 });
    const r = await importShipments(db, [{ ...CSV, district: '6207' }]);
    expect([r.files[0]!.status, r.files[0]!.accepted]).toEqual(['imported', 3]);
    expect(db.prepare('SELECT country_code, fob_usd, net_weight_kg FROM shipment ORDER BY date').all()).toEqual([
      { country_code: 'TH', fob_usd: 1125.75, net_weight_kg: 250 },
      { country_code: 'KE', fob_usd: 450, net_weight_kg: 100 },
      { country_code: 'SG', fob_usd: 310.4, net_weight_kg: 75.5 },
    ]);
  });

  it('a dry run writes nothing; a file that is not a shipment list is refused whole', async () => {
    const { db } = withExporter();
    const dry = await importShipments(db, [RECAP], { dryRun: true });
    expect(dry.files[0]!.accepted).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM shipment').get()).toEqual({ n: 0 });
    const ikmFile = join(process.cwd(), 'test/fixtures/kotim_2025_libreoffice.xlsx');
    const r = await importShipments(db, [{ name: 'kotim.xlsx', path: ikmFile }]);
    expect(r.files[0]).toMatchObject({ status: 'refused' });
    expect(r.files[0]!.message).toContain('Tidak ditemukan tabel ekspor');
  });

  it('filters by period, country, HS chapter and district, and sums FOB and weight', async () => {
    const { db } = withExporter();
    await importShipments(db, [RECAP, { ...CSV, district: '6207' }]);
    const all = summariseShipments(db, {});
    expect(all).toEqual({ count: 8, fob_usd: 12500.5 + 2400 + 5000 + 1800 + 3200.75 + 1125.75 + 450 + 310.4, net_weight_kg: 1250.5 + 300 + 1000 + 120 + 640 + 250 + 100 + 75.5 });
    expect(summariseShipments(db, { countries: ['MY'] }).count).toBe(2);
    expect(summariseShipments(db, { hs: '46' }).count).toBe(2);
    expect(summariseShipments(db, { from: '2025-04-01', to: '2025-06-30' }).count).toBe(3);
    expect(summariseShipments(db, { districts: ['6207'] }).count).toBe(3);
    expect(summariseShipments(db, { province: '62', commodity: 'rotan' }).count).toBe(2);
    const page = queryShipments(db, { countries: ['MY'] }, [{ field: 'fob_usd', desc: true }], 0, 10);
    expect(page.rows.map((r) => r.fob_usd)).toEqual([12500.5, 1800]);
  });

  it('grid edits are validated all-or-nothing and audited', async () => {
    const { db } = withExporter();
    await importShipments(db, [RECAP]);
    const id = (db.prepare(`SELECT id FROM shipment WHERE peb_number = '000140'`).get() as { id: number }).id;
    const bad = applyShipmentChanges(db, [
      { id, field: 'country_code', value: 'Jepang' },
      { id, field: 'hs_code', value: '12' },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => [e.index, e.key])).toEqual([[1, 'err.hs']]);
    expect(db.prepare('SELECT country_code FROM shipment WHERE id = ?').get(id)).toEqual({ country_code: 'CN' });
    const good = applyShipmentChanges(db, [{ id, field: 'country_code', value: 'Jepang' }, { id, field: 'exporter_nib', value: '0912000000017' }]);
    expect(good.ok && good.records[0]).toMatchObject({ country_code: 'JP', exporter_nib: '0912000000017' });
    expect((db.prepare('SELECT ikm_id FROM shipment WHERE id = ?').get(id) as { ikm_id: number }).ikm_id).toBeGreaterThan(0);
    expect(db.prepare(`SELECT field, old_value, new_value FROM shipment_audit WHERE shipment_id = ? AND action = 'update' ORDER BY id`).all(id)).toEqual([
      { field: 'country_code', old_value: 'CN', new_value: 'JP' },
      { field: 'exporter_nib', old_value: null, new_value: '0912000000017' },
    ]);
  });
});

describe('new rows', () => {
  it('two new rows are two shipments until edited; an edit that makes one a copy of a recorded PEB line is refused', async () => {
    const { db } = withExporter();
    await importShipments(db, [RECAP]);
    const a = createShipment(db, { district_code: '6209' });
    const b = createShipment(db, { district_code: '6209' });
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ exporter_name: 'Eksportir baru', district_code: '6209', country_code: 'MY' });
    const ok = applyShipmentChanges(db, [{ id: a.id, field: 'peb_number', value: '000999' }]);
    expect(ok.ok).toBe(true);
    const copy = applyShipmentChanges(db, [
      { id: b.id, field: 'peb_number', value: '000123' },
      { id: b.id, field: 'hs_code', value: '4602.12.00' },
    ]);
    expect(copy.ok).toBe(false);
    expect(db.prepare('SELECT peb_number FROM shipment WHERE id = ?').get(b.id)).toEqual({ peb_number: null });
  });
});

describe('trade statistics', () => {
  it('imports a LibreOffice BPS table in millions of US$, months by name, a whole-year row', async () => {
    const { db } = tempDb();
    const r = await importTradeStats(db, TRADE);
    expect([r.files[0]!.status, r.files[0]!.accepted, r.files[0]!.refused.length]).toEqual(['imported', 19, 0]);
    const rows = listTradeStats(db);
    expect(rows[0]).toMatchObject({ year: 2023, month: 0, export_usd: 2_210_400_000, import_usd: 310_250_000 });
    expect(rows.find((x) => x.year === 2025 && x.month === 6)).toMatchObject({ export_usd: 195_000_000, import_usd: 30_500_000 });
    const yearly = yearlyTrade(db, '62');
    expect(yearly.map((y) => [y.year, y.months, Math.round(y.export_usd!)])).toEqual([
      [2023, 12, 2_210_400_000],
      [2024, 12, (180 + 191) * 6 * 1_000_000],
      [2025, 6, (190 + 195) * 3 * 1_000_000],
    ]);
    const again = await importTradeStats(db, TRADE);
    expect([again.files[0]!.accepted, again.files[0]!.unchanged]).toEqual([0, 19]);
  });

  it('CLI import-shipments and import-trade-stats print the import JSON shape', () => {
    const { db, path } = withExporter();
    db.close();
    const s = cli('import-shipments', RECAP.path, '--db', path, '--json');
    expect(s.status).toBe(0);
    const json = JSON.parse(s.stdout) as { files: { file: string; status: string; accepted: number; refused: { sheet: string; row: number; column?: string; reason: string }[] }[] };
    expect(json.files[0]).toMatchObject({ file: RECAP.name, status: 'imported', accepted: 5 });
    expect(json.files[0]!.refused[0]).toMatchObject({ sheet: 'Ekspor 2025', row: 10, column: 'H' });
    const t = cli('import-trade-stats', TRADE.path, '--db', path, '--json');
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout).files[0]).toMatchObject({ status: 'imported', accepted: 19 });
    const missing = cli('import-shipments', join(FIX, 'tidak-ada.xlsx'), '--db', path, '--json');
    expect(missing.status).toBe(1);
  });

  it('CLI export shipments: the columns in the order the issue gives, formula-like text neutralised in CSV', async () => {
    const { db, path } = withExporter();
    await importShipments(db, [RECAP]);
    const evil = Buffer.from('Tanggal;Eksportir;Kab/Kota;Negara Tujuan;Nilai FOB\n01/02/2025;=HYPERLINK("http://x");Katingan;Jepang;10\n');
    await importShipments(db, [{ name: 'evil.csv', data: evil }]);
    db.close();
    const out = join(tempDir(), 'ekspor.csv');
    const r = cli('export', 'shipments', '--db', path, '--format', 'csv', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('date,exporter_nib,exporter_name,district_code,product,hs_code,country_code,quantity,unit,net_weight_kg,fob_usd,port,peb_number,peb_date,coo_form');
    expect(lines).toHaveLength(7);
    expect(lines).toContain('2025-03-12,0912000000017,CV Rotan Katingan,6209,Tas anyaman rotan,46021200,MY,400,pcs,1250.5,12500.5,Sampit,000123,2025-03-12,Form D');
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^2025-02-01,,"'=HYPERLINK\(""http:\/\/x""\)",6209,/);
    const json = join(tempDir(), 'ekspor.json');
    expect(cli('export', 'shipments', '--db', path, '--format', 'json', '--out', json).status).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as unknown[]).length).toBe(6);
  });
});

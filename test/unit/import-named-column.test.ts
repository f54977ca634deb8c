/**
 * A file refused because no table is found — its key column has a header no vocabulary names —
 * is refused with the columns the reader did read (the nearest header: sheet, row, every cell),
 * and naming that column in the mapping reads it: the user's header text finds the header, the
 * column is read as that field and its values confirm it like any other, the import uses it, and
 * the naming is remembered (IKM: for the district; shipments: for every shipment list) so next
 * year's file reads by itself. IKM lists and shipment lists (BPS tables: import-header.test.ts,
 * trade-import.spec.ts).
 */
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { savedOverrides } from '../../electron/core/import/mapping';
import { importFiles } from '../../electron/core/import/run';
import { importShipments } from '../../electron/core/shipments/import';
import { message, type MessageKey } from '../../shared/messages';
import { cli, tempDb, tempDir } from './helpers';

const MITRA = resolve('test/fixtures/mitra_binaan_libreoffice.xlsx');
const PASAR = resolve('test/fixtures/ekspor/ekspor_kolom_pasar_openpyxl.xlsx');
const NAME = { 'Mitra Binaan': 'business_name' };

describe('an IKM list whose business-name column no vocabulary names', () => {
  it('is refused with the row it read as header and its columns, in Indonesian and English', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'mitra_binaan_libreoffice.xlsx', path: MITRA }], { dryRun: true });
    const f = r.files[0]!;
    expect(f).toMatchObject({ status: 'refused', needsMapping: true });
    expect(f.messageKey).toEqual({
      key: 'imp.noTableNear',
      params: { row: 3, sheet: 'Binaan 2025', headers: 'No, Mitra Binaan, Pemilik, Alamat, Kabupaten/Kota, Produk, Jumlah TK' },
    });
    expect(f.message).toContain('baris 3 lembar "Binaan 2025" dibaca sebagai judul kolom (No, Mitra Binaan, Pemilik');
    expect(f.message).toContain('Pilih kolom nama usaha pada pemetaan kolom di bawah');
    expect(message('en', f.messageKey!.key as MessageKey, f.messageKey!.params)).toContain('Choose the business-name column in the column mapping below');
    // Every header cell, with the field it named and why: the mapping the user completes.
    expect(f.sheets.map((s) => [s.name, s.headerRow])).toEqual([['Binaan 2025', 3]]);
    expect(f.sheets[0]!.columns.map((c) => [c.column, c.header, c.field, c.why?.map((w) => w.key).join()])).toEqual([
      ['A', 'No', '', undefined],
      ['B', 'Mitra Binaan', '', undefined],
      ['C', 'Pemilik', 'owner_name', 'map.header'],
      ['D', 'Alamat', 'address', 'map.header'],
      ['E', 'Kabupaten/Kota', 'district_code', 'map.header'],
      ['F', 'Produk', 'commodity', 'map.header'],
      ['G', 'Jumlah TK', 'workers_total', 'map.header'],
    ]);
    expect(f.refused).toEqual([]);
    db.close();
  });

  it('named in the mapping, the column is read as the business name, its values confirm it, and the import writes the rows', async () => {
    const { db } = tempDb();
    const input = { name: 'mitra_binaan_libreoffice.xlsx', path: MITRA, mapping: NAME };
    const dry = await importFiles(db, [input], { dryRun: true });
    const f = dry.files[0]!;
    expect(f).toMatchObject({ status: 'imported', accepted: 4, refused: [] });
    expect(f.unmapped ?? []).toEqual([]);
    const col = f.sheets[0]!.columns.find((c) => c.header === 'Mitra Binaan')!;
    expect(col).toMatchObject({ column: 'B', field: 'business_name', source: 'user', confidence: 1 });
    expect(col.why).toEqual([{ key: 'map.user' }, { key: 'map.values', params: { n: 4, of: 4 } }]);
    expect((db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(0);

    const real = await importFiles(db, [input]);
    expect(real.files[0]).toMatchObject({ status: 'imported', accepted: 4 });
    const rows = db.prepare('SELECT business_name, owner_name, district_code, workers_total FROM ikm ORDER BY business_name').all();
    expect(rows).toEqual([
      { business_name: 'Amplang Ibu Siti', owner_name: 'Siti Aminah', district_code: '6202', workers_total: 3 },
      { business_name: 'Manik Dayak Katingan', owner_name: 'Yuliana', district_code: '6209', workers_total: 4 },
      { business_name: 'Tenun Habaring Hurung', owner_name: 'Maria Ulfah', district_code: '6271', workers_total: 6 },
      { business_name: 'UD Rotan Mentaya', owner_name: 'H. Abdul Karim', district_code: '6202', workers_total: 5 },
    ]);
    // Remembered: the same file next time reads without the user naming the column again.
    const again = await importFiles(db, [{ name: 'mitra_binaan_libreoffice.xlsx', path: MITRA }], { dryRun: true });
    expect(again.files[0]).toMatchObject({ status: 'imported', accepted: 0, unchanged: 4 });
    db.close();
  });

  it("a column the user names is checked by its values like any other: text in a name column agrees, numbers do not", async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'mitra_binaan_libreoffice.xlsx', path: MITRA, mapping: { ...NAME, 'Jumlah TK': 'owner_name', Pemilik: '' } }], { dryRun: true });
    const cols = r.files[0]!.sheets[0]!.columns;
    const tk = cols.find((c) => c.header === 'Jumlah TK')!;
    expect(tk).toMatchObject({ field: 'owner_name', source: 'user', confidence: 0.5 });
    expect(tk.why).toEqual([{ key: 'map.user' }, { key: 'map.valuesWeak', params: { n: 0, of: 4 } }]);
    // A column the user chose to ignore stays ignored (the values propose nothing for it).
    expect(cols.find((c) => c.header === 'Pemilik')!.field).toBe('');
    db.close();
  });

  it('a file without a district column remembers its corrections for the district chosen for it, the business-name naming for every file', async () => {
    const { db, path } = tempDb();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['No', 'Mitra Binaan', 'Pemilik', 'Alamat', 'Produk']);
    ws.addRow([1, 'Rotan Jaya', 'Budi', 'Jl. Sudirman 1', 'Rotan']);
    ws.addRow([2, 'Madu Kelulut Kasongan', 'Ani', 'Jl. Katingan 2', 'Madu']);
    const file = path.replace(/registry\.db$/, 'binaan_katingan.xlsx');
    await wb.xlsx.writeFile(file);
    const refused = await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file }], { dryRun: true });
    expect(refused.files[0]!.messageKey?.key).toBe('imp.noTableNear');
    const named = await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file, mapping: NAME }], { dryRun: true });
    expect(named.files[0]).toMatchObject({ status: 'refused', needsDistrict: true });
    await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file, mapping: NAME, district: '6209' }]);
    expect((db.prepare(`SELECT count(*) AS n FROM ikm WHERE district_code = '6209'`).get() as { n: number }).n).toBe(2);
    const katingan = await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file, district: '6209' }], { dryRun: true });
    expect(katingan.files[0]).toMatchObject({ status: 'imported', unchanged: 2 });
    // The business-name naming finds the table before the district is known (as the wizard reads a file first) …
    const first = await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file }], { dryRun: true });
    expect(first.files[0]).toMatchObject({ status: 'refused', needsDistrict: true });
    expect(first.files[0]!.needsMapping).toBeUndefined();
    expect(savedOverrides(db, null)).toEqual(NAME);
    // … while the rest of a district's corrections stay with that district.
    await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file, mapping: { ...NAME, Produk: '' }, district: '6209' }]);
    expect(savedOverrides(db, '6209')).toEqual({ ...NAME, Produk: '' });
    expect(savedOverrides(db, null)).toEqual(NAME);
    const other = await importFiles(db, [{ name: 'binaan_katingan.xlsx', path: file, district: '6202' }], { dryRun: true });
    expect(other.files[0]!.sheets[0]!.columns.find((c) => c.header === 'Produk')!.field).toBe('commodity');
    db.close();
  });
});

describe('a shipments list whose destination column no vocabulary names', () => {
  it('is refused with its columns; named in the mapping, it is read, imported and remembered', async () => {
    const { db } = tempDb();
    const name = 'ekspor_kolom_pasar_openpyxl.xlsx';
    const refused = await importShipments(db, [{ name, path: PASAR }], { dryRun: true });
    const f = refused.files[0]!;
    expect(f).toMatchObject({ status: 'refused', messageKey: { key: 'imp.ship.noTableNear', params: { row: 2, sheet: 'Ekspor' } } });
    expect(f.message).toContain('Pilih kolom negara tujuan pada pemetaan kolom di bawah');
    expect(f.sheets[0]!.columns.map((c) => [c.header, c.field])).toEqual([
      ['Tanggal', 'date'],
      ['Eksportir', 'exporter_name'],
      ['Kabupaten/Kota', 'district_code'],
      ['Produk', 'product'],
      ['Pasar', ''],
      ['Nilai FOB (US$)', 'fob_usd'],
    ]);
    const mapping = { Pasar: 'country_code' };
    const dry = await importShipments(db, [{ name, path: PASAR, mapping }], { dryRun: true });
    expect(dry.files[0]).toMatchObject({ status: 'imported', accepted: 3, refused: [] });
    expect(dry.files[0]!.sheets[0]!.columns.find((c) => c.header === 'Pasar')).toMatchObject({ field: 'country_code', source: 'user' });
    await importShipments(db, [{ name, path: PASAR, mapping }]);
    expect(db.prepare('SELECT exporter_name, country_code, fob_usd FROM shipment ORDER BY date').all()).toEqual([
      { exporter_name: 'CV Rotan Mentaya', country_code: 'JP', fob_usd: 12500 },
      { exporter_name: 'UD Madu Kelulut Katingan', country_code: 'MY', fob_usd: 4300.5 },
      { exporter_name: 'CV Rotan Mentaya', country_code: 'KR', fob_usd: 9800 },
    ]);
    // Remembered for the next shipment list: the same file reads without the column being named again.
    const again = await importShipments(db, [{ name, path: PASAR }], { dryRun: true });
    expect(again.files[0]).toMatchObject({ status: 'imported', accepted: 0, unchanged: 3 });
    db.close();
  });
});

describe('the CLI', () => {
  it('lists the columns of a refused file and names one with --map; an unknown field is a usage error', () => {
    const db = join(tempDir(), 'registry.db');
    const refused = cli('import', MITRA, '--db', db, '--dry-run');
    expect(refused.status).toBe(0); // read, only a column to name (as a district to choose)
    expect(refused.stdout).toContain('mitra_binaan_libreoffice.xlsx: DITOLAK — Tidak ditemukan tabel IKM: baris 3 lembar "Binaan 2025"');
    expect(refused.stdout).toContain('kolom yang dibaca (lembar Binaan 2025, baris 3): A "No", B "Mitra Binaan", C "Pemilik" = owner_name,');
    expect(refused.stdout).toContain('Sebutkan kolomnya dengan --map "<judul kolom>=business_name".');
    const named = cli('import', MITRA, '--db', db, '--map', 'Mitra Binaan=business_name', '--dry-run');
    expect(named.stdout).toContain('mitra_binaan_libreoffice.xlsx: diimpor');
    expect(named.stdout).toContain('baru 4, diperbarui 0, tidak berubah 0, ditolak 0');
    const wrong = cli('import', MITRA, '--db', db, '--map', 'Mitra Binaan=nama_usaha');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('--map: field "nama_usaha" tidak dikenal. Pilihan: nib, business_name, owner_name,');
  });
});

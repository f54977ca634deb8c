/**
 * The values confirm the mapping, nothing is dropped unseen, sub-totals are skipped, and what
 * Excel destroyed is kept empty with a warning (issue 11 items 2–4), through the real import.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { tempDb } from './helpers';

const csv = (name: string, text: string, district: string | null = '6209') => ({ name, data: Buffer.from(text, 'utf8'), district });

describe('values confirm the mapping', () => {
  it('a column with an unknown header whose values are NIBs or phones is proposed; its why says so', async () => {
    const { db } = tempDb();
    const r = await importFiles(
      db,
      [csv('katingan.csv', 'Nama Usaha;Kode OSS;Kontak Person;Isian A\n' +
        'Rotan Jaya;0812345670001;0812-5000-1111;x\nTenun Indah;0812345670002;081250002222;y\nMadu Hutan;0812345670003;+62 812 5000 3333;z\n')],
      { dryRun: true },
    );
    const cols = r.files[0]!.sheets[0]!.columns;
    expect(cols.find((c) => c.header === 'Kode OSS')).toMatchObject({ field: 'nib', source: 'values', why: [{ key: 'map.proposed', params: { n: 3, of: 3 } }] });
    expect(cols.find((c) => c.header === 'Kontak Person')).toMatchObject({ field: 'phone' });
    expect(cols.find((c) => c.header === 'Isian A')).toMatchObject({ field: '' });
    expect(r.files[0]!.unmapped).toEqual([{ sheet: 'katingan', column: 'D', header: 'Isian A', values: 3, examples: ['x', 'y', 'z'] }]);
    db.close();
  });

  it('only data rows confirm a column: the column-number row and a total under the header are not its values', async () => {
    const { db } = tempDb();
    const text = 'No;Nama Usaha;Pemilik;Tenaga Kerja\n(1);(2);(3);(4)\n' +
      '1;Rotan Jaya;Budi;3\n2;Tenun Indah;Sari;4\n3;Madu Hutan;Yanto;2\n;JUMLAH;;9\n';
    const r = await importFiles(db, [csv('katingan.csv', text)], { dryRun: true });
    const cols = r.files[0]!.sheets[0]!.columns;
    for (const header of ['Nama Usaha', 'Pemilik', 'Tenaga Kerja'])
      expect(cols.find((c) => c.header === header)!.why, header).toContainEqual({ key: 'map.values', params: { n: 3, of: 3 } });
    expect(r.files[0]!.accepted).toBe(3);
    db.close();
  });

  it('values that do not fit their header lower its confidence, and the why says so', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [csv('a.csv', 'Nama Usaha;KBLI\nA;rotan\nB;tenun\nC;16291\n')], { dryRun: true });
    const kbli = r.files[0]!.sheets[0]!.columns.find((c) => c.header === 'KBLI')!;
    expect(kbli.confidence).toBeLessThan(0.7);
    expect(kbli.why).toContainEqual({ key: 'map.valuesWeak', params: { n: 1, of: 3 } });
    db.close();
  });

  it("a column's own separator style decides 19,292", async () => {
    const { db } = tempDb();
    await importFiles(db, [csv('b.csv', 'Nama Usaha,Omzet\nA,"1,283,883"\nB,"19,292"\nC,"4,500,000"\n')]);
    const rows = db.prepare('SELECT business_name, production_value_idr AS v FROM ikm ORDER BY business_name').all();
    expect(rows).toEqual([{ business_name: 'A', v: 1283883 }, { business_name: 'B', v: 19292 }, { business_name: 'C', v: 4500000 }]);
    db.close();
  });
});

describe('rows inside the table that are not businesses', () => {
  it('sub-totals per village and kecamatan and a grand total are skipped, not refused; a business without a name is', async () => {
    const { db } = tempDb();
    const text = 'No;Nama Usaha;Pemilik;Kecamatan;Desa;TK;Investasi\n' +
      '1;Rotan Jaya;Budi;Katingan Hilir;Kasongan;2;1.000.000\n2;Tenun Indah;Sari;Katingan Hilir;Kasongan;3;2.000.000\n' +
      ';;;Katingan Hilir;Jumlah Desa Kasongan;5;3.000.000\n' + // label in the village column
      ';Sub Total Kec. Katingan Hilir;;;;5;3.000.000\n' +
      ';;;;;5;3.000.000\n' + // the label in a merged cell the reader does not see
      '3;;Ani;Tasik Payawan;Petak Bahandang;1;500.000\n' + // a business with a gap: refused
      'TOTAL;;;;;6;3.500.000\n';
    const r = await importFiles(db, [csv('c.csv', text)], { dryRun: true });
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 2 });
    expect(r.files[0]!.refused.map((p) => [p.row, p.reason])).toEqual([[7, 'Nama usaha kosong.']]);
    db.close();
  });
});

describe('amounts per month', () => {
  it('an omzet per month is kept as the year\'s (×12, said in the why); investment and a yearly omzet are as written', async () => {
    const { db } = tempDb();
    const text = 'Nama Usaha;OMZET (Rp/bulan);Nilai Investasi;Bahan Baku per bln\nRotan Jaya;Rp 4.500.000;25 jt;1.000.000\nTenun Indah;12.000.000;10 jt;500.000\nMadu Hutan;3 jt;5 jt;-\n';
    const r = await importFiles(db, [csv('hsu.csv', text)]);
    const cols = r.files[0]!.sheets[0]!.columns;
    expect(cols.find((c) => c.column === 'B')).toMatchObject({ field: 'production_value_idr', why: expect.arrayContaining([{ key: 'map.perMonth' }]) });
    expect(cols.find((c) => c.column === 'C')!.why).not.toContainEqual({ key: 'map.perMonth' });
    expect(db.prepare('SELECT production_value_idr AS p, investment_idr AS i, raw_material_value_idr AS b FROM ikm ORDER BY id').all()).toEqual([
      { p: 54_000_000, i: 25_000_000, b: 12_000_000 },
      { p: 144_000_000, i: 10_000_000, b: 6_000_000 },
      { p: 36_000_000, i: 5_000_000, b: null },
    ]);
    const yearly = await importFiles(db, [csv('hsu2.csv', 'Nama Usaha;Omzet per tahun\nKopi Amuntai;60.000.000\n')]);
    expect(yearly.files[0]!.sheets[0]!.columns.find((c) => c.column === 'B')!.why).not.toContainEqual({ key: 'map.perMonth' });
    expect(db.prepare("SELECT production_value_idr AS p FROM ikm WHERE business_name = 'Kopi Amuntai'").get()).toEqual({ p: 60_000_000 });
    // Named by the user: the same ×12.
    const named = await importFiles(db, [{ ...csv('hsu3.csv', 'Nama Usaha;Hasil Jualan per bulan\nPurun Aida;2.000.000\n'), mapping: { 'Hasil Jualan per bulan': 'production_value_idr' } }]);
    expect(named.files[0]!.sheets[0]!.columns.find((c) => c.column === 'B')).toMatchObject({ source: 'user', why: [{ key: 'map.user' }, { key: 'map.perMonth' }] });
    expect(db.prepare("SELECT production_value_idr AS p FROM ikm WHERE business_name = 'Purun Aida'").get()).toEqual({ p: 24_000_000 });
    db.close();
  });
});

describe('a capacity written with its unit', () => {
  it('"500 kg" is 500 with unit kg (a unit column of its own wins); the values confirm the column', async () => {
    const { db } = tempDb();
    const text = 'Nama Usaha;Kapasitas Produksi / Bulan;Satuan\n' +
      'Kerupuk Haruan;500 kg;\nAmplang Jaya;1,5 ton;\nSasirangan Intan;200 lembar;\nMeubel Ulin;20;set\nGula Aren;300 kg;karung\n';
    const r = await importFiles(db, [csv('banjar.csv', text)]);
    const f = r.files[0]!;
    expect(f.warnings).toEqual([]);
    expect(f.sheets[0]!.columns.find((c) => c.column === 'B')).toMatchObject({ field: 'capacity_value', why: expect.arrayContaining([{ key: 'map.values', params: { n: 5, of: 5 } }]) });
    expect(db.prepare('SELECT business_name, capacity_value, capacity_unit FROM ikm ORDER BY id').all()).toEqual([
      { business_name: 'Kerupuk Haruan', capacity_value: 500, capacity_unit: 'kg' },
      { business_name: 'Amplang Jaya', capacity_value: 1.5, capacity_unit: 'ton' },
      { business_name: 'Sasirangan Intan', capacity_value: 200, capacity_unit: 'lembar' },
      { business_name: 'Meubel Ulin', capacity_value: 20, capacity_unit: 'set' },
      { business_name: 'Gula Aren', capacity_value: 300, capacity_unit: 'karung' },
    ]);
    db.close();
  });
});

describe('placeholders and what Excel destroyed', () => {
  it('NIB 0 / BELUM ADA are empty; 8,12E+12 keeps the business without NIB and warns with the cell; a 12-digit text NIB in a workbook is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('IKM');
    ws.addRow(['Nama Usaha', 'NIB', 'Telp']);
    ws.addRow(['Rotan Jaya', '0', '-']);
    ws.addRow(['Tenun Indah', 'BELUM ADA', 0]);
    ws.addRow(['Madu Hutan', '8,12E+12', '081250001111']);
    ws.addRow(['Kopi Kasongan', '081234567000', '081250001112']); // text, one digit short
    ws.addRow(['Kerupuk Saluang', 812345670009, '081250001113']); // a number cell: the lost zero comes back
    ws.addRow(['Anyaman Purun', '0000000000000', '081250001114']);
    ws.addRow(['Gula Aren', 8.12e12, '081250001115']); // 8,12E+12 typed back into a number cell
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'd.xlsx', data, district: '6209' }]);
    const f = r.files[0]!;
    expect(f.accepted).toBe(6);
    expect(f.refused.map((p) => [p.row, p.column])).toEqual([[5, 'B']]);
    expect(f.warnings).toEqual([
      expect.objectContaining({ sheet: 'IKM', row: 4, column: 'B', reason: expect.stringContaining('8,12E+12') }),
      expect.objectContaining({ sheet: 'IKM', row: 8, column: 'B', key: 'err.nibLost' }),
    ]);
    const nibs = db.prepare('SELECT business_name, nib, phone FROM ikm ORDER BY id').all();
    expect(nibs).toEqual([
      { business_name: 'Rotan Jaya', nib: null, phone: null },
      { business_name: 'Tenun Indah', nib: null, phone: null },
      { business_name: 'Madu Hutan', nib: null, phone: '081250001111' },
      { business_name: 'Kerupuk Saluang', nib: '0812345670009', phone: '081250001113' },
      { business_name: 'Anyaman Purun', nib: null, phone: '081250001114' },
      { business_name: 'Gula Aren', nib: null, phone: '081250001115' },
    ]);
    db.close();
  });

  it('a table whose columns are named but that has no business name says what it found', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [csv('e.csv', 'NIB;Alamat;Telepon\n0812345670001;Jl. A;0812500011\n')], { dryRun: true });
    expect(r.files[0]!.message).toContain('(NIB, Alamat, Telepon)');
    db.close();
  });
});

/**
 * More shapes districts send (test/fixtures, made by make_fixtures.py with openpyxl, LibreOffice
 * and Python's own writers), and the edges of matching, undo, zip bombs, error reports and the
 * CLI entry point.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../electron/cli/import-command';
import { writeErrorReports } from '../../electron/core/import/error-report';
import { importFiles } from '../../electron/core/import/run';
import { undoBatch } from '../../electron/core/import/undo';
import { districtResolver } from '../../electron/core/reference/areas';
import type { IkmRecord } from '../../shared/fields';
import { tempDb, tempDir } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
const file = (name: string, district?: string) => ({ name, path: join(FIX, name), district });
type Db = ReturnType<typeof tempDb>['db'];
const byName = (db: Db, name: string) => db.prepare('SELECT * FROM ikm WHERE business_name = ? AND deleted_at IS NULL').get(name) as IkmRecord | undefined;
const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;
/** Every column of every row the registry shows, except when it was last touched. */
const dump = (db: Db) =>
  db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id').all().map((r) => ({ ...(r as object), updated_at: null }));

describe('more shapes', () => {
  it('parent headers spanning columns, a column-number row, names that look like totals, a formula error', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('gumas_2025_libreoffice.xlsx')]);
    const f = r.files[0]!;
    expect(f).toMatchObject({ status: 'imported', accepted: 3, warnings: [], duplicates: [] });
    expect(f.sheets[0]!.headerRow).toBe(6);
    expect(f.sheets[0]!.columns.filter((c) => c.field).map((c) => `${c.column}:${c.header}=${c.field}`)).toEqual([
      'B:NAMA UNIT USAHA=business_name', 'C:PENANGGUNG JAWAB=owner_name', 'D:ALAMAT / Jalan=address',
      'E:ALAMAT / Desa/Kelurahan=desa', 'F:ALAMAT / Kecamatan=kecamatan', 'G:NO. NIB=nib', 'H:KABUPATEN=district_code',
      'I:JENIS PRODUK=commodity', 'J:NILAI (Rp 000) / Investasi=investment_idr', 'K:NILAI (Rp 000) / Produksi=production_value_idr',
      'L:TENAGA KERJA / L=workers_male', 'M:TENAGA KERJA / P=workers_female', 'N:TAHUN BERDIRI=year_established', 'O:NO. TELP=phone',
    ]);
    // The typo'd district is the only refusal: the (1) (2) … row, JUMLAH, notes and signature are skipped.
    expect(f.refused.map(({ original: _o, ...p }) => p)).toEqual([
      { sheet: 'IKM 2025', row: 11, column: 'H', header: 'KABUPATEN', name: 'Madu Kelulut Sepang', reason: 'Kabupaten/kota "Gunung Mass" tidak dikenal. Pilih dari daftar wilayah Kalimantan.', key: 'err.district', params: { value: 'Gunung Mass' } },
    ]);
    expect(f.refused[0]!.original).toMatchObject({ 'NAMA UNIT USAHA': 'Madu Kelulut Sepang', KABUPATEN: 'Gunung Mass' });
    expect(byName(db, 'Kasih Ibu Bakery')).toMatchObject({
      nib: '0812345670001', district_code: '6211', address: 'Jl. Cilik Riwut No. 3', desa: 'Kuala Kurun', kecamatan: 'Kurun',
      investment_idr: 25_000_000, production_value_idr: 120_000_000, workers_total: 4, year_established: 2016, phone: '081250001111',
    });
    // "(Rp 000)" on the parent applies to both columns under it, formula results included.
    expect(byName(db, 'Total Jaya Rotan')).toMatchObject({ nib: '9120000000501', investment_idr: 40_000_000, production_value_idr: 36_000_000, phone: '085212345678' });
    // A formula whose cached result is #DIV/0! is unknown, not zero and not a refusal.
    expect(byName(db, 'Sentra Tenun Kurun')).toMatchObject({ production_value_idr: null, investment_idr: 15_000_000, year_established: 2019, workers_female: 9 });
    db.close();
  });

  it('CSV with Excel\'s "sep=;" line and UTF-16 "Unicode Text" with tabs', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('pulang_pisau_sep.csv'), file('kapuas_unicode_text.txt')]);
    expect(r.files.map((f) => [f.status, f.accepted, f.refused.length, f.sheets[0]!.headerRow])).toEqual([['imported', 1, 0, 2], ['imported', 1, 0, 1]]);
    expect(byName(db, 'Purun Pulpis Kreasi')).toMatchObject({ district_code: '6210', investment_idr: 3_500_000, year_established: 2014 });
    expect(byName(db, 'Kerupuk Basah Kapuas')).toMatchObject({ owner_name: 'Ibu Élia', district_code: '6203', production_value_idr: 1_500_000, phone: '081234567001' });
    db.close();
  });
});

describe('rows that are not businesses, and businesses that look like they are not', () => {
  it('kecamatan headings group the rows below; totals, notes and signatures are skipped, look-alike names kept', async () => {
    const { db } = tempDb();
    const csv = join(tempDir(), 'kobar.csv');
    writeFileSync(
      csv,
      'DATA IKM KABUPATEN KOTAWARINGIN BARAT\n\nNo;Nama Usaha;Pemilik;Produk;TK\n(1);(2);(3);(4);(5)\n' +
        'I. KECAMATAN ARUT SELATAN;;;;\n1;Kasih Bunda Snack;Ibu Ros;Catatan: keripik;3\n2;Jumlah Rasa Bakery;Pak Edi;Roti;2\n' +
        'II. Kec. Kumai;;;;\n3;Total Ukir Kumai;Pak Anang;Ukiran;4\nJUMLAH;;;;9\n\nCatatan: data sementara;;;;\nPangkalan Bun, 2 Januari 2026;;;;\nKepala Bidang Perindustrian;;;;\nNIP. 19800101 200501 1 002;;;;\n',
    );
    const r = await importFiles(db, [{ name: 'kobar.csv', path: csv, district: '6201' }]);
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 3, refused: [], warnings: [] });
    const rows = db.prepare('SELECT business_name, kecamatan, workers_total FROM ikm ORDER BY id').all();
    expect(rows).toEqual([
      { business_name: 'Kasih Bunda Snack', kecamatan: 'Arut Selatan', workers_total: 3 },
      { business_name: 'Jumlah Rasa Bakery', kecamatan: 'Arut Selatan', workers_total: 2 },
      { business_name: 'Total Ukir Kumai', kecamatan: 'Kumai', workers_total: 4 },
    ]);
    db.close();
  });
});

describe('matching and undo', () => {
  it('a business registered without an NIB that sends one later (nothing else to confirm it) is listed, merged when the user says so; undo restores it', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const a = join(dir, 'bartim_2024.csv');
    const b = join(dir, 'bartim_2025.csv');
    writeFileSync(a, 'Nama Usaha;NIB;Kabupaten;Produk;Nilai Produksi\nAnyaman Purun Tamiang;;Bartim;Tikar purun;10.000.000\nDodol Nanas Layang;;Bartim;Dodol;5.000.000\n');
    writeFileSync(b, 'Nama Usaha;NIB;Kabupaten;Produk;Nilai Produksi\nANYAMAN PURUN  TAMIANG;9120000000777;Barito Timur;Tikar purun;12.000.000\nDodol Nanas Layang;;Bartim;Dodol;5.000.000\n');
    await importFiles(db, [{ name: 'bartim_2024.csv', path: a }]);
    const before = dump(db);
    const audits = count(db, 'SELECT count(*) AS n FROM audit_log');
    // Same name and district, but no owner or address to confirm it: kept apart and listed.
    const preview = await importFiles(db, [{ name: 'bartim_2025.csv', path: b }], { dryRun: true });
    expect(preview.files[0]).toMatchObject({ accepted: 1, updated: 0, unchanged: 1 });
    const pair = preview.files[0]!.duplicates.find((d) => d.kind === 'likely_duplicate')!;
    expect(pair).toMatchObject({ key: 'bartim_2025!2', mergeable: true, match: { business_name: 'Anyaman Purun Tamiang', nib: null } });
    // The user merges the pair: the row updates the registered business.
    const r = await importFiles(db, [{ name: 'bartim_2025.csv', path: b, decisions: { merge: { [pair.key!]: { id: pair.match!.id! } } } }]);
    expect(r.files[0]).toMatchObject({ accepted: 0, updated: 1, unchanged: 1 });
    expect(r.files[0]!.duplicates).toMatchObject([{ key: 'bartim_2025!2', merged: true }]);
    expect(count(db, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(2);
    const purun = db.prepare(`SELECT * FROM ikm WHERE nib = '9120000000777'`).get() as IkmRecord;
    expect(purun).toMatchObject({ business_name: 'ANYAMAN PURUN TAMIANG', production_value_idr: 12_000_000 });
    expect(
      db.prepare('SELECT field, old_value, new_value FROM audit_log WHERE batch_id = ? ORDER BY field').all(r.batchId),
    ).toEqual([
      { field: 'business_name', old_value: 'Anyaman Purun Tamiang', new_value: 'ANYAMAN PURUN TAMIANG' },
      { field: 'nib', old_value: null, new_value: '9120000000777' },
      { field: 'production_value_idr', old_value: '10000000', new_value: '12000000' },
    ]);
    expect(count(db, 'SELECT count(*) AS n FROM audit_log')).toBe(audits + 3);
    const undo = undoBatch(db, r.batchId!);
    expect(undo).toMatchObject({ deleted: 0, reverted: 3, skipped: [] });
    expect(dump(db)).toEqual(before);
    expect(() => undoBatch(db, r.batchId!)).toThrow(/sudah dibatalkan/);
    db.close();
  });

  it('undo of a mixed batch (new and updated records) restores every column of every row', async () => {
    const { db } = tempDb();
    await importFiles(db, [file('kotim_2025_libreoffice.xlsx'), file('lamandau_comma.csv')]);
    const before = dump(db);
    const r = await importFiles(db, [file('kotim_2025_revisi_libreoffice.xlsx'), file('gumas_2025_libreoffice.xlsx')]);
    expect(r.files.map((f) => [f.accepted, f.updated])).toEqual([[1, 2], [3, 0]]);
    expect(dump(db)).not.toEqual(before);
    undoBatch(db, r.batchId!);
    expect(dump(db)).toEqual(before);
    // The batch's own records are kept, marked deleted, so the audit trail stays whole.
    expect(count(db, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NOT NULL')).toBe(4);
    db.close();
  });
});

/** A one-entry zip whose directory claims a tiny sheet while its data inflates far past the limit. */
function lyingZipBomb(): Buffer {
  const entry = (name: string, data: Buffer, claimed: number, method: number, offset: number) => {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(Buffer.byteLength(name), 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(Buffer.byteLength(name), 28);
    central.writeUInt32LE(offset, 42);
    return { local: Buffer.concat([local, Buffer.from(name), data]), central: Buffer.concat([central, Buffer.from(name)]) };
  };
  const small = Buffer.from('<workbook/>');
  // 520 MB of one repeated XML row, deflated (about 1 MB) — read in chunks to keep the test light.
  const row = Buffer.from('<row><c><v>1</v></c></row>');
  const block = Buffer.concat(Array.from({ length: Math.ceil((8 << 20) / row.length) }, () => row));
  const deflated = deflateRawSync(Buffer.concat(Array.from({ length: 65 }, () => block)), { level: 9 });
  const a = entry('xl/workbook.xml', small, small.length, 0, 0);
  const b = entry('xl/worksheets/sheet1.xml', deflated, 4096, 8, a.local.length);
  const dirOffset = a.local.length + b.local.length;
  const directory = Buffer.concat([a.central, b.central]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(2, 8);
  eocd.writeUInt16LE(2, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([a.local, b.local, directory, eocd]);
}

describe('hostile files', () => {
  it('a zip bomb whose headers lie about its size is refused before exceljs reads it', async () => {
    const { db } = tempDb();
    await importFiles(db, [file('lamandau_comma.csv')]);
    const before = db.prepare('SELECT * FROM ikm').all();
    const bomb = lyingZipBomb();
    expect(bomb.length).toBeLessThan(3 << 20);
    const r = await importFiles(db, [{ name: 'bom_berbohong.xlsx', data: bomb, district: '6202' }]);
    expect(r.files[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/terlalu besar/) });
    expect(db.prepare('SELECT * FROM ikm').all()).toEqual(before);
    expect(process.memoryUsage().rss).toBeLessThan(1024 << 20);
    db.close();
  });

  it('an HTML table saved as .xls and a binary file named .csv are refused with what to do', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [
      { name: 'data_ikm.xls', data: Buffer.from('<html><table><tr><td>Nama Usaha</td></tr></table></html>'), district: '6202' },
      { name: 'data.csv', data: Buffer.from([0x00, 0x01, 0x02, 0x00, 0x41]), district: '6202' },
    ]);
    expect(r.files.map((f) => f.status)).toEqual(['refused', 'refused']);
    expect(r.files[0]!.message).toMatch(/Save As.*xlsx/);
    expect(r.files[1]!.message).toMatch(/biner/);
    expect(count(db, 'SELECT count(*) AS n FROM ikm')).toBe(0);
    db.close();
  });
});

describe('error report', () => {
  it('one workbook per district; text a district typed that starts with = + - @ stays text', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const csv = join(dir, 'kotim_bahaya.csv');
    writeFileSync(csv, 'Nama Usaha;NIB;Kabupaten;Alamat\n;;Kotim;=HYPERLINK("http://contoh.invalid","klik")\n@SUM(1+1);;Kotim;+62 Jl. Baru\n-Rotan;12;Kotim;Sampit\n');
    const preview = await importFiles(db, [{ name: 'kotim_bahaya.csv', path: csv }, file('gumas_2025_libreoffice.xlsx')], { dryRun: true });
    const reports = await writeErrorReports(preview.files, districtResolver(db));
    expect(reports.map((x) => x.name)).toEqual(['laporan-kesalahan-kabupaten-kotawaringin-timur.xlsx', 'laporan-kesalahan-kabupaten-gunung-mas.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reports[0]!.data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n >= 5 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows.map((r) => r.slice(1, 4))).toEqual([['kotim_bahaya', 2, 'A'], ['kotim_bahaya', 4, 'B']]);
    expect(rows[0]![4]).toBe('Ditolak');
    expect(String(rows[0]![5])).toMatch(/Nama usaha kosong/);
    // Nothing a district typed became a formula: the cells are text.
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(ws.getCell(5, 12)).toMatchObject({ type: ExcelJS.ValueType.String, value: expect.stringMatching(/^=HYPERLINK/) });
    expect(rows[0]).toContain('=HYPERLINK("http://contoh.invalid","klik")');
    db.close();
  });
});

describe('runImport (the CLI command, called directly)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the JSON report, writes nothing on --dry-run, and is 0 unless a file cannot be read', async () => {
    const dbPath = join(tempDir(), 'cli.db');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    const seruyan = resolve(__dirname, '../fixtures/samples/seruyan_2025.xlsx');
    expect(await runImport([seruyan, join(FIX, 'gumas_2025_libreoffice.xlsx'), '--db', dbPath, '--district', '6208', '--dry-run', '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n')) as { files: Record<string, unknown>[] };
    expect(report.files.map((f) => [f.file, f.status, f.accepted, f.updated])).toEqual([
      ['seruyan_2025.xlsx', 'imported', 28, 0],
      ['gumas_2025_libreoffice.xlsx', 'imported', 3, 0],
    ]);
    expect(report.files[0]!.refused).toEqual([
      { sheet: 'IKM', row: 14, column: 'B', reason: 'Nama usaha kosong.' },
      { sheet: 'IKM', row: 22, column: 'E', reason: expect.stringMatching(/NIB .* tidak valid/) },
    ]);
    const { openDatabase } = await import('../../electron/core/db/open');
    const db = openDatabase(dbPath);
    expect(count(db, 'SELECT count(*) AS n FROM ikm')).toBe(0);
    db.close();
    out.length = 0;
    expect(await runImport([join(FIX, 'rusak.xlsx'), join(FIX, 'lamandau_comma.csv'), '--db', dbPath])).toBe(1);
    expect(out.join('\n')).toMatch(/rusak\.xlsx: DITOLAK — Berkas rusak[\s\S]*lamandau_comma\.csv: diimpor\n {2}baru 2/);
  });
});

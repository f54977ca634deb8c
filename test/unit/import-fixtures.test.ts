/**
 * District submissions of many shapes, written by LibreOffice and openpyxl (test/fixtures,
 * made by make_fixtures.py), plus the bad files that must be refused with the registry untouched.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { undoBatch } from '../../electron/core/import/undo';
import type { IkmRecord } from '../../shared/fields';
import { benchNib, writeDistrictWorkbook } from '../support/district-workbook';
import { cli, tempDb, tempDir } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
const file = (name: string, district?: string) => ({ name, path: join(FIX, name), district });
type Db = ReturnType<typeof tempDb>['db'];
const byName = (db: Db, name: string) => db.prepare('SELECT * FROM ikm WHERE business_name = ? AND deleted_at IS NULL').get(name) as IkmRecord | undefined;
const all = (db: Db) => db.prepare('SELECT * FROM ikm ORDER BY id').all();

describe('shapes districts send', () => {
  it('LibreOffice file: header on row 7, other names, units in thousands/millions, lost zeros, rich text, junk', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('kotim_2025_libreoffice.xlsx')]);
    const f = r.files[0]!;
    expect(f).toMatchObject({ status: 'imported', accepted: 5, updated: 0 });
    expect(f.sheets[0]).toMatchObject({ name: 'Data IKM', headerRow: 7 });
    expect(f.refused.map((x) => [x.row, x.column])).toEqual([[13, 'I'], [14, 'E']]);
    expect(f.refused[0]!.reason).toMatch(/negatif/);
    expect(f.refused[1]!.reason).toMatch(/Kabupaten Bogor/);
    expect(byName(db, 'UD Rotan Mentaya')).toMatchObject({
      nib: '0812345678901', district_code: '6202', kbli: '16291', workers_total: 10,
      investment_idr: 150_000_000, production_value_idr: 1_500_000, year_established: 2012, phone: '081234567890', email: 'rotan@mentaya.id', kecamatan: 'Baamang',
    });
    expect(byName(db, 'Kelompok Tenun Habaring Hurung')).toMatchObject({ nib: '0812345678902', investment_idr: 75_000_000, production_value_idr: 900_000, year_established: 2015, phone: '081350001111' });
    // "1075" typed as text is a KBLI group, not a code: imported empty, with a warning naming the cell.
    expect(byName(db, 'Amplang Sampit Jaya')).toMatchObject({ kbli: null, investment_idr: 200_000_000, year_established: 2018 });
    expect(f.warnings.find((w) => w.row === 10)).toMatchObject({ column: 'H', reason: expect.stringMatching(/KBLI "1075"/) });
    // Empty stays unknown, never zero.
    expect(byName(db, 'Kerupuk Basah Ibu Ani')).toMatchObject({ investment_idr: null, production_value_idr: null, workers_male: 2, year_established: 2019 });
    db.close();
  });

  it('openpyxl workbook with one sheet per kecamatan, a merged two-row header, REKAP and hidden sheets', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('katingan_per_kecamatan_openpyxl.xlsx', '6209')]);
    expect(r.files[0]!.sheets.map((s) => s.name)).toEqual(['Katingan Hilir', 'Tasik Payawan']);
    expect(r.files[0]!.accepted).toBe(4);
    expect(byName(db, 'Data lama jangan diimpor')).toBeUndefined();
    expect(byName(db, 'Tas Rotan Tumbang Lahang')).toMatchObject({
      district_code: '6209', kecamatan: 'Katingan Hilir', workers_male: 2, workers_female: 3, workers_total: 5,
      investment_idr: 12_500_000, production_value_idr: 45_000_000, year_established: 2014,
    });
    expect(byName(db, 'Saluang Goreng Petak Bahandang')).toMatchObject({ investment_idr: 5_000_000, production_value_idr: 1_200_000 });
    db.close();
  });

  it('1904-date workbook and district spellings in a column', async () => {
    const { db } = tempDb();
    await importFiles(db, [file('palangka_raya_1904_openpyxl.xlsx')]);
    expect(byName(db, 'Gula Aren Sebangau')).toMatchObject({ district_code: '6271', year_established: 2005 });
    expect(byName(db, 'Batik Benang Bintik Rahayu')).toMatchObject({ district_code: '6271', year_established: 1999 });
    db.close();
  });

  it('CSV with semicolons, BOM and decimal commas; CSV with commas and quotes', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('barito_utara_semicolon_bom.csv'), file('lamandau_comma.csv')]);
    expect(r.files.map((f) => [f.status, f.accepted, f.refused.length])).toEqual([['imported', 3, 0], ['imported', 2, 0]]);
    expect(byName(db, 'Kopi Liberika; Muara Teweh')).toMatchObject({ district_code: '6205', investment_idr: 1_500_000, production_value_idr: 25_000_000 });
    expect(byName(db, 'Abon Ikan Haruan')).toMatchObject({ investment_idr: 2_500_000, production_value_idr: 12_500_000, year_established: 2015, phone: '081234560002' });
    expect(byName(db, 'Kerajinan Manik Teweh')).toMatchObject({ year_established: 2020, phone: '081234560003', investment_idr: null });
    expect(byName(db, 'Madu Hutan "Bukit Raya"')).toMatchObject({ district_code: '6207', investment_idr: 5_000_000 });
    db.close();
  });

  it('a macro-enabled workbook (.xlsm) saved by LibreOffice', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('lamandau_makro.xlsm')]);
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 2, refused: [] });
    expect(byName(db, 'Sarung Tenun Lamandau')).toMatchObject({ nib: '9120000000401', district_code: '6207', investment_idr: 20_000_000, phone: '081211110001' });
    db.close();
  });

  it('a revised resubmission updates the same businesses (audited), adds the new one, never doubles', async () => {
    const { db } = tempDb();
    await importFiles(db, [file('kotim_2025_libreoffice.xlsx')]);
    const r = await importFiles(db, [file('kotim_2025_revisi_libreoffice.xlsx')]);
    expect(r.files[0]).toMatchObject({ accepted: 1, updated: 2, unchanged: 3 });
    expect((db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(6);
    const rotan = byName(db, 'UD Rotan Mentaya')!;
    expect(rotan.production_value_idr).toBe(2_100_000);
    const audit = db.prepare(`SELECT field, old_value, new_value, batch_id FROM audit_log WHERE ikm_id = ? AND field IS NOT NULL`).all(rotan.id);
    expect(audit).toEqual([{ field: 'production_value_idr', old_value: '1500000', new_value: '2100000', batch_id: r.batchId }]);
    // Undo of the revision restores the first submission exactly.
    const snapshot = (db: Db) => db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id').all().map((x) => ({ ...(x as object), updated_at: 0 }));
    const second = snapshot(db);
    undoBatch(db, r.batchId!);
    const restored = snapshot(db);
    expect(restored).toHaveLength(5);
    expect(byName(db, 'UD Rotan Mentaya')!.production_value_idr).toBe(1_500_000);
    expect(second).not.toEqual(restored);
    db.close();
  });

  it('likely duplicates are listed for review, never merged or skipped silently', async () => {
    const { db } = tempDb();
    await importFiles(db, [file('kotim_2025_libreoffice.xlsx')]);
    const dir = tempDir();
    const csv = join(dir, 'kotim_tambahan.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      csv,
      'Nama Usaha;Pemilik;NIB;Kabupaten;Komoditi\n' +
        'UD Rotan Mentaya;H. Abdul Karim;9120000000555;Kotim;Anyaman rotan\n' + // same name, other NIB
        'Amplang Sampit Jayaa;Rusdi;;Kotim;Amplang ikan\n', // one letter off
    );
    const r = await importFiles(db, [{ name: 'kotim_tambahan.csv', path: csv }]);
    expect(r.files[0]!.accepted).toBe(2);
    expect(r.files[0]!.duplicates.map((d) => [d.row, d.kind])).toEqual([[2, 'same_name_other_nib'], [3, 'similar_name']]);
    db.close();
  });

  it('a large workbook written by exceljs (merged header, Rp text, formulas) imports every row', async () => {
    const { db } = tempDb();
    const path = join(tempDir(), 'seruyan_besar.xlsx');
    await writeDistrictWorkbook(path, { rows: 2000 });
    const r = await importFiles(db, [{ name: 'seruyan_besar.xlsx', path, district: '6208' }]);
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 2000, refused: [] });
    expect(db.prepare('SELECT nib, workers_total, investment_idr FROM ikm WHERE nib = ?').get(benchNib(1999))).toEqual({
      nib: benchNib(1999), workers_total: (1999 % 13) + ((1999 * 7) % 11), investment_idr: (5 + (1999 % 400)) * 1_000_000,
    });
    db.close();
  });
});

describe('bad files', () => {
  const bad: Array<[string, RegExp]> = [
    ['rusak.xlsx', /rusak/],
    ['kosong.xlsx', /kosong/],
    ['dokumen_word.xlsx', /dokumen Word/],
    ['bom_zip.xlsx', /terlalu besar/],
    ['berpassword.xlsx', /kata sandi/],
  ];
  it.each(bad)('%s is refused with a clear message and the registry untouched', async (name, re) => {
    const { db } = tempDb();
    await importFiles(db, [file('kotim_2025_libreoffice.xlsx')]);
    const before = all(db);
    const r = await importFiles(db, [file(name, '6202')]);
    expect(r.files[0]).toMatchObject({ status: 'refused' });
    expect(r.files[0]!.message).toMatch(re);
    expect(all(db)).toEqual(before);
    db.close();
  });

  it('one bad file among good ones does not stop the others; all good rows land in one batch', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [file('rusak.xlsx'), file('lamandau_comma.csv')]);
    expect(r.files.map((f) => f.status)).toEqual(['refused', 'imported']);
    expect((db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(2);
    db.close();
  });
});

describe('command line', () => {

  it('prints the promised JSON, exits 0 for readable files and 1 for unreadable ones', () => {
    const db = join(tempDir(), 'r.db');
    const ok = cli('import', join(FIX, 'kotim_2025_libreoffice.xlsx'), join(FIX, 'lamandau_comma.csv'), '--db', db, '--json');
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { files: Record<string, unknown>[] };
    expect(out.files[0]).toMatchObject({ file: 'kotim_2025_libreoffice.xlsx', status: 'imported', accepted: 5, updated: 0, duplicates: [] });
    expect(out.files[0]!.refused).toEqual([
      { sheet: 'Data IKM', row: 13, column: 'I', reason: 'Nilai tidak boleh negatif.' },
      { sheet: 'Data IKM', row: 14, column: 'E', reason: expect.stringContaining('Kabupaten Bogor') },
    ]);
    const dry = cli('import', join(FIX, 'barito_utara_semicolon_bom.csv'), '--db', db, '--json', '--dry-run');
    expect(JSON.parse(dry.stdout).files[0]).toMatchObject({ accepted: 3 });
    expect(JSON.parse(cli('stats', '--db', db, '--json').stdout).ikm).toBe(7);
    const badFile = cli('import', join(FIX, 'rusak.xlsx'), '--db', db, '--json');
    expect(badFile.status).toBe(1);
    expect(JSON.parse(badFile.stdout).files[0]).toMatchObject({ status: 'refused', message: expect.stringContaining('.xlsx') });
  });
});

describe('a long import', () => {
  it('reports progress, leaves the registry readable meanwhile, and can be cancelled with nothing saved', async () => {
    const { db } = tempDb();
    const { seedDemo } = await import('../../electron/core/seed/demo');
    const { queryPage } = await import('../../electron/core/registry/query');
    seedDemo(db, 100);
    const path = join(tempDir(), 'besar.xlsx');
    await writeDistrictWorkbook(path, { rows: 6000 });
    const controller = new AbortController();
    const seenDuringWrite: number[] = [];
    const phases = new Set<string>();
    const run = importFiles(db, [{ name: 'besar.xlsx', path, district: '6208' }], {
      signal: controller.signal,
      onProgress: (p) => {
        phases.add(p.phase);
        if (p.phase === 'write' && p.done > 0 && p.done < p.total) {
          // The app's own connection still reads the committed registry, not the half-written batch.
          seenDuringWrite.push(queryPage(db, {}, [], 0, 10).total);
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toThrow(/dibatalkan/);
    expect([...phases]).toEqual(['read', 'write']);
    expect(seenDuringWrite).toEqual([100]);
    expect((db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(100);
    expect((db.prepare('SELECT count(*) AS n FROM import_batch').get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe('column mapping corrections', () => {
  it('a remapped column is used, and remembered for the district next time', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    const csv = join(dir, 'gumas.csv');
    // "Merek Dagang" means nothing to the detector; "Keterangan" here holds the owner's name.
    writeFileSync(csv, 'Nama Usaha;Alamat;Keterangan;Produk;Merek Dagang\nRotan Tewah;Jl. Tewah;Pak Sahay;Anyaman rotan;Tewah Craft\n');
    const first = await importFiles(db, [{ name: 'gumas.csv', path: csv, district: '6211', mapping: { Keterangan: 'owner_name', Produk: '' } }]);
    expect(first.files[0]!.sheets[0]!.columns).toEqual([
      { column: 'A', header: 'Nama Usaha', field: 'business_name', confidence: 1, source: 'header', why: [{ key: 'map.header', params: { score: 100 } }] },
      { column: 'B', header: 'Alamat', field: 'address', confidence: 1, source: 'header', why: [{ key: 'map.header', params: { score: 100 } }] },
      { column: 'C', header: 'Keterangan', field: 'owner_name', confidence: 1, source: 'user', why: [{ key: 'map.user' }] },
      { column: 'D', header: 'Produk', field: '' },
      { column: 'E', header: 'Merek Dagang', field: '' },
    ]);
    // The columns left out still hold data: listed, never dropped unseen.
    expect(first.files[0]!.unmapped).toEqual([
      { sheet: 'gumas', column: 'D', header: 'Produk', values: 1, examples: ['Anyaman rotan'] },
      { sheet: 'gumas', column: 'E', header: 'Merek Dagang', values: 1, examples: ['Tewah Craft'] },
    ]);
    expect(byName(db, 'Rotan Tewah')).toMatchObject({ owner_name: 'Pak Sahay', commodity: null, district_code: '6211' });
    // Next year's file from Gunung Mas: no corrections sent, the remembered ones apply.
    writeFileSync(csv, 'Nama Usaha;Alamat;Keterangan;Produk\nManik Kurun;Jl. Kurun;Ibu Ester;Manik-manik\n');
    const again = await importFiles(db, [{ name: 'gumas.csv', path: csv, district: '6211' }]);
    expect(again.files[0]!.sheets[0]!.columns.map((c) => c.field)).toEqual(['business_name', 'address', 'owner_name', '']);
    expect(byName(db, 'Manik Kurun')).toMatchObject({ owner_name: 'Ibu Ester', commodity: null });
    db.close();
  });
});

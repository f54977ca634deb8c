/**
 * A table with a header and no data rows (a template sent back unfilled) is refused for what it
 * is — no data rows, with file, sheet and header row, and what to do, in both languages — not
 * for lacking a district column; a header-only sheet beside a filled one is simply passed over.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { importShipments } from '../../electron/core/shipments/import';
import { importTradeStats } from '../../electron/core/trade/stats';
import { message, type MessageKey } from '../../shared/messages';
import { tempDb, tempDir } from './helpers';

const TEMPLATE = resolve('test/fixtures/hanya_judul_openpyxl.xlsx');
const count = (db: ReturnType<typeof tempDb>['db'], sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('a header-only file', () => {
  it('an IKM template with its rows numbered and nothing else is refused as having no data rows, in Indonesian and English', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'hanya_judul_openpyxl.xlsx', path: TEMPLATE }], { dryRun: true });
    const f = r.files[0]!;
    expect(f.status).toBe('refused');
    expect(f.needsDistrict).toBeUndefined();
    expect(f.message).not.toMatch(/kabupaten\/kota\. /);
    expect(f.message).toBe(
      'Berkas "hanya_judul_openpyxl.xlsx", lembar "Data IKM": tabelnya hanya berisi judul kolom (baris 3), tanpa satu pun baris data. Isi data usahanya di bawah judul kolom lalu simpan, atau minta kabupaten/kota mengirim berkas yang sudah berisi data.',
    );
    expect(f.messageKey).toEqual({ key: 'imp.headerOnly', params: { file: 'hanya_judul_openpyxl.xlsx', sheet: 'Data IKM', row: 3 } });
    expect(message('en', f.messageKey!.key as MessageKey, f.messageKey!.params)).toBe(
      'File "hanya_judul_openpyxl.xlsx", sheet "Data IKM": the table has only its header row (row 3) and not a single data row. Fill in the data below the header and save, or ask the district for the file with its data.',
    );
    // The same with its district chosen: still no data, nothing written.
    const chosen = await importFiles(db, [{ name: 'hanya_judul_openpyxl.xlsx', path: TEMPLATE, district: '6206' }]);
    expect(chosen.files[0]!.messageKey?.key).toBe('imp.headerOnly');
    expect(count(db, 'SELECT count(*) AS n FROM ikm')).toBe(0);
    db.close();
  });

  it('a header-only CSV, and a header-only sheet beside a filled one (which imports)', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const csv = join(dir, 'kosong_katingan.csv');
    writeFileSync(csv, 'Nama Usaha;Pemilik;Kabupaten;Alamat\n;;;\n');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Contoh').addRow(['Nama Usaha', 'Pemilik', 'Kabupaten']);
    const data = wb.addWorksheet('Isian');
    data.addRow(['Nama Usaha', 'Pemilik', 'Kabupaten']);
    data.addRow(['Rotan Jaya', 'Budi', 'Katingan']);
    const two = join(dir, 'dua_lembar.xlsx');
    await wb.xlsx.writeFile(two);
    const r = await importFiles(db, [{ name: 'kosong_katingan.csv', path: csv }, { name: 'dua_lembar.xlsx', path: two }], { dryRun: true });
    expect(r.files[0]).toMatchObject({ status: 'refused', messageKey: { key: 'imp.headerOnly', params: { sheet: 'kosong_katingan', row: 1 } } });
    expect(r.files[1]).toMatchObject({ status: 'imported', accepted: 1 });
    db.close();
  });

  it('a header-only shipments list or BPS table says the same', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const ship = join(dir, 'ekspor_kosong.csv');
    writeFileSync(ship, 'Tanggal;Eksportir;Negara Tujuan;Nilai FOB (US$)\n');
    const s = await importShipments(db, [{ name: 'ekspor_kosong.csv', path: ship }], { dryRun: true });
    expect(s.files[0]).toMatchObject({ status: 'refused', messageKey: { key: 'imp.headerOnly', params: { file: 'ekspor_kosong.csv', row: 1 } } });
    const trade = join(dir, 'neraca_kosong.csv');
    writeFileSync(trade, 'Tahun;Bulan;Nilai Ekspor (US$);Nilai Impor (US$)\n');
    const t = await importTradeStats(db, { name: 'neraca_kosong.csv', path: trade }, { dryRun: true });
    expect(t.files[0]).toMatchObject({ status: 'refused', messageKey: { key: 'imp.headerOnly', params: { file: 'neraca_kosong.csv', row: 1 } } });
    expect(t.files[0]!.message).toMatch(/hanya berisi judul kolom \(baris 1\)/);
    db.close();
  });
});

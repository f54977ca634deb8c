/**
 * A BPS trade table is stored under the province it is of: the one its title names when the user
 * chose none, the one chosen when the title names none; a title naming another province than the
 * one chosen refuses the file (nothing stored under the wrong province). Real .xlsx by openpyxl.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTradeStats, listTradeStats } from '../../electron/core/trade/stats';
import { provinceNamed } from '../../shared/areas';
import { fileMessage, type ImportResult } from '../../shared/import';
import { tempApi, tempDb } from './helpers';

const KALTIM = { name: 'neraca_bps_kaltim_openpyxl.xlsx', path: join(process.cwd(), 'test/fixtures/ekspor/neraca_bps_kaltim_openpyxl.xlsx') };
const csv = (lines: string[]) => ({ name: 'neraca.csv', data: Buffer.from(lines.join('\n') + '\n', 'utf8') });
const PLAIN = csv(['Tahun;Bulan;Ekspor;Impor', '2024;1;100;50', '2024;2;110;60']);
const count = (db: ReturnType<typeof tempDb>['db']) => (db.prepare('SELECT count(*) AS n FROM trade_stat').get() as { n: number }).n;

describe('the province of a BPS table', () => {
  it('names the province by its name or its short form; none, or two, name no one', () => {
    const provinces = [
      { code: '62', name: 'Kalimantan Tengah' },
      { code: '63', name: 'Kalimantan Selatan' },
      { code: '64', name: 'Kalimantan Timur' },
    ];
    expect(provinceNamed(['Nilai Ekspor dan Impor Provinsi Kalimantan Timur, 2024'], provinces)?.code).toBe('64');
    expect(provinceNamed(['EKSPOR KALSEL 2024 (US$)'], provinces)?.code).toBe('63');
    expect(provinceNamed(['PROVINSI KALIMANTAN-TENGAH'], provinces)?.code).toBe('62');
    expect(provinceNamed(['Nilai Ekspor Kalimantan'], provinces)).toBeNull();
    expect(provinceNamed(['Ekspor Kalimantan Timur dan Kalimantan Selatan'], provinces)).toBeNull();
    // Not a word inside another ("kalselindo").
    expect(provinceNamed(['PT Kalselindo'], provinces)).toBeNull();
  });

  it('no province chosen: the one the title names, said so in the report; totals, the average and the notes under it skipped', async () => {
    const { db } = tempDb();
    const r = await importTradeStats(db, KALTIM, { province: null });
    const f = r.files[0]!;
    expect([f.status, f.accepted, f.refused.length, f.warnings.length]).toEqual(['imported', 3, 0, 0]);
    expect(f.provinces).toEqual([{ sheet: 'Tabel 5.2', code: '64', source: 'title' }]);
    expect(listTradeStats(db).map((s) => [s.province_code, s.year, s.month, s.export_usd, s.import_usd])).toEqual([
      ['64', 2024, 1, 1_800_000_000, 250_000_000],
      ['64', 2024, 2, 1_810_000_000, 255_000_000],
      ['64', 2024, 3, 1_820_000_000, 260_000_000],
    ]);
  });

  it('the province chosen is the title\'s: imported; another: the file is refused naming both, nothing written', async () => {
    const { db } = tempDb();
    const same = await importTradeStats(db, KALTIM, { province: '64' });
    expect([same.files[0]!.status, same.files[0]!.accepted]).toEqual(['imported', 3]);
    db.prepare('DELETE FROM trade_stat').run();

    const other = await importTradeStats(db, KALTIM, { province: '62' });
    const f = other.files[0]!;
    expect(f.status).toBe('refused');
    expect(f.messageKey).toEqual({ key: 'imp.trade.otherProvince', params: { title: 'Kalimantan Timur', chosen: 'Kalimantan Tengah' } });
    expect(f.message).toMatch(/^Judul tabel menyebut Provinsi Kalimantan Timur, tetapi yang dipilih Provinsi Kalimantan Tengah\. Tidak ada yang disimpan\. .*pilih Provinsi Kalimantan Timur lalu impor lagi/);
    expect(fileMessage(f, 'en')).toMatch(/^The table's title names Kalimantan Timur Province, but Kalimantan Tengah Province is chosen\. Nothing was saved\./);
    expect(f.provinces).toBeUndefined();
    expect([other.batchId, count(db)]).toEqual([null, 0]);
  });

  it('a table whose title names no province: the one chosen, else the office\'s', async () => {
    const { db } = tempDb();
    const office = await importTradeStats(db, PLAIN);
    expect(office.files[0]!.provinces).toEqual([{ sheet: 'neraca', code: '62', source: 'office' }]);
    const chosen = await importTradeStats(db, PLAIN, { province: '63' });
    expect(chosen.files[0]!.provinces).toEqual([{ sheet: 'neraca', code: '63', source: 'chosen' }]);
    expect(listTradeStats(db).map((s) => s.province_code)).toEqual(['62', '62', '63', '63']);
  });

  it('through the dispatcher as the BPS tab calls it: no province sent is "not chosen"; an unknown one is refused by key', async () => {
    const { call, dispatch, db } = tempApi();
    const { readFileSync } = await import('node:fs');
    const file = { name: KALTIM.name, dataBase64: readFileSync(KALTIM.path).toString('base64') };
    const preview: ImportResult = await call('trade.import', { file, dryRun: true });
    expect(preview.files[0]!.provinces).toEqual([{ sheet: 'Tabel 5.2', code: '64', source: 'title' }]);
    expect(count(db)).toBe(0);
    const refused: ImportResult = await call('trade.import', { file, dryRun: false, province: '61' });
    expect(refused.files[0]!.messageKey?.key).toBe('imp.trade.otherProvince');
    expect(count(db)).toBe(0);
    const bad = await dispatch('trade.import', { file, dryRun: true, province: '99' });
    expect(bad).toMatchObject({ ok: false, error: { key: 'imp.trade.province', params: { code: '99' } } });
  });
});

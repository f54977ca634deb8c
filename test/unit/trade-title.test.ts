/**
 * A BPS monthly table carries its year and its unit in its title ("… Menurut Bulan, 2024 (juta
 * US$)"), not in a column: the year dates every row and the unit scales both columns, and the
 * preview says where the year came from. A real .xlsx by openpyxl (make_export_fixtures.py).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTradeStats, listTradeStats } from '../../electron/core/trade/stats';
import { tempDb } from './helpers';

const MONTHLY = { name: 'neraca_bulanan_kaltim_2024_openpyxl.xlsx', path: join(process.cwd(), 'test/fixtures/ekspor/neraca_bulanan_kaltim_2024_openpyxl.xlsx') };
const csv = (lines: string[]) => ({ name: 'neraca.csv', data: Buffer.from(lines.join('\n') + '\n', 'utf8') });

describe('the title of a BPS table', () => {
  it('gives the year of a table without a year column, and its unit; totals and notes skipped', async () => {
    const { db } = tempDb();
    const r = await importTradeStats(db, MONTHLY, { province: null });
    const f = r.files[0]!;
    expect([f.status, f.accepted, f.refused.length]).toEqual(['imported', 12, 0]);
    expect(f.provinces).toEqual([{ sheet: 'Tabel 8.1', code: '64', source: 'title', year: 2024 }]);
    const stats = listTradeStats(db);
    expect(stats.map((s) => [s.year, s.month])).toEqual(Array.from({ length: 12 }, (_, i) => [2024, i + 1]));
    // 1.800,5 juta US$
    expect([stats[0]!.export_usd, stats[0]!.import_usd]).toEqual([1_800_500_000, 350_250_000]);
    db.close();
  });

  it('a title naming two years names none: the file is refused for want of a year, nothing stored', async () => {
    const { db } = tempDb();
    const r = await importTradeStats(db, csv(['Ekspor Kalimantan Timur 2023-2024', 'Bulan;Ekspor;Impor', 'Januari;100;50', 'Februari;110;60']), { province: null });
    expect(r.files[0]).toMatchObject({ status: 'refused', messageKey: { key: 'imp.trade.noPeriod' } });
    expect(listTradeStats(db)).toEqual([]);
    db.close();
  });

  it('a year column wins over the title', async () => {
    const { db } = tempDb();
    await importTradeStats(db, csv(['Ekspor Kalimantan Timur 2024', 'Tahun;Bulan;Ekspor;Impor', '2023;1;100;50']), { province: null });
    expect(listTradeStats(db).map((s) => [s.year, s.month, s.export_usd])).toEqual([[2023, 1, 100]]);
    db.close();
  });
});

/**
 * Merged data cells in a LibreOffice workbook: the district merged down over its rows and the
 * kecamatan over each group. exceljs reads only the top-left cell; every row must still get both.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { readTables } from '../../electron/core/import/tables';
import { IKM_VOCABULARY } from '../../electron/core/import/header';
import { tempDb } from './helpers';

const FILE = { name: 'barito_sel_tim_merged_libreoffice.xlsx', path: join(process.cwd(), 'test/fixtures/barito_sel_tim_merged_libreoffice.xlsx') };

describe('merged data cells', () => {
  it('every row gets the district and kecamatan of its merged cells (IKM import)', async () => {
    const { db } = tempDb();
    const r = await importFiles(db, [FILE]);
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 6, refused: [] });
    expect(db.prepare('SELECT business_name, district_code, kecamatan FROM ikm ORDER BY id').all()).toEqual([
      { business_name: 'Rotan Buntok Jaya', district_code: '6204', kecamatan: 'Dusun Selatan' },
      { business_name: 'Kerupuk Ikan Buntok', district_code: '6204', kecamatan: 'Dusun Selatan' },
      { business_name: 'Madu Hutan Jenamas', district_code: '6204', kecamatan: 'Jenamas' },
      { business_name: 'Kopi Tamiang', district_code: '6212', kecamatan: 'Dusun Timur' },
      { business_name: 'Dodol Ampah', district_code: '6212', kecamatan: 'Dusun Timur' },
      { business_name: 'Tikar Purun Ampah', district_code: '6212', kecamatan: 'Dusun Timur' },
    ]);
  });

  it('the generic table reader (shipments, trade figures, Go Ekspor lists) fills them too, never the title', async () => {
    const rows: (string | number | boolean | Date | null)[][] = [];
    for await (const table of readTables(FILE, IKM_VOCABULARY)) for await (const row of table.rows) rows.push(row.cells.slice(0, 3));
    expect(rows.map((r) => r[1])).toEqual(['Barito Selatan', 'Barito Selatan', 'Barito Selatan', 'Barito Timur', 'Barito Timur', 'Barito Timur']);
    expect(rows.map((r) => r[2])).toEqual(['Dusun Selatan', 'Dusun Selatan', 'Jenamas', 'Dusun Timur', 'Dusun Timur', 'Dusun Timur']);
  });
});

/**
 * The district's error report, read back with openpyxl (another producer's reader): refused rows
 * and the cells fixed in the wizard (old → new value), numbers as numbers, one file per request.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHandlers } from '../../electron/core/import/handlers';
import { tempDb, tempDir } from './helpers';

const SAMPLES = resolve('test/fixtures/samples');
const b64 = (name: string) => readFileSync(join(SAMPLES, name)).toString('base64');

/** Every cell of the first sheet as [row, column, value, python type]. */
const PY = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps([[c.row, c.column, c.value, type(c.value).__name__, c.number_format] for r in ws.iter_rows() for c in r if c.value is not None]))
`;
type Cell = [number, number, string | number, string, string];
function readBack(dataBase64: string): { rows: Map<number, Map<number, Cell>>; header: string[] } {
  const path = join(tempDir(), 'laporan.xlsx');
  writeFileSync(path, Buffer.from(dataBase64, 'base64'));
  const cells = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY, path], { encoding: 'utf8' })) as Cell[];
  const rows = new Map<number, Map<number, Cell>>();
  for (const c of cells) rows.set(c[0], (rows.get(c[0]) ?? new Map()).set(c[1], c));
  const header = [...(rows.get(4) ?? new Map()).values()].map((c) => String(c[2]));
  return { rows, header };
}

describe('error report', () => {
  it('lists the refused rows and the cells fixed in the wizard, old → new, with numbers as numbers', async () => {
    const { db } = tempDb();
    const files = [
      // Row 22's NIB "81200" fixed in the wizard; row 14 (no business name) stays refused.
      { name: 'seruyan_2025.xlsx', dataBase64: b64('seruyan_2025.xlsx'), district: '6208', fixes: { 'IKM!E22': '6208012345678' } },
      { name: 'murung_raya_2025.xlsx', dataBase64: b64('murung_raya_2025.xlsx'), district: null },
    ];
    const reports = await importHandlers['import.errorReports'](db, { files });
    // Murung Raya has nothing to report: one district, one file.
    expect(reports.map((r) => r.name)).toEqual(['laporan-kesalahan-kabupaten-seruyan.xlsx']);
    const { rows, header } = readBack(reports[0]!.dataBase64);
    expect(header.slice(0, 8)).toEqual(['Berkas', 'Lembar', 'Baris', 'Kolom', 'Status', 'Alasan / perbaikan', 'Nilai di berkas', 'Nilai yang diimpor']);
    const col = (name: string) => header.indexOf(name) + 1;
    const value = (row: number, name: string) => rows.get(row)?.get(col(name));

    // Row 5: the refused row 14; row 6: the fixed row 22 (in sheet order).
    expect(value(5, 'Baris')?.slice(2, 4)).toEqual([14, 'int']);
    expect(value(5, 'Status')?.[2]).toBe('Ditolak');
    expect(value(5, 'Alasan / perbaikan')?.[2]).toMatch(/Nama usaha kosong/);
    expect(value(6, 'Baris')?.slice(2, 4)).toEqual([22, 'int']);
    expect(value(6, 'Kolom')?.[2]).toBe('E');
    expect(value(6, 'Status')?.[2]).toBe('Diperbaiki provinsi');
    expect(value(6, 'Alasan / perbaikan')?.[2]).toBe('Diperbaiki di provinsi sebelum diimpor: "81200" → "6208012345678". Perbaiki juga di berkas Anda.');
    expect(value(6, 'Nilai di berkas')?.[2]).toBe('81200');
    expect(value(6, 'Nilai yang diimpor')?.[2]).toBe('6208012345678');
    expect([...rows.keys()]).toEqual([1, 2, 4, 5, 6]); // title, note, header, the two rows: nothing else

    // The row as written: what was a number in the district's file is a number cell, text stays text.
    const numbers = [...rows.get(5)!.values(), ...rows.get(6)!.values()].filter((c) => c[1] > 8);
    expect(numbers.filter((c) => c[3] === 'int').map((c) => c[2])).toEqual(expect.arrayContaining([10, 11, 1459000000, 2023, 2, 0, 2177000000, 2022]));
    expect(numbers.filter((c) => c[3] === 'str').map((c) => c[2])).toEqual(expect.arrayContaining(['Rp 33.500.000', '089868282880', 'UD Kerupuk Ikan Jaya']));
    db.close();
  });

  it('gives one district report per request, and a file refused whole its own', async () => {
    const { db } = tempDb();
    const files = [
      { name: 'seruyan_2025.xlsx', dataBase64: b64('seruyan_2025.xlsx'), district: '6208' },
      { name: 'rusak.xlsx', dataBase64: readFileSync(resolve('test/fixtures/rusak.xlsx')).toString('base64'), district: null },
    ];
    const all = await importHandlers['import.errorReports'](db, { files });
    expect(all.map((r) => r.name)).toEqual(['laporan-kesalahan-kabupaten-seruyan.xlsx', 'laporan-kesalahan-rusak.xlsx']);
    const one = await importHandlers['import.errorReports'](db, { files, report: 'berkas:rusak.xlsx' });
    expect(one.map((r) => r.name)).toEqual(['laporan-kesalahan-rusak.xlsx']);
    const { rows } = readBack(one[0]!.dataBase64);
    expect(rows.get(5)?.get(5)?.[2]).toBe('Berkas ditolak');
    expect(await importHandlers['import.errorReports'](db, { files, report: '6208' })).toHaveLength(1);
    db.close();
  });
});

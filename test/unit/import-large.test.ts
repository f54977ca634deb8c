/**
 * What makes a large import fast must not change what it writes: the zip handed to exceljs with
 * its workbook and shared strings first, and the audit rows of new records written a run at a
 * time by one statement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/core/import/read-xlsx';
import { importFiles } from '../../electron/core/import/run';
import { undoBatch } from '../../electron/core/import/undo';
import { zipEntries, zipWithFirst } from '../../electron/core/import/zip-guard';
import type { ImportProgress } from '../../shared/import';
import { writeDistrictWorkbook } from '../support/district-workbook';
import { tempDb, tempDir } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
type Db = ReturnType<typeof tempDb>['db'];
const count = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/** The names of a zip's local entries, walked from its first byte as a streaming reader walks them. */
function streamOrder(parts: Buffer[]): string[] {
  const buf = Buffer.concat(parts);
  const sizes = new Map(zipEntries(buf)!.map((e) => [e.name, e.compressed]));
  const names: string[] = [];
  for (let p = 0; p + 4 <= buf.length && buf.readUInt32LE(p) === 0x04034b50; ) {
    const flags = buf.readUInt16LE(p + 6);
    const nameLen = buf.readUInt16LE(p + 26);
    const name = buf.toString('utf8', p + 30, p + 30 + nameLen);
    names.push(name);
    p += 30 + nameLen + buf.readUInt16LE(p + 28) + sizes.get(name)!;
    // A data descriptor (flag bit 3): an optional signature, then CRC and both sizes.
    if (flags & 8) p += buf.readUInt32LE(p) === 0x08074b50 ? 16 : 12;
  }
  return names;
}

describe('the zip as exceljs likes it', () => {
  it('moves the workbook, its relations and the shared strings to the front; every entry stays, whole', async () => {
    // exceljs's own writer puts sizes in data descriptors after the data; LibreOffice and openpyxl do not.
    const byExceljs = join(tempDir(), 'exceljs.xlsx');
    await writeDistrictWorkbook(byExceljs, { rows: 50 });
    for (const path of [byExceljs, ...['gumas_2025_libreoffice.xlsx', 'katingan_per_kecamatan_openpyxl.xlsx', 'lamandau_makro.xlsm'].map((n) => join(FIX, n))]) {
      const buf = readFileSync(path);
      const entries = zipEntries(buf)!;
      const first = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml'].filter((n) => entries.some((e) => e.name === n));
      const parts = zipWithFirst(buf, entries, first);
      expect(parts.every((p) => p.length > 0)).toBe(true);
      expect(Buffer.concat(parts).length).toBe(buf.length);
      const order = streamOrder(parts);
      expect(order.slice(0, first.length)).toEqual(first);
      const rest = [...entries].sort((a, b) => a.offset - b.offset).map((e) => e.name).filter((n) => !first.includes(n));
      expect(order.slice(first.length)).toEqual(rest);
    }
  });

  it('a workbook without shared strings (inline strings) is read from the zip, never parked in temporary files', async () => {
    // exceljs's streaming writer without shared strings writes every text inline: no sharedStrings.xml.
    const path = join(tempDir(), 'inline.xlsx');
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    for (const name of ['Kec A', 'Kec B']) {
      const ws = w.addWorksheet(name);
      ws.addRow(['No', 'Nama Usaha', 'Pemilik', 'Kabupaten']).commit();
      for (let i = 1; i <= 40; i++) ws.addRow([i, `Usaha ${name} ${i}`, `Pemilik ${i}`, 'Kotawaringin Timur']).commit();
      ws.commit();
    }
    await w.commit();
    const buf = readFileSync(path);
    expect(zipEntries(buf)!.some((e) => e.name === 'xl/sharedStrings.xml')).toBe(false);
    // exceljs makes its temporary files in os.tmpdir(), which follows TMPDIR.
    const tmp = tempDir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const names: string[] = [];
      for await (const sheet of readXlsx(buf, zipEntries(buf)!)) for await (const r of sheet.rows) if (r.number > 1) names.push(String(r.cells[1]));
      expect(names).toHaveLength(80);
      expect(names[79]).toBe('Usaha Kec B 40');
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'inline.xlsx', path }]);
    expect(r.files[0]!.accepted).toBe(80);
    db.close();
  });

  it('leaves a zip whose directory points elsewhere than its entries as it is', () => {
    const buf = Buffer.from(readFileSync(join(FIX, 'gumas_2025_libreoffice.xlsx')));
    const entries = zipEntries(buf)!.map((e) => ({ ...e, offset: e.offset + 1 }));
    expect(zipWithFirst(buf, entries, ['xl/workbook.xml'])).toEqual([buf]);
  });
});

describe('a large import', () => {
  const ROWS = 5000;

  async function workbook(opts: { offset?: number; variant?: number } = {}): Promise<string> {
    const path = join(tempDir(), `seruyan_${opts.offset ?? 0}_${opts.variant ?? 0}.xlsx`);
    await writeDistrictWorkbook(path, { rows: ROWS, ...opts });
    return path;
  }

  it('reports its phases in order, the last while it commits; the database is sound after', async () => {
    const { db } = tempDb();
    const phases: ImportProgress['phase'][] = [];
    const r = await importFiles(db, [{ name: 'seruyan.xlsx', path: await workbook(), district: '6208' }], {
      onProgress: (p) => phases.at(-1) !== p.phase && phases.push(p.phase),
    });
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: ROWS });
    expect(phases).toEqual(['read', 'write', 'finish']);
    expect(count(db, 'SELECT count(*) AS n FROM ikm')).toBe(ROWS);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('one audit row per new record, before any change a later file of the same import makes to it; undo restores all', async () => {
    const { db } = tempDb();
    const csv = (text: string) => Buffer.from(text.replace(/\n\s+/g, '\n'));
    const r = await importFiles(db, [
      { name: 'seruyan.xlsx', path: await workbook(), district: '6208' },
      // Registered without an NIB by one file, sent with it (and the same owner) by the next: that
      // record is updated. (The same name alone would be kept apart and listed: match.ts.)
      { name: 'susulan.csv', data: csv('Nama Usaha;Pemilik;NIB;Kabupaten/Kota\n  Kelulut Tanpa Nomor;Siti Aminah;;Seruyan\n  Rotan Baru;Rahmat;;Seruyan'), district: null },
      { name: 'revisi.csv', data: csv('Nama Usaha;Pemilik;NIB;Kabupaten/Kota\n  Kelulut Tanpa Nomor;Siti Aminah;6208000000011;Seruyan'), district: null },
    ]);
    // The third file's row lands on a record this import created: listed as joined to it, not counted as an update.
    expect(r.files.map((f) => [f.status, f.accepted, f.updated])).toEqual([['imported', ROWS, 0], ['imported', 2, 0], ['imported', 0, 0]]);
    expect(r.files[2]!.duplicates.map((d) => [d.kind, d.business_name])).toEqual([['in_file_same', 'Kelulut Tanpa Nomor']]);
    const created = db.prepare(`SELECT ikm_id, new_value FROM audit_log WHERE field IS NULL ORDER BY id`).all() as { ikm_id: number; new_value: string }[];
    expect(created).toHaveLength(ROWS + 2);
    expect(new Set(created.map((c) => c.ikm_id)).size).toBe(ROWS + 2);
    const names = new Map((db.prepare('SELECT id, business_name FROM ikm').all() as { id: number; business_name: string }[]).map((x) => [x.id, x.business_name]));
    expect(created.every((c) => names.get(c.ikm_id) === c.new_value)).toBe(true);
    const id = (db.prepare(`SELECT id FROM ikm WHERE nib = '6208000000011'`).get() as { id: number }).id;
    expect(db.prepare('SELECT action, field, new_value FROM audit_log WHERE ikm_id = ? ORDER BY id').all(id)).toEqual([
      { action: 'import', field: null, new_value: 'Kelulut Tanpa Nomor' },
      { action: 'import', field: 'nib', new_value: '6208000000011' },
    ]);
    undoBatch(db, r.batchId!);
    expect(count(db, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(0);
    db.close();
  });
});

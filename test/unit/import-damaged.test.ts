/**
 * Damaged files are refused whole (never half-imported), unusual but valid packages are read,
 * legacy .xls and .ods go through the same engine. Fixtures: test/fixtures/make_damaged.py
 * (Python's zipfile over the LibreOffice fixture; LibreOffice for the .xls and .ods).
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { CANONICAL_KEYS } from '../../shared/fields';
import { fileMessage } from '../../shared/import';
import { tempDb } from './helpers';

const FIX = resolve(__dirname, '../fixtures');
const file = (name: string, district?: string) => ({ name, path: join(FIX, name), district });
type Db = ReturnType<typeof tempDb>['db'];
const canonical = (db: Db) =>
  (db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY business_name').all() as Record<string, unknown>[]).map((r) => Object.fromEntries(CANONICAL_KEYS.map((k) => [k, r[k] ?? null])));

describe('damaged files are refused whole', () => {
  const cases: Array<[string, RegExp, string, RegExp]> = [
    ['rusak_lembar_terpotong.xlsx', /lembar kerja.*terpotong/, 'imp.truncated.sheet', /worksheet \(xl\/worksheets\/sheet1\.xml\) is cut off/],
    ['rusak_teks_terpotong.xlsx', /sharedStrings.*terpotong/, 'imp.truncated.strings', /sharedStrings.*cut off/],
    ['rusak_crc.xlsx', /CRC/, 'imp.crc', /CRC check/],
    ['rusak_lembar_kembar.xlsx', /dua lembar bernama "DATA IKM"/, 'imp.duplicateSheet', /two sheets are named "DATA IKM"/],
    ['campur_encoding.csv', /dua pengodean huruf.*baris 4/, 'imp.mixedEncoding', /two character encodings.*line 4/],
  ];
  it.each(cases)('%s: refused with what happened and what to do; nothing written', async (name, re, key, en) => {
    const { db } = tempDb();
    const r = await importFiles(db, [file(name, '6202')]);
    expect(r.files[0]).toMatchObject({ status: 'refused', accepted: 0, messageKey: { key } });
    expect(r.files[0]!.message).toMatch(re);
    expect(r.files[0]!.message).not.toMatch(/Error|undefined|XML|at line/);
    // The English UI says it in English (the key and its parameters).
    expect(fileMessage(r.files[0]!, 'en')).toMatch(en);
    expect(r.batchId).toBeNull();
    expect((db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe('other formats and layouts, the same records', () => {
  it('.xls (LibreOffice), .ods (LibreOffice) and a package laid out unusually read as the .xlsx does', async () => {
    const reference = tempDb().db;
    const want = await importFiles(reference, [file('kotim_2025_libreoffice.xlsx')]);
    const rows = canonical(reference);
    expect(rows).toHaveLength(5);
    for (const name of ['kotim_2025_libreoffice.ods', 'tata_letak_lain.xlsx']) {
      const { db } = tempDb();
      const r = await importFiles(db, [file(name)]);
      expect(r.files[0], name).toMatchObject({ status: 'imported', accepted: 5 });
      expect(r.files[0]!.refused.map((p) => [p.row, p.column])).toEqual(want.files[0]!.refused.map((p) => [p.row, p.column]));
      expect(canonical(db), name).toEqual(rows);
      db.close();
    }
    // The legacy .xls was written from an older list of that district (another header, the same rows).
    const { db } = tempDb();
    const xls = await importFiles(db, [file('kotim_lama.xls')]);
    expect(xls.files[0]).toMatchObject({ status: 'imported', accepted: 5 });
    expect(canonical(db).map((r) => r.business_name)).toEqual(rows.map((r) => r.business_name));
    db.close();
    reference.close();
  });
});

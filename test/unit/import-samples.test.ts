/**
 * The two real-shaped district submissions (test/fixtures/samples, a copy of the handed-over
 * ../shared/samples, so a fresh clone has them) must import to exactly their answer key: the 53
 * final records (canonical fields) and the refused rows.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/core/import/run';
import { undoBatch } from '../../electron/core/import/undo';
import { CANONICAL_KEYS } from '../../shared/fields';
import { tempDb } from './helpers';

const SAMPLES = resolve(__dirname, '../fixtures/samples');
const key = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as {
  final: Record<string, unknown>[];
  refused: { file: string; sheet: string; row: number; why: string }[];
  files: { file: string; district: string | null }[];
};
const inputs = () => key.files.map((f) => ({ name: f.file, path: join(SAMPLES, f.file), district: f.district }));
const canonical = (r: Record<string, unknown>) => Object.fromEntries(CANONICAL_KEYS.map((k) => [k, r[k] ?? null]));
const sortKey = (r: Record<string, unknown>) => `${r.district_code}|${r.business_name}|${r.nib}`;
const dump = (db: ReturnType<typeof tempDb>['db']) =>
  (db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL').all() as Record<string, unknown>[]).map(canonical).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

describe('the shared samples', () => {
  it('import to exactly the answer key', async () => {
    const { db } = tempDb();
    const result = await importFiles(db, inputs());
    expect(result.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    expect(dump(db)).toEqual(key.final.map(canonical).sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    const refused = result.files.flatMap((f) => f.refused.map((r) => ({ file: f.file, sheet: r.sheet, row: r.row, reason: r.reason })));
    expect(refused.map(({ file, sheet, row }) => ({ file, sheet, row }))).toEqual(key.refused.map(({ file, sheet, row }) => ({ file, sheet, row })));
    for (const [i, r] of key.refused.entries()) expect(refused[i]!.reason).toMatch(r.why === 'invalid NIB' ? /NIB .* tidak valid/ : /Nama usaha kosong/);
    // The verbatim repeated row in Murung Raya is imported once and listed.
    expect(result.files[1]!.duplicates.filter((d) => d.kind === 'in_file')).toHaveLength(1);
    db.close();
  });

  it('re-importing changes nothing; undo of a batch restores the registry exactly', async () => {
    const { db } = tempDb();
    const first = await importFiles(db, inputs());
    const before = dump(db);
    const audits = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const again = await importFiles(db, inputs());
    expect(again.files.map((f) => [f.accepted, f.updated, f.unchanged])).toEqual([[0, 0, 28], [0, 0, 25]]);
    expect(dump(db)).toEqual(before);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(audits);
    undoBatch(db, first.batchId!);
    expect(dump(db)).toEqual([]);
    db.close();
  });

  it('a dry run writes nothing; a file without a district column is refused with a suggestion', async () => {
    const { db } = tempDb();
    const dry = await importFiles(db, inputs(), { dryRun: true });
    expect(dry.files.map((f) => f.accepted)).toEqual([28, 25]);
    expect(dump(db)).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM import_batch').get() as { n: number }).n).toBe(0);
    const noDistrict = await importFiles(db, [{ name: 'seruyan_2025.xlsx', path: join(SAMPLES, 'seruyan_2025.xlsx') }]);
    expect(noDistrict.files[0]).toMatchObject({ status: 'refused', district: { source: 'missing', suggested: '6208' } });
    expect(noDistrict.files[0]!.message).toContain('--district 6208');
    expect(dump(db)).toEqual([]);
    db.close();
  });
});

describe('fixing refused rows before importing', () => {
  it('a corrected NIB and a typed business name let both Seruyan refusals in', async () => {
    const { db } = tempDb();
    const result = await importFiles(db, [
      { name: 'seruyan_2025.xlsx', path: join(SAMPLES, 'seruyan_2025.xlsx'), district: '6208', fixes: { 'IKM!E22': '0812000123456', 'IKM!B14': 'UMKM Tanpa Nama Dulu' } },
    ]);
    expect(result.files[0]).toMatchObject({ accepted: 30, refused: [] });
    expect(db.prepare(`SELECT nib FROM ikm WHERE business_name = 'UMKM Tanpa Nama Dulu'`).get()).toBeTruthy();
    expect(db.prepare(`SELECT count(*) AS n FROM ikm WHERE nib = '0812000123456'`).get()).toEqual({ n: 1 });
    db.close();
  });
});

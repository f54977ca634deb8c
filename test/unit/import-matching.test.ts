/**
 * The matching rules (electron/core/import/match.ts) through real imports of CSV files: an NIB
 * decides unless name and district both disagree; without one, the same name and district is the
 * same business only when owner or address agree; placeholders are no NIB; an exact repeat is
 * imported once; a revision never overwrites a hand edit unseen; every record knows its row.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportInput } from '../../electron/core/import/run';
import { undoBatch } from '../../electron/core/import/undo';
import { applyChanges } from '../../electron/core/registry/write';
import { importSource } from '../../electron/core/import/provenance';
import { corroboration, decide, namesAgree, realNib } from '../../electron/core/import/match';
import type { IkmRecord } from '../../shared/fields';
import { noteText } from '../../shared/import';
import { openDatabase } from '../../electron/core/db/open';
import { cli, tempDb, tempDir } from './helpers';

const tempDbAt = (path: string) => openDatabase(path);

type Db = ReturnType<typeof tempDb>['db'];
const HEAD = 'Nama Usaha;Pemilik;Alamat;NIB;Kabupaten;Nilai Produksi\n';
const csv = (dir: string, name: string, lines: string[]): ImportInput => {
  const path = join(dir, name);
  writeFileSync(path, HEAD + lines.join('\n') + '\n');
  return { name, path };
};
const all = (db: Db) => db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id').all() as IkmRecord[];

describe('matching rules (unit)', () => {
  const rec = (v: Partial<IkmRecord>) => ({ id: 1, nib: null, business_name: 'X', district_code: '6202', ...v }) as IkmRecord;
  it('placeholders are no NIB; names agree across prefixes and typos, not across different words', () => {
    expect([realNib('0000000000000'), realNib('0'), realNib(' '), realNib('9120000000001')]).toEqual([null, null, null, '9120000000001']);
    expect(namesAgree('CV Rotan Jaya', 'Rotan Jaya')).toBe(true);
    expect(namesAgree('Amplang Sampit Jaya', 'Amplang Sampit Jayaa')).toBe(true);
    expect(namesAgree('Keripik Kelakai Ibu Ani', 'CV Rotan Jaya')).toBe(false);
    expect(corroboration({ owner_name: 'Hj. Siti Aminah' }, { owner_name: 'SITI  AMINAH' })).toBe('owner');
    expect(corroboration({ address: 'Jalan Tjilik Riwut No. 5' }, { address: 'Jl. Tjilik Riwut no 5' })).toBe('address');
    expect(corroboration({ owner_name: 'Rusdi', address: 'Jl. A' }, { owner_name: 'Ahmad', address: 'Jl. B' })).toBe(null);
  });
  it('an NIB decides unless name and district both disagree', () => {
    const byNib = rec({ nib: '9120000000001', business_name: 'CV Rotan Jaya', district_code: '6201' });
    expect(decide({ business_name: 'Rotan Jaya', district_code: '6202' }, '9120000000001', byNib, [])).toMatchObject({ kind: 'same', by: 'nib' });
    expect(decide({ business_name: 'Toko Lain', district_code: '6201' }, '9120000000001', byNib, [])).toMatchObject({ kind: 'same', by: 'nib' });
    expect(decide({ business_name: 'Keripik Kelakai', district_code: '6206' }, '9120000000001', byNib, [])).toMatchObject({ kind: 'nib_conflict' });
  });
});

describe('importing with the matching rules', () => {
  it('same name and district with other owner and address: both kept, the pair listed; with the same owner: one business', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const r = await importFiles(db, [
      csv(dir, 'kotim.csv', [
        'Toko Berkah;Rusdi;Jl. Ahmad Yani 1;;Kotim;1.000.000',
        'Toko Berkah;Siti;Jl. Cilik Riwut 9;;Kotim;2.000.000', // another business of that name
        'Toko Berkah;Rusdi;;;Kotim;3.000.000', // the first again (same owner): one business
      ]),
    ]);
    const f = r.files[0]!;
    expect(f.accepted).toBe(2);
    expect(f.duplicates.map((d) => [d.row, d.kind, d.match?.row])).toEqual([
      [3, 'likely_duplicate', 2],
      [4, 'in_file_same', 2],
    ]);
    expect(f.duplicates[0]).toMatchObject({ mergeable: true, values: { owner_name: 'Siti' }, match: { owner_name: 'Rusdi' } });
    // The later row fills nothing the first had, and says which value it left as it was.
    expect(f.duplicates[1]!.reason).toMatch(/1 nilai yang berbeda dibiarkan seperti baris 2/);
    // Said by keys, so the review reads in the UI language: the same sentences in English.
    expect(f.duplicates.map((d) => d.reason)).toEqual([
      'Nama dan kabupaten/kota sama dengan baris 2 (kotim), tetapi pemilik dan alamat tidak sama. Diimpor terpisah; periksa apakah ini usaha yang sama.',
      'Usaha yang sama dengan baris 2 (kotim) (nama usaha, kabupaten/kota dan pemilik sama); digabung ke satu IKM. 1 nilai yang berbeda dibiarkan seperti baris 2 (kotim).',
    ]);
    expect(f.duplicates.map((d) => noteText(d, 'en'))).toEqual([
      'The same name and district as row 2 (kotim), but another owner and address. Imported apart; check whether it is the same business.',
      'The same business as row 2 (kotim) (same business name, district and owner); merged into one IKM. Values that differ (1) were left as row 2 (kotim) has them.',
    ]);
    expect(f.duplicates[1]!.fields).toEqual(['production_value_idr']);
    expect(all(db).map((x) => [x.owner_name, x.production_value_idr])).toEqual([['Rusdi', 1_000_000], ['Siti', 2_000_000]]);
    db.close();
  });

  it('a pair listed for review is merged when the user says so (audited, undoable)', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const input = csv(dir, 'kotim.csv', ['Toko Berkah;Rusdi;Jl. A 1;;Kotim;1.000.000', 'Toko Berkah;Rusdi Effendi;Jl. A no 1 RT 2;;Kotim;2.000.000']);
    const preview = await importFiles(db, [input], { dryRun: true });
    const pair = preview.files[0]!.duplicates[0]!;
    expect(pair).toMatchObject({ kind: 'likely_duplicate', key: 'kotim!3', match: { sheet: 'kotim', row: 2 } });
    const r = await importFiles(db, [{ ...input, decisions: { merge: { 'kotim!3': { sheet: 'kotim', row: 2 } } } }]);
    expect(r.files[0]).toMatchObject({ accepted: 1 });
    expect(r.files[0]!.duplicates).toMatchObject([{ kind: 'in_file_same', merged: true }]);
    expect(all(db)).toHaveLength(1);
    undoBatch(db, r.batchId!);
    expect(all(db)).toHaveLength(0);
    db.close();
  });

  it('a placeholder NIB never joins different companies, and is not stored', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const r = await importFiles(db, [
      csv(dir, 'kalsel.csv', ['PT Satu;A;Jl. 1;0000000000000;Banjar;', 'PT Dua;B;Jl. 2;0000000000000;Banjar;', 'CV Tiga;C;Jl. 3;0000000000000;Banjar;']),
    ]);
    expect(r.files[0]!.accepted).toBe(3);
    expect(all(db).map((x) => [x.business_name, x.nib])).toEqual([['PT Satu', null], ['PT Dua', null], ['CV Tiga', null]]);
    db.close();
  });

  it('an NIB of another business in another district is a conflict: the registry record is untouched, the row kept apart', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    await importFiles(db, [csv(dir, 'kobar.csv', ['CV Rotan Jaya;Ahmad;Jl. Rotan 1;9120000000555;Kobar;5.000.000'])]);
    const before = all(db);
    const r = await importFiles(db, [csv(dir, 'katingan.csv', ['Keripik Kelakai Ibu Ani;Ani;Jl. Kasongan;9120000000555;Katingan;1.000.000'])]);
    const f = r.files[0]!;
    expect(f).toMatchObject({ accepted: 1, updated: 0 });
    expect(f.duplicates).toMatchObject([{ kind: 'nib_conflict', mergeable: true, match: { id: before[0]!.id, business_name: 'CV Rotan Jaya' } }]);
    const after = all(db);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ business_name: 'Keripik Kelakai Ibu Ani', nib: null });
    // Same NIB, same district, another spelling of the name: the same business.
    const again = await importFiles(db, [csv(dir, 'kobar2.csv', ['Rotan Jaya;Ahmad;Jl. Rotan 1;9120000000555;Kobar;6.000.000'])]);
    expect(again.files[0]).toMatchObject({ accepted: 0, updated: 1 });
    expect(again.files[0]!.changes).toMatchObject([{ by: 'nib', fields: [{ field: 'business_name' }, { field: 'production_value_idr', from: 5_000_000, to: 6_000_000 }] }]);
    db.close();
  });

  it('an exact repeated row is imported once; re-importing the file changes nothing', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const input = csv(dir, 'kotim.csv', ['Amplang Jaya;Rusdi;Jl. 1;;Kotim;1.000.000', 'Amplang Jaya;Rusdi;Jl. 1;;Kotim;1.000.000']);
    const r = await importFiles(db, [input]);
    expect(r.files[0]).toMatchObject({ accepted: 1, duplicates: [{ row: 3, kind: 'in_file', match: { row: 2 } }] });
    const again = await importFiles(db, [input]);
    expect(again.files[0]).toMatchObject({ accepted: 0, updated: 0, unchanged: 1 });
    db.close();
  });
});

describe('a revision against the province’s own edits', () => {
  it('lists per-field changes; a field edited by hand since the last import is a conflict kept unless the file’s value is taken', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    await importFiles(db, [csv(dir, 'kotim_2025.csv', ['Amplang Jaya;Rusdi;Jl. 1;;Kotim;1.000.000'])]);
    const id = all(db)[0]!.id;
    // The province corrects the owner's name by hand.
    expect(applyChanges(db, [{ id, field: 'owner_name', value: 'Rusdi Effendi' }]).ok).toBe(true);
    const revised = csv(dir, 'kotim_2025_revisi.csv', ['Amplang Jaya;Rusdi E.;Jl. 1;;Kotim;1.500.000']);
    const preview = await importFiles(db, [revised], { dryRun: true });
    const change = preview.files[0]!.changes![0]!;
    expect(change).toMatchObject({ key: 'kotim_2025_revisi!2', id, by: 'address' });
    expect(change.fields).toEqual([
      { field: 'owner_name', from: 'Rusdi Effendi', to: 'Rusdi E.', conflict: { at: expect.any(String), os_user: expect.any(String) }, taken: false },
      { field: 'production_value_idr', from: 1_000_000, to: 1_500_000 },
    ]);
    // Committed as previewed: the figure changes, the hand-corrected owner stays.
    await importFiles(db, [revised]);
    expect(all(db)[0]).toMatchObject({ owner_name: 'Rusdi Effendi', production_value_idr: 1_500_000 });
    // The user takes the file's value for that one conflict.
    const revised2 = csv(dir, 'kotim_2025_revisi2.csv', ['Amplang Jaya;Rusdi E.;Jl. 1;;Kotim;1.500.000']);
    const r = await importFiles(db, [{ ...revised2, decisions: { takeFile: ['kotim_2025_revisi2!2:owner_name'] } }]);
    expect(r.files[0]!.changes![0]!.fields).toMatchObject([{ field: 'owner_name', taken: true }]);
    expect(all(db)[0]).toMatchObject({ owner_name: 'Rusdi E.' });
    db.close();
  });

  it('the CLI shows the conflict in its JSON and takes the file’s values with --take-file', () => {
    const { db, path } = tempDb();
    db.close();
    const dir = tempDir();
    const first = csv(dir, 'a.csv', ['Amplang Jaya;Rusdi;Jl. 1;;Kotim;1.000.000']);
    expect(cli('import', first.path!, '--db', path).status).toBe(0);
    const db2 = tempDbAt(path);
    applyChanges(db2, [{ id: all(db2)[0]!.id, field: 'production_value_idr', value: 1_200_000 }]);
    db2.close();
    const second = csv(dir, 'b.csv', ['Amplang Jaya;Rusdi;Jl. 1;;Kotim;2.000.000']);
    const out = cli('import', second.path!, '--db', path, '--json', '--dry-run');
    const json = JSON.parse(out.stdout) as { files: { changes: { fields: { field: string; conflict?: unknown; taken?: boolean }[] }[] }[] };
    expect(json.files[0]!.changes[0]!.fields).toMatchObject([{ field: 'production_value_idr', taken: false }]);
    expect(json.files[0]!.changes[0]!.fields[0]!.conflict).toBeTruthy();
    expect(cli('import', second.path!, '--db', path, '--take-file').status).toBe(0);
    const db3 = tempDbAt(path);
    expect(all(db3)[0]!.production_value_idr).toBe(2_000_000);
    db3.close();
  });
});

describe('provenance', () => {
  it('each record created or changed knows its file, sheet, row and batch; undo falls back to the earlier one', async () => {
    const { db } = tempDb();
    const dir = tempDir();
    const a = await importFiles(db, [csv(dir, 'kotim_2025.csv', ['Amplang Jaya;Rusdi;Jl. 1;;Kotim;1.000.000', 'Rotan Indah;Ani;Jl. 2;;Kotim;'])]);
    const [amplang, rotan] = all(db);
    expect(importSource(db, rotan!.id)).toMatchObject({ file: 'kotim_2025.csv', sheet: 'kotim_2025', row: 3, batch_id: a.batchId });
    const b = await importFiles(db, [csv(dir, 'kotim_revisi.csv', ['Rotan Indah;Ani;Jl. 2;;Kotim;', 'Amplang Jaya;Rusdi;Jl. 1;;Kotim;2.000.000'])]);
    expect(importSource(db, amplang!.id)).toMatchObject({ file: 'kotim_revisi.csv', row: 3, batch_id: b.batchId });
    // Unchanged by the revision: still from the first file.
    expect(importSource(db, rotan!.id)).toMatchObject({ file: 'kotim_2025.csv' });
    undoBatch(db, b.batchId!);
    expect(importSource(db, amplang!.id)).toMatchObject({ file: 'kotim_2025.csv', row: 2 });
    db.close();
  });
});

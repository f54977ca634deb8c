/**
 * Issue 13, data level: every write without an audit table of its own (trade figures, letterhead
 * and signer, settings, Go Ekspor limits, saved mappings) leaves a change_log row with the OS
 * user, old and new value; settings.set takes only known keys with their own schema; trade
 * figures carry their province and a report never prints one province's under another's name.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { osUser } from '../../electron/core/registry/write';
import { previewReport } from '../../electron/core/reports/service';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempApi, tempDb } from './helpers';
import Database from 'better-sqlite3';

function setup() {
  const { db, path, dispatch, call } = tempApi();
  const log = (entity: string) => db.prepare(`SELECT key, action, old_value, new_value, os_user FROM change_log WHERE entity = ? ORDER BY id`).all(entity);
  return { db, path, dispatch, call, log };
}

describe('change_log: audit of trade figures, letterhead, settings, limits, mappings', () => {
  it('trade.set, trade.delete and trade.import each leave rows with old and new value and the OS user', async () => {
    const { call, log } = setup();
    await call('trade.set', { province_code: '61', year: 2024, month: 0, export_usd: 100, import_usd: 50, source: 'Diketik' });
    await call('trade.set', { province_code: '61', year: 2024, month: 0, export_usd: 120, import_usd: 50, source: 'Diketik' });
    await call('trade.delete', { province_code: '61', year: 2024, month: 0 });
    const csv = Buffer.from('Tahun;Ekspor;Impor\n2022;10;5\n2023;11;6\n');
    await call('trade.import', { file: { name: 'bps.csv', dataBase64: csv.toString('base64') }, dryRun: false, province: '61' });
    const rows = log('trade_stat');
    expect(rows).toEqual([
      { key: '61/2024/0', action: 'create', old_value: null, new_value: '{"export_usd":100,"import_usd":50,"source":"Diketik"}', os_user: osUser() },
      { key: '61/2024/0', action: 'update', old_value: '{"export_usd":100,"import_usd":50,"source":"Diketik"}', new_value: '{"export_usd":120,"import_usd":50,"source":"Diketik"}', os_user: osUser() },
      { key: '61/2024/0', action: 'delete', old_value: '{"export_usd":120,"import_usd":50,"source":"Diketik"}', new_value: null, os_user: osUser() },
      { key: '61/2022/0', action: 'import', old_value: null, new_value: '{"export_usd":10,"import_usd":5,"source":"bps.csv"}', os_user: osUser() },
      { key: '61/2023/0', action: 'import', old_value: null, new_value: '{"export_usd":11,"import_usd":6,"source":"bps.csv"}', os_user: osUser() },
    ]);
  });

  it('the letterhead, the signer and NIP are logged field by field; Go Ekspor limits and UI settings too', async () => {
    const { call, log } = setup();
    const lh = (await call('reports.letterhead', {})) as Record<string, unknown>;
    await call('reports.setLetterhead', { ...lh, signer: 'Dr. Ir. SITI RAHMAH', nip: '19751231 200003 2 002' });
    await call('reports.setLetterhead', { ...lh, signer: 'BUDI SANTOSO', nip: '19751231 200003 2 002' });
    await call('goekspor.setStuckMonths', { months: { halal: 9 } });
    await call('settings.set', { key: 'ui.lang', value: 'en' });
    const rows = log('setting') as { key: string; action: string; old_value: string | null; new_value: string | null }[];
    expect(rows.find((r) => r.key === 'report.letterhead' && r.action === 'create')).toBeTruthy();
    expect(rows.filter((r) => r.key === 'report.letterhead.signer')).toEqual([
      expect.objectContaining({ old_value: '"Dr. Ir. SITI RAHMAH"', new_value: '"BUDI SANTOSO"' }),
    ]);
    expect(rows.filter((r) => r.key === 'report.letterhead.nip')).toHaveLength(0); // unchanged the second time
    expect(rows.find((r) => r.key === 'goekspor.stuckMonths')).toMatchObject({ action: 'create', new_value: '{"halal":9}' });
    expect(rows.find((r) => r.key === 'ui.lang')).toMatchObject({ action: 'create', new_value: '"en"' });
  });
});

describe('settings.set: known keys only, each with its own schema', () => {
  it('refuses an unknown key, an import mapping, the Go Ekspor limits, a wrong shape — and writes nothing', async () => {
    const { dispatch, db } = setup();
    const refused = [
      { key: 'import.mapping.umum', value: { 'NAMA USAHA': 'nib' } },
      { key: 'goekspor.stuckMonths', value: { halal: 100000 } },
      { key: 'report.letterhead', value: { signer: 'x' } },
      { key: 'ui.lang', value: 'fr' },
      { key: 'registry.columns', value: { order: ['nib'], hidden: [], widths: { nib: 'wide' } } },
      { key: 'registry.columns', value: { order: ['; DROP'], hidden: [], widths: {} } },
      { key: 'shipments.widths', value: [1, 2, 3] },
      { key: 'anything', value: 1 },
    ];
    for (const a of refused) expect(await dispatch('settings.set', a), a.key).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(db.prepare(`SELECT count(*) AS n FROM settings WHERE key NOT LIKE 'reference.%'`).get()).toEqual({ n: 0 });
    expect(await dispatch('settings.set', { key: 'registry.columns', value: { order: ['nib', 'business_name'], hidden: ['email'], widths: { address: 300 } } })).toMatchObject({ ok: true });
    expect(await dispatch('settings.set', { key: 'shipments.widths', value: { fob_usd: 140 } })).toMatchObject({ ok: true });
  });
});

describe('trade figures carry their province', () => {
  it("Kalimantan Tengah's figures never print under Kalimantan Barat; without a province, the one recorded is named", async () => {
    const { call, db } = setup();
    await call('trade.set', { province_code: '62', year: 2024, month: 0, export_usd: 2_000_000, import_usd: 500_000, source: 'BPS' });
    const kalbar = previewReport(db, 'neraca-perdagangan', { province: '61' });
    expect(kalbar.rows).toEqual([]);
    expect(kalbar.notes[0]).toMatch(/Belum ada angka BPS yang dicatat untuk Provinsi Kalimantan Barat/);
    const kalteng = previewReport(db, 'neraca-perdagangan', { province: '62' });
    expect(kalteng.rows).toHaveLength(1);
    expect(kalteng.subtitle).toMatch(/^Provinsi Kalimantan Tengah/);
    // A district's report uses its province's figures.
    expect(previewReport(db, 'neraca-perdagangan', { district: '6102' }).rows).toEqual([]);
    expect(previewReport(db, 'neraca-perdagangan', {}).subtitle).toMatch(/^Provinsi Kalimantan Tengah/);
    await call('trade.set', { province_code: '61', year: 2024, month: 0, export_usd: 9, import_usd: 1, source: 'BPS' });
    const both = previewReport(db, 'neraca-perdagangan', {});
    expect(both.rows).toEqual([]);
    expect(both.notes[0]).toMatch(/2 provinsi .*pilih provinsinya/);
    expect(previewReport(db, 'neraca-perdagangan', { province: '61' }).rows[0]).toMatchObject({ export_usd: 9 });
    expect(((await call('trade.list', { province: '61' })) as unknown[]).length).toBe(1);
  });

  it("migration 6 gives existing figures the letterhead's province (else Kalimantan Tengah)", () => {
    const { db, path } = tempDb();
    db.close();
    // Rebuild the file as schema 5 had it: the old trade_stat without a province, and a letterhead of Kalimantan Barat.
    const raw = new Database(path);
    const v6 = MIGRATIONS.find((m) => m.version === 6)!;
    raw.exec(`DROP TABLE change_log; DROP TABLE demo_range; DROP TABLE trade_stat;
      CREATE TABLE trade_stat (year INTEGER NOT NULL, month INTEGER NOT NULL, export_usd REAL, import_usd REAL, source TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (year, month)) WITHOUT ROWID;
      INSERT INTO trade_stat VALUES (2023, 0, 5, 1, 'BPS', '2024-01-01');
      INSERT INTO settings VALUES ('report.letterhead', '{"government":"PEMERINTAH PROVINSI KALIMANTAN BARAT"}');
      DELETE FROM schema_migrations WHERE version = ${v6.version};`);
    raw.close();
    const db2 = openDatabase(path);
    expect(db2.prepare('SELECT province_code, year, export_usd FROM trade_stat').all()).toEqual([{ province_code: '61', year: 2023, export_usd: 5 }]);
    db2.close();
  });
});

/**
 * withImportBatch (electron/core/import/batch.ts), through each of the four importers on a real
 * registry file: a write that fails halfway leaves the database exactly as it was, a dry run
 * writes nothing, a real import writes its batch row (with its backup) and audit rows naming it,
 * the history lists every kind, and undo puts the data back. Migration 8 keeps every batch.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checksum, openDatabase, type DB } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { importGoEkspor } from '../../electron/core/goekspor/import';
import { saveActivity, setParticipant } from '../../electron/core/goekspor/store';
import { importFiles } from '../../electron/core/import/run';
import { listBatches, undoBatch } from '../../electron/core/import/undo';
import { applyChanges, createRecord } from '../../electron/core/registry/write';
import { importShipments } from '../../electron/core/shipments/import';
import { applyShipmentChanges, shipmentSource } from '../../electron/core/shipments/write';
import { importTradeStats, setTradeStat } from '../../electron/core/trade/stats';
import type { ImportResult } from '../../shared/import';
import type { IkmRecord } from '../../shared/fields';
import { tempDb, tempDir } from './helpers';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

/** Every row of every table, in a stable order: "exactly unchanged" means this is equal. */
function dump(db: DB): Record<string, string[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}
const count = (db: DB, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

interface Kind {
  kind: 'ikm' | 'shipment' | 'trade' | 'goekspor';
  /** The data the user sees, to compare after an undo (audit rows and soft-deleted rows aside). */
  visible(db: DB): unknown;
  /** A trigger that fails the third data row, after two were written. */
  failing: string;
  run(db: DB, dryRun: boolean): Promise<ImportResult>;
  /** Audit rows the batch wrote. */
  audited(db: DB, batchId: number): number;
}

function setup() {
  const { db, path } = tempDb();
  const sari = createRecord(db, { business_name: 'Keripik Kelakai Ibu Sari', nib: '9120001000001', district_code: '6202' }) as IkmRecord;
  const rotan = createRecord(db, { business_name: 'Rotan Jaya Abadi', nib: '9120001000002', district_code: '6202' }) as IkmRecord;
  const madu = createRecord(db, { business_name: 'Madu Kelulut Lestari', nib: '9120001000003', district_code: '6203' }) as IkmRecord;
  const activity = saveActivity(db, { kind: 'pelatihan', title: 'Pelatihan kemasan', date: '2025-10-01' });
  // Something for each import to change, not only to add.
  setParticipant(db, { activity_id: activity.id, ikm_id: sari.id, attended: false });
  setTradeStat(db, { province_code: '62', year: 2024, month: 1, export_usd: 5, import_usd: 5, source: null });
  const kinds: Kind[] = [
    {
      kind: 'ikm',
      // Every value (updated_at aside: the undo is a change of its own).
      visible: (d) => (d.prepare(`SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id`).all() as Record<string, unknown>[]).map(({ updated_at: _, ...r }) => r),
      failing: `CREATE TRIGGER fail_mid BEFORE INSERT ON ikm WHEN NEW.business_name = 'Usaha Ketiga' BEGIN SELECT RAISE(ABORT, 'gagal menulis'); END`,
      run: (d, dryRun) =>
        importFiles(
          d,
          [
            {
              name: 'kotim.csv',
              data: csv(['Nama Usaha;NIB;Pemilik;Alamat', 'Usaha Pertama;9120001000011;Ani;Jl. A 1', 'Rotan Jaya Abadi;9120001000002;Budi Baru;Jl. B 2', 'Usaha Ketiga;9120001000013;Citra;Jl. C 3', 'Usaha Keempat;9120001000014;Dedi;Jl. D 4']),
              district: '6202',
            },
          ],
          { dryRun },
        ),
      audited: (d, id) => count(d, `SELECT count(*) AS n FROM audit_log WHERE batch_id = ?`, id),
    },
    {
      kind: 'shipment',
      visible: (d) => d.prepare(`SELECT * FROM shipment WHERE deleted_at IS NULL ORDER BY id`).all(),
      failing: `CREATE TRIGGER fail_mid BEFORE INSERT ON shipment WHEN NEW.exporter_name = 'CV Ketiga' BEGIN SELECT RAISE(ABORT, 'gagal menulis'); END`,
      run: (d, dryRun) =>
        importShipments(
          d,
          [
            {
              name: 'ekspor.csv',
              data: csv([
                'Tanggal;Eksportir;Kabupaten/Kota;Negara Tujuan;Kode HS;Nilai FOB (USD)',
                '2025-03-01;CV Pertama;6202;Malaysia;46021200;1000',
                '2025-03-02;CV Kedua;6202;Singapura;46021200;2000',
                '2025-03-03;CV Ketiga;6202;Jepang;46021200;3000',
                '2025-03-04;CV Keempat;6202;Malaysia;46021200;4000',
              ]),
            },
          ],
          { dryRun },
        ),
      audited: (d, id) => count(d, `SELECT count(*) AS n FROM shipment_audit WHERE batch_id = ?`, id),
    },
    {
      kind: 'trade',
      visible: (d) => d.prepare(`SELECT province_code, year, month, export_usd, import_usd, source FROM trade_stat ORDER BY province_code, year, month`).all(),
      failing: `CREATE TRIGGER fail_mid BEFORE INSERT ON trade_stat WHEN NEW.month = 3 BEGIN SELECT RAISE(ABORT, 'gagal menulis'); END`,
      run: (d, dryRun) => importTradeStats(d, { name: 'bps.csv', data: csv(['Tahun;Bulan;Ekspor;Impor', '2024;1;100;50', '2024;2;110;60', '2024;3;120;70', '2024;4;130;80']) }, { dryRun, province: '62' }),
      audited: (d, id) => count(d, `SELECT count(*) AS n FROM change_log WHERE batch_id = ?`, id),
    },
    {
      kind: 'goekspor',
      visible: (d) => ({
        participants: d.prepare(`SELECT * FROM ge_participant ORDER BY activity_id, ikm_id`).all(),
        board: d.prepare(`SELECT ikm_id, stage FROM ge_stage ORDER BY ikm_id`).all(),
      }),
      failing: `CREATE TRIGGER fail_mid BEFORE INSERT ON ge_participant WHEN NEW.ikm_id = ${madu.id} BEGIN SELECT RAISE(ABORT, 'gagal menulis'); END`,
      run: (d, dryRun) =>
        importGoEkspor(
          d,
          { name: 'peserta.csv', data: csv(['Nama Usaha;NIB;Kabupaten/Kota;Hadir', 'Keripik Kelakai Ibu Sari;9120001000001;6202;hadir', 'Rotan Jaya Abadi;9120001000002;6202;hadir', 'Madu Kelulut Lestari;9120001000003;6203;tidak']) },
          { kind: 'participants', activityId: activity.id, dryRun },
        ),
      audited: (d, id) => count(d, `SELECT count(*) AS n FROM ge_audit WHERE batch_id = ?`, id),
    },
  ];
  return { db, path, kinds, rotan };
}

describe('every import is one batch: all or nothing, previewed by the same path, audited, undoable', () => {
  for (const kind of ['ikm', 'shipment', 'trade', 'goekspor'] as const) {
    it(`${kind}: a write failing halfway leaves the database exactly unchanged`, async () => {
      const { db, kinds } = setup();
      const k = kinds.find((x) => x.kind === kind)!;
      db.exec(k.failing);
      const before = dump(db);
      await expect(k.run(db, false)).rejects.toThrow(/gagal menulis/);
      expect(dump(db)).toEqual(before);
      // The preview takes the same path: it fails the same way, and also leaves nothing.
      await expect(k.run(db, true)).rejects.toThrow(/gagal menulis/);
      expect(dump(db)).toEqual(before);
      db.exec('DROP TRIGGER fail_mid');
      db.close();
    });

    it(`${kind}: a dry run writes nothing and reports what the import will do`, async () => {
      const { db, kinds } = setup();
      const k = kinds.find((x) => x.kind === kind)!;
      const before = dump(db);
      const preview = await k.run(db, true);
      expect(preview).toMatchObject({ dryRun: true, batchId: null, backupPath: null });
      const f = preview.files[0]!;
      expect(f.status).toBe('imported');
      expect(f.accepted + f.updated).toBeGreaterThan(0);
      expect(dump(db)).toEqual(before);
      // The real import then does what the preview said.
      const real = await k.run(db, false);
      const g = real.files[0]!;
      expect([g.accepted, g.updated, g.unchanged, g.refused.length]).toEqual([f.accepted, f.updated, f.unchanged, f.refused.length]);
      db.close();
    });

    it(`${kind}: a real import writes its batch row, its backup and audit rows naming it; undo puts the data back`, async () => {
      const { db, kinds } = setup();
      const k = kinds.find((x) => x.kind === kind)!;
      const visible = JSON.stringify(k.visible(db));
      const r = await k.run(db, false);
      const f = r.files[0]!;
      expect(r.batchId).toEqual(expect.any(Number));
      const batch = db.prepare(`SELECT * FROM import_batch WHERE id = ?`).get(r.batchId) as Record<string, unknown>;
      expect(batch).toMatchObject({ kind, inserted: f.accepted, updated: f.updated, unchanged: f.unchanged, refused: f.refused.length, undone_at: null });
      expect(JSON.parse(String(batch.files))).toEqual([f.file]);
      expect(batch.backup_path).toBe(r.backupPath);
      expect(existsSync(String(r.backupPath))).toBe(true);
      expect(k.audited(db, r.batchId!)).toBeGreaterThanOrEqual(f.accepted + f.updated);
      expect(JSON.stringify(k.visible(db))).not.toBe(visible);
      expect(listBatches(db).map((b) => [b.id, b.kind])).toContainEqual([r.batchId, kind]);

      const undone = undoBatch(db, r.batchId!);
      expect(undone.deleted + undone.reverted).toBeGreaterThan(0);
      expect(undone.skipped).toEqual([]);
      expect(JSON.stringify(k.visible(db))).toBe(visible);
      expect(listBatches(db).find((b) => b.id === r.batchId)!.undone_at).not.toBeNull();
      expect(() => undoBatch(db, r.batchId!)).toThrow(/sudah dibatalkan/);
      db.close();
    });
  }

  it('undo leaves a value changed by hand after the import, and says so', async () => {
    const { db, kinds, rotan } = setup();
    const r = await kinds.find((x) => x.kind === 'ikm')!.run(db, false);
    applyChanges(db, [{ id: rotan.id, field: 'owner_name', value: 'Diubah Tangan' }]);
    const undone = undoBatch(db, r.batchId!);
    expect(undone.skipped).toEqual([expect.objectContaining({ ikm_id: rotan.id, field: 'owner_name' })]);
    expect((db.prepare(`SELECT owner_name FROM ikm WHERE id = ?`).get(rotan.id) as { owner_name: string }).owner_name).toBe('Diubah Tangan');
    db.close();
  });

  it('shipments: undoing a revision puts the old value back, and leaves a value edited by hand since', async () => {
    const { db } = setup();
    const file = (fob: number, product: string) => [
      {
        name: 'ekspor.csv',
        data: csv(['No PEB;Tanggal;Eksportir;Kabupaten/Kota;Negara Tujuan;Kode HS;Produk;Nilai FOB (USD)', `000123;2025-03-01;CV Pertama;6202;Malaysia;46021200;${product};${fob}`]),
      },
    ];
    await importShipments(db, file(1000, 'Tikar'), {});
    const revision = await importShipments(db, file(1500, 'Tas'), {});
    expect(revision.files[0]).toMatchObject({ accepted: 0, updated: 1 });
    const { id } = db.prepare(`SELECT id FROM shipment`).get() as { id: number };
    // Each row knows where it came from (the detail panel's "asal").
    expect(shipmentSource(db, id)).toMatchObject({ batch_id: revision.batchId, file: 'ekspor.csv', row: 2 });
    applyShipmentChanges(db, [{ id, field: 'product', value: 'Tas rotan' }]);
    const undone = undoBatch(db, revision.batchId!);
    expect(undone).toMatchObject({ reverted: 1, skipped: [{ record: `pengapalan ${id}`, field: 'product' }] });
    expect(db.prepare(`SELECT fob_usd, product FROM shipment WHERE id = ?`).get(id)).toEqual({ fob_usd: 1000, product: 'Tas rotan' });
    db.close();
  });

  it('refused rows carry their message key, parameters, sheet, row, column and business name', async () => {
    const { db } = setup();
    const r = await importShipments(db, [{ name: 'ekspor.csv', data: csv(['Tanggal;Eksportir;Kabupaten/Kota;Negara Tujuan', '2025-03-01;CV Tanpa Negara;6202;', '2025-03-02;CV Jauh;6202;Atlantis']) }], { dryRun: true });
    expect(r.files[0]!.refused).toEqual([
      expect.objectContaining({ sheet: expect.any(String), row: 2, column: 'D', header: 'Negara Tujuan', name: 'CV Tanpa Negara', key: 'imp.ship.noCountry', reason: 'Negara tujuan kosong.' }),
      expect.objectContaining({ row: 3, column: 'D', name: 'CV Jauh', key: 'err.country', params: { value: 'Atlantis' } }),
    ]);
    db.close();
  });
});

describe('migration 8 (import batches of every kind)', () => {
  it('keeps every batch of a version-7 registry, and the shipments that name them', () => {
    const path = join(tempDir(), 'lama.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    old.transaction(() => {
      for (const m of MIGRATIONS.filter((x) => x.version <= 7)) {
        old.exec(m.sql);
        old.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`).run(m.version, m.name, checksum(m), '2026-01-01T00:00:00.000Z');
      }
      old.pragma(`application_id = ${0x504b494d}`);
      const batch = old.prepare(`INSERT INTO import_batch (id, kind, at, os_user, files, inserted, updated, unchanged, refused, backup_path, undone_at) VALUES (?, ?, '2026-01-01', 'ana', '[]', 1, 0, 0, 0, NULL, ?)`);
      batch.run(1, 'ikm', null);
      batch.run(2, 'shipment', '2026-02-01');
      batch.run(3, 'trade', null);
      old.prepare(
        `INSERT INTO shipment (date, exporter_name, country_code, identity, batch_id, created_at, updated_at) VALUES ('2025-01-01', 'CV Lama', 'MY', 'x', 2, '2026-01-01', '2026-01-01')`,
      ).run();
    })();
    old.close();

    const db = openDatabase(path);
    expect(db.prepare(`SELECT id, kind, undone_at FROM import_batch ORDER BY id`).all()).toEqual([
      { id: 1, kind: 'ikm', undone_at: null },
      { id: 2, kind: 'shipment', undone_at: '2026-02-01' },
      { id: 3, kind: 'trade', undone_at: null },
    ]);
    expect(db.prepare(`SELECT batch_id FROM shipment`).all()).toEqual([{ batch_id: 2 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The references still hold: a shipment may not name a batch that does not exist.
    expect(() =>
      db.prepare(`INSERT INTO shipment (date, exporter_name, country_code, identity, batch_id, created_at, updated_at) VALUES ('2025-01-02', 'CV Baru', 'MY', 'y', 99, 'a', 'a')`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO import_batch (kind, at, os_user, files, inserted, updated, unchanged, refused) VALUES ('goekspor', 'a', 'ana', '[]', 0, 0, 0, 0)`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM pragma_table_info('ge_audit') WHERE name = 'batch_id'`).get()).toEqual({ n: 1 });
    db.close();
  });
});

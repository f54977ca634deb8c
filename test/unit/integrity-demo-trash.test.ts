/**
 * Issue 13: demo data only into an empty registry, "Hapus data contoh" removes exactly what the
 * demo made (with audit rows), and Sampah lists deleted records with who and when and restores them.
 */
import { describe, expect, it } from 'vitest';
import { osUser } from '../../electron/core/registry/write';
import { tempApi } from './helpers';

function setup() {
  const { db, dispatch, call } = tempApi();
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return { db, dispatch, call, n };
}

describe('demo data', () => {
  it('is refused into a registry holding real data, with a message saying what it holds', async () => {
    const { dispatch, call, n } = setup();
    await call('ikm.create', { values: { business_name: 'UD Rotan Asli', district_code: '6209' } });
    const r = await dispatch('demo.seed', { rows: 50 });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/registri yang kosong.*1 data IKM/) } });
    expect(n('SELECT count(*) AS n FROM ikm')).toBe(1);
    expect(n('SELECT count(*) AS n FROM ge_certificate')).toBe(0);
  });

  it('"Hapus data contoh" removes exactly the demo: its IKM, shipments, Go Ekspor rows and trade figures, each audited; real data stays', async () => {
    const { call, n, db } = setup();
    await call('demo.seed', { rows: 200 });
    expect(((await call('app.info', {})) as { demoCount: number }).demoCount).toBe(200);
    // Real work done afterwards: a new IKM, one typed trade figure over a demo one, one of another province.
    const real = (await call('ikm.create', { values: { business_name: 'UD Rotan Asli', district_code: '6209' } })) as { id: number };
    const demoYear = (db.prepare(`SELECT year FROM trade_stat WHERE month = 0 ORDER BY year LIMIT 1`).get() as { year: number }).year;
    await call('trade.set', { province_code: '62', year: demoYear, month: 0, export_usd: 1, import_usd: 1, source: 'Diketik' });
    await call('trade.set', { province_code: '61', year: 2020, month: 0, export_usd: 5, import_usd: 2, source: 'BPS' });
    const shipmentsBefore = n('SELECT count(*) AS n FROM shipment WHERE deleted_at IS NULL');
    const trade = n('SELECT count(*) AS n FROM trade_stat');
    const removed = (await call('demo.remove', {})) as { ikm: number; shipments: number; trade: number; goEkspor: number };
    expect(removed).toMatchObject({ ikm: 200, shipments: shipmentsBefore, trade: trade - 2 });
    expect(removed.goEkspor).toBeGreaterThan(20);
    expect(n('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(1);
    expect(db.prepare('SELECT id FROM ikm WHERE deleted_at IS NULL').get()).toEqual({ id: real.id });
    expect(n('SELECT count(*) AS n FROM shipment WHERE deleted_at IS NULL')).toBe(0);
    expect(n('SELECT count(*) AS n FROM ge_certificate WHERE deleted_at IS NULL')).toBe(0);
    expect(n('SELECT count(*) AS n FROM ge_featured WHERE deleted_at IS NULL')).toBe(0);
    expect(n('SELECT count(*) AS n FROM trade_stat')).toBe(2);
    // Every removal has its audit row.
    expect(n(`SELECT count(*) AS n FROM audit_log WHERE action = 'delete'`)).toBe(200);
    expect(n(`SELECT count(*) AS n FROM shipment_audit WHERE action = 'delete'`)).toBe(shipmentsBefore);
    expect(n(`SELECT count(*) AS n FROM change_log WHERE entity = 'trade_stat' AND action = 'delete'`)).toBe(trade - 2);
    expect(n(`SELECT count(*) AS n FROM ge_audit WHERE action = 'delete'`)).toBe(removed.goEkspor);
    expect(((await call('app.info', {})) as { demoCount: number; deletedCount: number })).toMatchObject({ demoCount: 0, deletedCount: 0 });
    // Removed demo rows are not the office's: Sampah does not list them.
    expect(((await call('trash.list', { kind: 'ikm', offset: 0, limit: 10 })) as { total: number }).total).toBe(0);
  });
});

describe('Sampah (recycle bin)', () => {
  it('lists deleted IKM and shipments with who and when, restores them with audit rows, and says why one cannot come back', async () => {
    const { call, n } = setup();
    const a = (await call('ikm.create', { values: { business_name: 'UD Satu', district_code: '6209', nib: '1234567890123' } })) as { id: number };
    const b = (await call('ikm.create', { values: { business_name: 'UD Dua', district_code: '6209' } })) as { id: number };
    await call('ikm.delete', { ids: [a.id, b.id] });
    const list = (await call('trash.list', { kind: 'ikm', offset: 0, limit: 10 })) as { rows: { id: number; label: string; deleted_by: string; deleted_at: string }[]; total: number };
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.label).sort()).toEqual(['UD Dua', 'UD Satu']);
    expect(list.rows[0]).toMatchObject({ deleted_by: osUser(), deleted_at: expect.stringMatching(/^\d{4}-/) });
    expect(((await call('trash.list', { kind: 'ikm', search: 'satu', offset: 0, limit: 10 })) as { total: number }).total).toBe(1);
    expect(((await call('app.info', {})) as { deletedCount: number }).deletedCount).toBe(2);
    // Another record took UD Satu's NIB meanwhile: it cannot come back, and the reason says so.
    await call('ikm.create', { values: { business_name: 'UD Baru', district_code: '6209', nib: '1234567890123' } });
    const r = (await call('trash.restore', { kind: 'ikm', ids: [a.id, b.id] })) as { restored: number; skipped: { id: number; reason: string }[] };
    expect(r.restored).toBe(1);
    expect(r.skipped).toEqual([{ id: a.id, reason: expect.stringMatching(/NIB/) }]);
    expect(n(`SELECT count(*) AS n FROM audit_log WHERE action = 'restore' AND ikm_id = ${b.id}`)).toBe(1);

    const s = (await call('shipments.create', { district: '6209' })) as { id: number };
    await call('shipments.delete', { ids: [s.id] });
    const ships = (await call('trash.list', { kind: 'shipment', offset: 0, limit: 10 })) as { rows: { id: number; label: string }[] };
    expect(ships.rows).toEqual([expect.objectContaining({ id: s.id, label: 'Eksportir baru' })]);
    expect(await call('trash.restore', { kind: 'shipment', ids: [s.id] })).toEqual({ restored: 1, skipped: [] });
    expect(n(`SELECT count(*) AS n FROM shipment_audit WHERE action = 'restore'`)).toBe(1);
  });
});

/** The first-run demo fills every screen: registry, shipments, trade figures, Go Ekspor with its warnings. */
import { describe, expect, it } from 'vitest';
import { listCertificates } from '../../electron/core/goekspor/store';
import { seedDemoWorld } from '../../electron/core/seed/world';
import { tempDb } from './helpers';

describe('demo world', () => {
  it('seeds IKM, shipments by registered exporters, trade figures and a Go Ekspor program', () => {
    const { db } = tempDb();
    seedDemoWorld(db, 600);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM ikm')).toBe(600);
    expect(count('SELECT count(*) AS n FROM shipment')).toBe(300);
    expect(count('SELECT count(*) AS n FROM shipment WHERE ikm_id IS NULL')).toBe(0);
    expect(count(`SELECT count(*) AS n FROM shipment WHERE date > date('now', '+1 day')`)).toBe(0);
    expect(count('SELECT count(*) AS n FROM trade_stat WHERE month = 0')).toBe(8);
    const flagged = listCertificates(db, { flagged: true });
    expect(flagged.some((c) => c.type === 'halal' && c.flags.includes('stuck'))).toBe(true);
    expect(flagged.some((c) => c.flags.includes('expiring'))).toBe(true);
  });
});

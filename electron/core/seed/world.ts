/**
 * Everything a first look at the app needs: demo IKM, their export shipments, BPS-like trade
 * figures and a Go Ekspor program — only into an empty registry, so real businesses never carry
 * fake certificates or shipments. The ids it made are kept in demo_range, and "Hapus data contoh"
 * removes exactly those (audited, like every delete).
 */
import type { DB } from '../db/open';
import { logChange } from '../audit/change-log';
import { deleteActivity, deleteCertificate, deleteDecree, invalid, removeFeatured } from '../goekspor/store';
import { RegistryWriter } from '../registry/write';
import { markChanged } from '../registry/generation';
import { ShipmentWriter } from '../shipments/write';
import { deleteTradeStat } from '../trade/stats';
import { seedDemo } from './demo';
import { seedGoEksporDemo } from './demo-goekspor';
import { DEMO_TRADE_SOURCE, seedShipmentsDemo, seedTradeDemo } from './demo-trade';

const RANGES = [
  ['ikm', 'ikm'],
  ['shipment', 'shipment'],
  ['ge_decree', 'ge_decree'],
  ['ge_featured', 'ge_featured'],
  ['ge_certificate', 'ge_certificate'],
  ['ge_activity', 'ge_activity'],
] as const;

const maxId = (db: DB, table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;

/** What the registry already holds that demo data would mix with; empty = nothing. */
export function registryContents(db: DB): string[] {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const held: [number, string][] = [
    [n(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL`), 'data IKM'],
    [n(`SELECT count(*) AS n FROM shipment WHERE deleted_at IS NULL`), 'pengapalan'],
    [n(`SELECT count(*) AS n FROM trade_stat`), 'angka neraca BPS'],
    [n(`SELECT (SELECT count(*) FROM ge_decree WHERE deleted_at IS NULL) + (SELECT count(*) FROM ge_activity WHERE deleted_at IS NULL) AS n`), 'catatan Go Ekspor'],
  ];
  return held.filter(([c]) => c > 0).map(([c, what]) => `${c.toLocaleString('id-ID')} ${what}`);
}

export function seedDemoWorld(db: DB, ikm: number, shipments = Math.ceil(ikm / 2)): { inserted: number } {
  const held = registryContents(db);
  if (held.length > 0)
    invalid(`Data contoh hanya dapat dimuat ke registri yang kosong; registri ini sudah berisi ${held.join(', ')}. Buat basis data baru untuk mencoba aplikasi.`);
  const before = Object.fromEntries(RANGES.map(([entity, table]) => [entity, maxId(db, table)]));
  seedDemo(db, ikm);
  if (shipments > 0) {
    seedShipmentsDemo(db, shipments);
    seedTradeDemo(db);
    seedGoEksporDemo(db);
  }
  const at = new Date().toISOString();
  db.transaction(() => {
    const put = db.prepare(`INSERT INTO demo_range (entity, first_id, last_id, at) VALUES (?, ?, ?, ?)
      ON CONFLICT(entity) DO UPDATE SET first_id = excluded.first_id, last_id = excluded.last_id, at = excluded.at, removed_at = NULL`);
    for (const [entity, table] of RANGES) {
      const last = maxId(db, table);
      if (last > before[entity]!) put.run(entity, before[entity]! + 1, last, at);
    }
    logChange(db, { entity: 'demo', key: 'seed', action: 'create', new: { ikm, shipments } });
  })();
  return { inserted: ikm };
}

export interface DemoRemoval {
  ikm: number;
  shipments: number;
  trade: number;
  /** Go Ekspor records deleted (decrees, featured products, certificates, activities). */
  goEkspor: number;
}

/** The demo's records still in the registry (active), 0 when none. */
export function demoCount(db: DB): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM ikm i JOIN demo_range d ON d.entity = 'ikm' AND d.removed_at IS NULL AND i.id BETWEEN d.first_id AND d.last_id WHERE i.deleted_at IS NULL`,
      )
      .get() as { n: number }
  ).n;
}

/**
 * "Hapus data contoh": deletes exactly what the demo made — its IKM, shipments, Go Ekspor decrees,
 * featured products, certificates and activities, and the trade figures that still carry the
 * demo's source (a figure typed or imported over one is the office's and stays) — each with its
 * audit row. All or nothing.
 */
export function removeDemo(db: DB): DemoRemoval {
  const out: DemoRemoval = { ikm: 0, shipments: 0, trade: 0, goEkspor: 0 };
  db.transaction(() => {
    const ranges = db.prepare(`SELECT entity, first_id, last_id FROM demo_range WHERE removed_at IS NULL`).all() as { entity: string; first_id: number; last_id: number }[];
    const ids = (entity: string, table: string) => {
      const r = ranges.find((x) => x.entity === entity);
      return r ? (db.prepare(`SELECT id FROM ${table} WHERE id BETWEEN ? AND ? AND deleted_at IS NULL ORDER BY id`).all(r.first_id, r.last_id) as { id: number }[]).map((x) => x.id) : [];
    };
    // Go Ekspor first (its lists join the registry), then shipments, then the IKM themselves.
    const geDeletes = () => (db.prepare(`SELECT count(*) AS n FROM ge_audit WHERE action = 'delete'`).get() as { n: number }).n;
    const geBefore = geDeletes();
    for (const id of ids('ge_decree', 'ge_decree')) deleteDecree(db, id); // its featured products go with it
    for (const id of ids('ge_featured', 'ge_featured')) removeFeatured(db, id);
    for (const id of ids('ge_certificate', 'ge_certificate')) deleteCertificate(db, id);
    for (const id of ids('ge_activity', 'ge_activity')) deleteActivity(db, id);
    out.goEkspor = geDeletes() - geBefore;
    const sw = new ShipmentWriter(db);
    for (const id of ids('shipment', 'shipment')) if (sw.softDelete(id)) out.shipments++;
    const rw = new RegistryWriter(db);
    for (const id of ids('ikm', 'ikm')) if (rw.softDelete(id)) out.ikm++;
    const trade = db.prepare(`SELECT province_code, year, month FROM trade_stat WHERE source = ?`).all(DEMO_TRADE_SOURCE) as { province_code: string; year: number; month: number }[];
    for (const t of trade) deleteTradeStat(db, t.year, t.month, t.province_code);
    out.trade = trade.length;
    db.prepare(`UPDATE demo_range SET removed_at = ? WHERE removed_at IS NULL`).run(new Date().toISOString());
    logChange(db, { entity: 'demo', key: 'remove', action: 'delete', old: out });
  })();
  markChanged(db);
  return out;
}

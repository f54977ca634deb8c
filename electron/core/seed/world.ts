/** Everything a first look at the app needs: demo IKM, their export shipments, BPS-like trade figures and a Go Ekspor program. */
import type { DB } from '../db/open';
import { seedDemo } from './demo';
import { seedGoEksporDemo } from './demo-goekspor';
import { seedShipmentsDemo, seedTradeDemo } from './demo-trade';

export function seedDemoWorld(db: DB, ikm: number, shipments = Math.ceil(ikm / 2)): { inserted: number } {
  seedDemo(db, ikm);
  if (shipments > 0) {
    seedShipmentsDemo(db, shipments);
    seedTradeDemo(db);
    seedGoEksporDemo(db);
  }
  return { inserted: ikm };
}

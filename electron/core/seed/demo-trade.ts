/**
 * Demo export shipments (by IKM of the registry, to the countries Kalimantan really ships to) and
 * BPS-like yearly trade figures, for the first run, the screenshots and the benchmarks.
 * Deterministic, like the IKM demo.
 */
import type { ShipmentValues } from '../../../shared/shipments';
import type { DB } from '../db/open';
import { markChanged } from '../registry/generation';
import { ShipmentWriter } from '../shipments/write';
import { prng } from './demo';

const GOODS: Array<[string, string, string]> = [
  ['Anyaman rotan', '46021200', 'pcs'], ['Tas rotan', '46021200', 'pcs'], ['Keripik kelakai', '20089990', 'kg'],
  ['Keripik bayam', '20089990', 'kg'], ['Kerupuk ikan saluang', '19059080', 'kg'], ['Madu kelulut', '04090000', 'kg'],
  ['Teh bawang Dayak', '21069099', 'kg'], ['Kopi liberika', '09011190', 'kg'], ['Tenun ikat Dayak', '58063290', 'lembar'],
  ['Kain sasirangan', '52085900', 'lembar'], ['Ukiran kayu ulin', '44201900', 'pcs'], ['Gula aren', '17029099', 'kg'],
];
/** Destinations weighted as Kalimantan's small exporters report them. */
const COUNTRIES = ['MY', 'MY', 'MY', 'SG', 'SG', 'CN', 'JP', 'JP', 'TH', 'IN', 'KR', 'KE', 'AE', 'US', 'NL', 'AU'];
const PORTS = ['Kariangau, Balikpapan', 'Sampit', 'Kumai', 'Trisakti, Banjarmasin', 'Dwikora, Pontianak', 'Samarinda'];
const FORMS: Record<string, string> = { MY: 'Form D', SG: 'Form D', TH: 'Form D', CN: 'Form E', JP: 'Form IJEPA', IN: 'Form AI', KR: 'Form AK', AU: 'Form AANZ' };

export function seedShipmentsDemo(db: DB, rows: number, seed = 46): number {
  const exporters = db.prepare(`SELECT id, nib, business_name, district_code FROM ikm WHERE deleted_at IS NULL AND nib IS NOT NULL ORDER BY id LIMIT 2000`).all() as {
    id: number; nib: string; business_name: string; district_code: string;
  }[];
  if (exporters.length === 0) return 0;
  const start = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM shipment').get() as { n: number }).n;
  const rnd = prng(seed + start);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const writer = new ShipmentWriter(db);
  const today = new Date().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const e = exporters[Math.floor(rnd() * Math.min(exporters.length, 300))]!;
      const [product, hs, unit] = pick(GOODS);
      const country = pick(COUNTRIES);
      const year = thisYear - 4 + Math.floor(rnd() * 5);
      const drawn = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const date = drawn > today ? `${year - 1}${drawn.slice(4)}` : drawn; // no shipment in the future
      const weight = Math.round(200 + rnd() * 8000);
      const v: ShipmentValues = {
        date, exporter_nib: e.nib, exporter_name: e.business_name, district_code: e.district_code, product, hs_code: hs,
        country_code: country, quantity: unit === 'kg' ? weight : Math.round(weight / 2), unit, net_weight_kg: weight,
        fob_usd: Math.round(weight * (2 + rnd() * 18) * 100) / 100, port: pick(PORTS),
        peb_number: String(300000 + start + i).padStart(6, '0'), peb_date: date, coo_form: FORMS[country] ?? null,
      };
      writer.insert(v, e.id);
    }
  });
  for (let from = 0; from < rows; from += 10_000) chunk(from, Math.min(rows, from + 10_000));
  markChanged(db);
  return rows;
}

/** The source the demo's trade figures carry: how "Hapus data contoh" knows them (a typed or imported figure replaces it). */
export const DEMO_TRADE_SOURCE = 'Contoh (bukan data BPS)';

/** Yearly export/import of a Kalimantan province (US$), the last eight years, the current one by month. */
export function seedTradeDemo(db: DB, province = '62'): number {
  const thisYear = new Date().getFullYear();
  const rnd = prng(7);
  const upsert = db.prepare(`INSERT INTO trade_stat (province_code, year, month, export_usd, import_usd, source, updated_at) VALUES (?, ?, ?, ?, ?, '${DEMO_TRADE_SOURCE}', ?)
    ON CONFLICT(province_code, year, month) DO NOTHING`);
  const at = new Date().toISOString();
  let n = 0;
  db.transaction(() => {
    let ex = 1.9e9;
    let im = 0.35e9;
    for (let y = thisYear - 8; y < thisYear; y++) {
      ex *= 0.9 + rnd() * 0.3;
      im *= 0.85 + rnd() * 0.4;
      n += upsert.run(province, y, 0, Math.round(ex), Math.round(im), at).changes;
    }
    for (let m = 1; m <= new Date().getMonth(); m++) n += upsert.run(province, thisYear, m, Math.round((ex / 12) * (0.8 + rnd() * 0.4)), Math.round((im / 12) * (0.8 + rnd() * 0.4)), at).changes;
  })();
  markChanged(db);
  return n;
}

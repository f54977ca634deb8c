/**
 * Realistic demo IKM across the Kalimantan districts, for a first run and for benchmarks.
 * Deterministic (seeded PRNG), so two runs with the same N give the same registry.
 */
import type { IkmValues } from '../../../shared/fields';
import type { DB } from '../db/open';
import { loadAreas } from '../reference/areas';
import { RegistryWriter } from '../registry/write';

const PRODUCTS: Array<[string, string]> = [
  ['Kerupuk ikan saluang', '10750'], ['Amplang ikan pipih', '10750'], ['Keripik bayam', '10793'],
  ['Keripik kelakai', '10793'], ['Keripik pisang', '10313'], ['Anyaman rotan', '16291'],
  ['Tas rotan', '16291'], ['Keranjang anjat', '16291'], ['Tenun ikat Dayak', '13121'],
  ['Kain sasirangan', '13134'], ['Madu kelulut', '10799'], ['Gula aren', '10721'],
  ['Kopi liberika', '10761'], ['Teh bawang Dayak', '10763'], ['Kerajinan manik-manik', '32909'],
  ['Ukiran kayu ulin', '16299'], ['Ikan asin', '10221'], ['Dodol kandangan', '10792'],
  ['Minyak kelapa', '10422'], ['Batu permata Martapura', '32112'], ['Abon ikan haruan', '10750'],
  ['Sabun herbal', '20231'], ['Mebel kayu', '31001'], ['Roti dan kue basah', '10710'],
];
const PREFIXES = ['UD', 'CV', 'IKM', 'Kelompok', 'Toko', 'Dapur', 'Rumah Produksi', 'UMKM', 'PT', 'Koperasi', 'BUMDes'];
const WORDS = ['Berkah', 'Mandiri', 'Sejahtera', 'Isen Mulang', 'Huma Betang', 'Bungai', 'Maju Jaya', 'Barokah',
  'Makmur', 'Lestari', 'Harapan', 'Kahayan', 'Barito', 'Mahakam', 'Kapuas', 'Borneo', 'Tambun', 'Sumber Rezeki',
  'Indah', 'Utama', 'Sinar', 'Cahaya', 'Pelangi', 'Tjilik Riwut'];
const FIRST = ['Ahmad', 'Siti', 'Yohanes', 'Maria', 'Rahmat', 'Nur', 'Agus', 'Dewi', 'Markus', 'Yuliana', 'Budi',
  'Fitri', 'Hendra', 'Rina', 'Samuel', 'Aisyah', 'Daniel', 'Wahyuni', 'Ilham', 'Sri', 'Muhammad', 'Lestari'];
const LAST = ['Hidayat', 'Saputra', 'Nahan', 'Salim', 'Ilun', 'Fauzi', 'Hamidah', 'Rahman', 'Tarigan', 'Ngabut',
  'Usop', 'Sahay', 'Wijaya', 'Anggraini', 'Pratama', 'Kusuma', 'Baco', 'Jelau', 'Dirun', 'Marsidi'];
const STREETS = ['Jl. Tjilik Riwut', 'Jl. Yos Sudarso', 'Jl. RTA Milono', 'Jl. Temanggung Tilung', 'Jl. Pangeran Antasari',
  'Jl. Ahmad Yani', 'Jl. Sudirman', 'Jl. Kinibalu', 'Jl. Diponegoro', 'Jl. Lambung Mangkurat', 'Jl. Mulawarman'];
const FORMS = ['perseorangan', 'perseorangan', 'perseorangan', 'cv', 'pt', 'koperasi', 'bumdes', 'ud'];

/** mulberry32: tiny, fast, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoRecord(i: number, districtCodes: string[], rnd: () => number): IkmValues {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const [product, kbli] = pick(PRODUCTS);
  const big = rnd() < 0.05;
  const male = Math.floor(rnd() * 15) + (big ? 12 : 0);
  const female = Math.floor(rnd() * 15) + (big ? 12 : 0);
  const investment = Math.round((big ? 1_000 + rnd() * 20_000 : 5 + rnd() * 900) * 500) * 1000;
  return {
    // (i * 7919 + offset) mod 10^12 is a permutation, so demo NIBs never collide.
    nib: rnd() < 0.75 ? `9${String((i * 7919 + 120_000_000_017) % 1e12).padStart(12, '0')}` : null,
    business_name: `${pick(PREFIXES)} ${product.split(' ')[0]} ${pick(WORDS)} ${i + 1}`,
    owner_name: `${pick(FIRST)} ${pick(LAST)}`,
    district_code: pick(districtCodes),
    address: `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 200)}`,
    commodity: product,
    kbli,
    workers_male: male,
    workers_female: female,
    workers_total: male + female,
    investment_idr: investment,
    production_value_idr: Math.round(investment * (0.5 + rnd() * 6) / 1000) * 1000,
    year_established: 1985 + Math.floor(rnd() * 40),
    phone: `08${String(1100000000 + Math.floor(rnd() * 8899999999)).slice(0, 10)}`,
    kecamatan: null,
    desa: null,
    email: null,
    business_form: pick(FORMS),
    capacity_value: Math.round(rnd() * 5000),
    capacity_unit: pick(['kg/bulan', 'pcs/bulan', 'liter/bulan', 'lembar/bulan']),
    raw_material_value_idr: Math.round(investment * rnd() * 0.8 / 1000) * 1000,
  };
}

/** Adds N demo records in transactions of 10,000 (one per chunk keeps memory flat at 1M rows). */
export function seedDemo(db: DB, rows: number, seed = 62): number {
  const districtCodes = loadAreas(db).districts.map((d) => d.code);
  const start = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM ikm').get() as { n: number }).n;
  const rnd = prng(seed + start);
  const writer = new RegistryWriter(db);
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) writer.insert(demoRecord(start + i, districtCodes, rnd));
  });
  for (let from = 0; from < rows; from += 10_000) chunk(from, Math.min(rows, from + 10_000));
  return rows;
}

/**
 * The figures of each report, straight from the database: one SQL aggregate per report, turned
 * into a ReportModel (columns, rows, totals, charts). The .xlsx, the PDF and the preview are all
 * drawn from this model. Daftar IKM can be long, so its rows are also available as an iterator.
 */
import type { IkmFilter, ShipmentFilter } from '../../../shared/contract';
import type { ReportColumn, ReportDrill, ReportModel, ReportName, ReportParams, ReportRow, ReportChart } from '../../../shared/reports';
import { bilingual, joined, REPORT_TITLES, subtitled, UNKNOWN } from '../../../shared/reports';
import type { DB } from '../db/open';
import { districtResolver, loadAreas } from '../reference/areas';
import { countryResolver } from '../reference/countries';
import { buildWhere } from '../registry/query';
import { shipmentWhere } from '../shipments/query';
import { resolveScope, type Scope } from './period';
import { kesiapanEksporBody } from '../goekspor/report';

const WORKERS: ReportColumn[] = [
  { key: 'workers_male', header: 'L', group: 'Tenaga Kerja (orang)', kind: 'int', width: 9 },
  { key: 'workers_female', header: 'P', group: 'Tenaga Kerja (orang)', kind: 'int', width: 9 },
  { key: 'workers_total', header: 'Jumlah', group: 'Tenaga Kerja (orang)', kind: 'int', width: 10 },
];
const MONEY: ReportColumn[] = [
  { key: 'investment_idr', header: 'Investasi (Rp)', kind: 'idr', width: 20 },
  { key: 'production_value_idr', header: 'Nilai Produksi (Rp)', kind: 'idr', width: 20 },
];
// L and P are summed only where every IKM with workers has its split; a group with a business
// known only by its total gets no L/P (null → "–"), so L + P = Jumlah wherever L and P show.
const IKM_SUMS = `count(*) AS count,
  CASE WHEN sum(workers_total IS NOT NULL AND (workers_male IS NULL OR workers_female IS NULL)) > 0 THEN NULL ELSE total(workers_male) END AS workers_male,
  CASE WHEN sum(workers_total IS NOT NULL AND (workers_male IS NULL OR workers_female IS NULL)) > 0 THEN NULL ELSE total(workers_female) END AS workers_female,
  total(workers_total) AS workers_total, total(investment_idr) AS investment_idr, total(production_value_idr) AS production_value_idr`;
const SPLIT_NOTE = `${UNKNOWN} pada L/P: sebagian IKM hanya melaporkan jumlah tenaga kerja tanpa rincian laki-laki/perempuan; kolom Jumlah tetap memuat semuanya.`;
/** L/P unknown for a group: shown as "–" (text in the .xlsx, never a 0 that would be summed). */
const split = (r: ReportRow): ReportRow => (r.workers_male == null && r.workers_female == null && Number(r.workers_total ?? 0) > 0 ? { ...r, workers_male: UNKNOWN, workers_female: UNKNOWN } : r);
const hasUnknown = (rows: ReportRow[]) => rows.some((r) => r.workers_male === UNKNOWN);

interface Context {
  db: DB;
  params: ReportParams;
  scope: Scope;
  districtName(code: string | null): string;
}

/** IKM in the area that existed by the end of the period (a business with no founding year counts), as a grid filter. */
function ikmFilter(c: Context, extra: IkmFilter = {}): IkmFilter {
  const f: IkmFilter = { ...(c.scope.province ? { province: c.scope.province } : {}), ...(c.scope.district ? { districts: [c.scope.district] } : {}), ...extra };
  return c.scope.to ? { ...f, establishedBy: Number(c.scope.to.slice(0, 4)) } : f;
}
const ikmWhere = (c: Context) => buildWhere(ikmFilter(c));
const toRegistry = (filter: IkmFilter): ReportDrill => ({ tab: 'registry', filter });
const toShipments = (filter: ShipmentFilter): ReportDrill => ({ tab: 'shipments', filter });

function ikmSubtitle(c: Context) {
  const when = c.scope.to ? bilingual('sub.upToYear', { year: c.scope.to.slice(0, 4) }) : bilingual('sub.asOf', {}, { day: c.scope.today });
  return subtitled(joined(c.scope.area, when));
}

function shipmentSubtitle(c: Context, range: { first: string | null; last: string | null }) {
  const period = c.scope.period ?? (range.first && range.last ? bilingual('sub.range', {}, { from: range.first, to: range.last }) : bilingual('sub.allPeriods'));
  return subtitled(joined(c.scope.area, period));
}

/** The totals row; a column with an unknown figure in any row has an unknown total. */
function sumRows(rows: ReportRow[], columns: ReportColumn[], label: Record<string, string>): ReportRow {
  const t: ReportRow = { ...label };
  for (const col of columns)
    if (['int', 'idr', 'usd', 'kg'].includes(col.kind) && !(col.key in label))
      t[col.key] = rows.some((r) => r[col.key] === UNKNOWN) ? UNKNOWN : rows.reduce((s, r) => s + Number(r[col.key] ?? 0), 0);
  return t;
}

function rekapKabupaten(c: Context): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const w = ikmWhere(c);
  const sums = new Map(
    (c.db.prepare(`SELECT district_code, ${IKM_SUMS} FROM ikm WHERE ${w.sql} GROUP BY district_code`).all(...w.params) as ReportRow[]).map((r) => [r.district_code as string, r]),
  );
  const { districts: all, provinces } = loadAreas(c.db);
  // A province's report lists every district of it, those without IKM too (with zeros).
  const codes = c.scope.district ? [c.scope.district] : c.scope.province ? all.filter((d) => d.provinceCode === c.scope.province).map((d) => d.code) : [...sums.keys()].sort();
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'district', header: 'Kabupaten/Kota', kind: 'text', width: 30 },
    { key: 'count', header: 'Jumlah IKM (unit)', kind: 'int', width: 12 },
    ...WORKERS,
    ...MONEY,
  ];
  const rows = codes.map((code, i) => {
    const s = sums.get(code);
    return split({ no: i + 1, district: c.districtName(code), count: s?.count ?? 0, workers_male: s ? (s.workers_male ?? null) : 0, workers_female: s ? (s.workers_female ?? null) : 0, workers_total: s?.workers_total ?? 0, investment_idr: s?.investment_idr ?? 0, production_value_idr: s?.production_value_idr ?? 0 });
  });
  // Over all of Kalimantan, 56 district bars are unreadable: the chart compares the provinces.
  const byProvince = !c.scope.province && !c.scope.district;
  const provinceRows = provinces
    .map((p) => ({ label: p.name, count: codes.filter((code) => code.startsWith(p.code)).reduce((n, code) => n + Number(sums.get(code)?.count ?? 0), 0) }))
    .filter((p) => p.count > 0);
  const charts: ReportChart[] = [
    byProvince
      ? { kind: 'bar', id: 'ikmPerProvince', title: 'Jumlah IKM per provinsi', labels: provinceRows.map((p) => p.label), series: [{ name: 'Jumlah IKM', key: 'chart.s.ikm', values: provinceRows.map((p) => p.count) }], unit: 'IKM' }
      : { kind: 'bar', id: 'ikmPerDistrict', title: 'Jumlah IKM per kabupaten/kota', labels: rows.map((r) => String(r.district)), series: [{ name: 'Jumlah IKM', key: 'chart.s.ikm', values: rows.map((r) => Number(r.count)) }], unit: 'IKM' },
  ];
  return {
    ...ikmSubtitle(c),
    columns,
    rows,
    rowCount: rows.length,
    totals: sumRows(rows, columns, { district: 'JUMLAH' }),
    drill: { rows: codes.map((code) => toRegistry(ikmFilter(c, { districts: [code] }))), totals: toRegistry(ikmFilter(c)) },
    charts,
    notes: ['Tenaga kerja L = laki-laki, P = perempuan. Nilai dalam rupiah.', ...(hasUnknown(rows) ? [SPLIT_NOTE] : [])],
  };
}

function rekapKomoditi(c: Context): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const w = ikmWhere(c);
  const groups = c.db
    .prepare(
      `SELECT coalesce(min(trim(commodity)), '(tidak diisi)') AS commodity,
        CASE WHEN count(DISTINCT kbli) = 1 THEN max(kbli) WHEN count(kbli) = 0 THEN NULL ELSE 'beragam' END AS kbli, ${IKM_SUMS}
       FROM ikm WHERE ${w.sql} GROUP BY lower(trim(commodity)) ORDER BY count DESC, commodity`,
    )
    .all(...w.params) as ReportRow[];
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'commodity', header: 'Komoditi', kind: 'text', width: 32 },
    { key: 'kbli', header: 'KBLI', kind: 'code', width: 9 },
    { key: 'count', header: 'Jumlah IKM (unit)', kind: 'int', width: 12 },
    ...WORKERS,
    ...MONEY,
  ];
  const rows: ReportRow[] = groups.map((g, i) => split({ no: i + 1, ...g }));
  const top = rows.slice(0, 10);
  return {
    ...ikmSubtitle(c),
    columns,
    rows,
    rowCount: rows.length,
    totals: sumRows(rows, columns, { commodity: 'JUMLAH' }),
    // "(tidak diisi)" has no grid filter (the grid filters a commodity, not its absence).
    drill: { rows: groups.map((g) => (g.commodity === '(tidak diisi)' ? null : toRegistry(ikmFilter(c, { commodity: String(g.commodity) })))), totals: toRegistry(ikmFilter(c)) },
    charts: [{ kind: 'bar', id: 'topCommodities', title: 'Sepuluh komoditi dengan IKM terbanyak', labels: top.map((r) => String(r.commodity)), series: [{ name: 'Jumlah IKM', key: 'chart.s.ikm', values: top.map((r) => Number(r.count)) }], unit: 'IKM' }],
    notes: ['Komoditi dikelompokkan tanpa membedakan huruf besar/kecil. KBLI "beragam": IKM satu komoditi tercatat dengan beberapa kode KBLI.', ...(hasUnknown(rows) ? [SPLIT_NOTE] : [])],
  };
}

export const DAFTAR_COLUMNS: ReportColumn[] = [
  { key: 'no', header: 'No', kind: 'no', width: 7 },
  { key: 'nib', header: 'NIB', kind: 'code', width: 19 },
  { key: 'business_name', header: 'Nama Usaha', kind: 'text', width: 26 },
  { key: 'owner_name', header: 'Pemilik', kind: 'text', width: 20 },
  { key: 'district', header: 'Kabupaten/Kota', kind: 'text', width: 20 },
  { key: 'address', header: 'Alamat', kind: 'text', width: 24 },
  { key: 'commodity', header: 'Komoditi', kind: 'text', width: 16 },
  { key: 'kbli', header: 'KBLI', kind: 'code', width: 8 },
  ...WORKERS.map((c) => ({ ...c, width: 7 })),
  { ...MONEY[0]!, width: 16 },
  { ...MONEY[1]!, width: 16 },
  { key: 'year_established', header: 'Tahun Berdiri', kind: 'year', width: 8 },
  { key: 'phone', header: 'Telepon', kind: 'code', width: 18 },
];

/** The Daftar IKM rows one at a time (a 100,000-row list never sits in memory whole). */
export function* daftarRows(db: DB, params: ReportParams, limit = Number.MAX_SAFE_INTEGER): Generator<ReportRow> {
  const c = context(db, params);
  const w = ikmWhere(c);
  let no = 0;
  const st = db.prepare(
    `SELECT nib, business_name, owner_name, district_code, address, commodity, kbli, workers_male, workers_female, workers_total,
       investment_idr, production_value_idr, year_established, phone FROM ikm WHERE ${w.sql}
     ORDER BY district_code, business_name COLLATE NOCASE, id LIMIT ?`,
  );
  for (const r of st.iterate(...w.params, limit) as Iterable<ReportRow>) yield { no: ++no, ...r, district: c.districtName(r.district_code as string) };
}

function daftar(c: Context, preview: number): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const w = ikmWhere(c);
  const totals = split(c.db.prepare(`SELECT ${IKM_SUMS} FROM ikm WHERE ${w.sql}`).get(...w.params) as ReportRow);
  return {
    ...ikmSubtitle(c),
    columns: DAFTAR_COLUMNS,
    rows: [...daftarRows(c.db, c.params, preview)],
    rowCount: Number(totals.count),
    totals: { business_name: `JUMLAH (${Number(totals.count).toLocaleString('id-ID')} IKM)`, ...totals, count: null },
    drill: { rows: [], totals: toRegistry(ikmFilter(c)) },
    charts: [],
    notes: [
      'Diurutkan menurut kabupaten/kota lalu nama usaha. Kolom kosong: data belum dilaporkan.',
      ...(totals.workers_male === UNKNOWN ? [`${UNKNOWN} pada L/P baris jumlah: sebagian IKM hanya melaporkan jumlah tenaga kerja; kolom Jumlah tetap memuat semuanya.`] : []),
    ],
  };
}

/** Shipments dated within the period, from the area, as a grid filter. */
function shipmentFilter(c: Context, extra: ShipmentFilter = {}): ShipmentFilter {
  return {
    ...(c.scope.from ? { from: c.scope.from } : {}),
    ...(c.scope.to ? { to: c.scope.to } : {}),
    ...(c.scope.province ? { province: c.scope.province } : {}),
    ...(c.scope.district ? { districts: [c.scope.district] } : {}),
    ...extra,
  };
}
const shipmentsInScope = (c: Context) => shipmentWhere(shipmentFilter(c));

function shipmentRange(c: Context, where: { sql: string; params: unknown[] }) {
  return c.db.prepare(`SELECT min(date) AS first, max(date) AS last FROM shipment WHERE ${where.sql}`).get(...where.params) as { first: string | null; last: string | null };
}

const EXPORT_VALUES: ReportColumn[] = [
  { key: 'fob_usd', header: 'Nilai FOB (US$)', kind: 'usd', width: 18 },
  { key: 'net_weight_kg', header: 'Berat Bersih (kg)', kind: 'kg', width: 16 },
  { key: 'shipments', header: 'Jumlah Pengapalan', kind: 'int', width: 12 },
  { key: 'share', header: 'Pangsa (%)', kind: 'pct', width: 10 },
];

function withShares(rows: ReportRow[]): { rows: ReportRow[]; total: number } {
  const total = rows.reduce((s, r) => s + Number(r.fob_usd ?? 0), 0);
  return { rows: rows.map((r, i) => ({ no: i + 1, ...r, share: total > 0 ? Number(r.fob_usd ?? 0) / total : 0 })), total };
}

function eksporNegara(c: Context): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const w = shipmentsInScope(c);
  const countries = countryResolver();
  const groups = c.db
    .prepare(`SELECT country_code, total(fob_usd) AS fob_usd, total(net_weight_kg) AS net_weight_kg, count(*) AS shipments FROM shipment WHERE ${w.sql} GROUP BY country_code ORDER BY fob_usd DESC, country_code`)
    .all(...w.params) as ReportRow[];
  const { rows } = withShares(groups.map((g) => ({ country: countries.name(g.country_code as string), ...g })));
  const countriesEn = groups.map((g) => countries.name(g.country_code as string, 'en'));
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'country', header: 'Negara Tujuan', kind: 'text', width: 26 },
    { key: 'country_code', header: 'Kode', kind: 'code', width: 7 },
    ...EXPORT_VALUES,
  ];
  return {
    ...shipmentSubtitle(c, shipmentRange(c, w)),
    columns,
    rows,
    rowCount: rows.length,
    totals: { ...sumRows(rows, columns, { country: 'JUMLAH' }), share: rows.length ? 1 : 0 },
    drill: { rows: groups.map((g) => (g.country_code ? toShipments(shipmentFilter(c, { countries: [String(g.country_code)] })) : null)), totals: toShipments(shipmentFilter(c)) },
    charts: [{ kind: 'pie', id: 'exportShareByCountry', title: 'Pangsa nilai ekspor per negara tujuan', labels: rows.map((r) => String(r.country)), labelsEn: countriesEn, series: [{ name: 'Nilai FOB (US$)', key: 'chart.s.fob', values: rows.map((r) => Number(r.fob_usd)) }], unit: 'US$' }],
    notes: ['Nilai FOB dalam dolar Amerika Serikat (US$), menurut tanggal ekspor pada PEB.'],
  };
}

function eksporKomoditi(c: Context): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const w = shipmentsInScope(c);
  const parts = c.db
    .prepare(
      `SELECT substr(hs_code, 1, 4) AS hs, coalesce(trim(product), '') AS product, total(fob_usd) AS fob_usd, total(net_weight_kg) AS net_weight_kg, count(*) AS shipments
       FROM shipment WHERE ${w.sql} GROUP BY hs, lower(trim(product))`,
    )
    .all(...w.params) as { hs: string | null; product: string; fob_usd: number; net_weight_kg: number; shipments: number }[];
  // One row per HS heading (4 digits), named after its largest product; shipments without a
  // code keep their product as the row.
  const byHs = new Map<string, { hs: string | null; product: string; best: number; fob_usd: number; net_weight_kg: number; shipments: number }>();
  for (const p of parts) {
    const key = p.hs ?? `-${p.product.toLowerCase()}`;
    const g = byHs.get(key) ?? { hs: p.hs, product: p.product, best: -1, fob_usd: 0, net_weight_kg: 0, shipments: 0 };
    if (p.fob_usd > g.best && p.product) Object.assign(g, { product: p.product, best: p.fob_usd });
    g.fob_usd += p.fob_usd;
    g.net_weight_kg += p.net_weight_kg;
    g.shipments += p.shipments;
    byHs.set(key, g);
  }
  const sorted = [...byHs.values()].sort((a, b) => b.fob_usd - a.fob_usd);
  const { rows } = withShares(sorted.map((g) => ({ hs: g.hs ? `${g.hs.slice(0, 2)}.${g.hs.slice(2)}` : '-', product: g.product || '(tidak diisi)', fob_usd: g.fob_usd, net_weight_kg: g.net_weight_kg, shipments: g.shipments })));
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'hs', header: 'Pos HS (4 digit)', kind: 'code', width: 11 },
    { key: 'product', header: 'Komoditi', kind: 'text', width: 32 },
    ...EXPORT_VALUES,
  ];
  const top = rows.slice(0, 10);
  return {
    ...shipmentSubtitle(c, shipmentRange(c, w)),
    columns,
    rows,
    rowCount: rows.length,
    totals: { ...sumRows(rows, columns, { product: 'JUMLAH' }), share: rows.length ? 1 : 0 },
    // A heading's rows are its HS prefix; shipments without a code have no grid filter of their own.
    drill: { rows: sorted.map((g) => (g.hs ? toShipments(shipmentFilter(c, { hs: g.hs })) : null)), totals: toShipments(shipmentFilter(c)) },
    charts: [{ kind: 'bar', id: 'topExportCommodities', title: 'Sepuluh komoditi ekspor terbesar (US$)', labels: top.map((r) => `${r.hs} ${r.product}`), series: [{ name: 'Nilai FOB (US$)', key: 'chart.s.fob', values: top.map((r) => Number(r.fob_usd)) }], unit: 'US$' }],
    notes: ['Dikelompokkan menurut pos HS 4 digit; nama komoditi diambil dari produk dengan nilai terbesar di pos itu.'],
  };
}

/** Yearly export/import of one province: the whole-year figure (month 0) where BPS gives one, else the sum of the months. */
export function yearlyTrade(db: DB, province: string): { year: number; export_usd: number | null; import_usd: number | null; months: number }[] {
  return db
    .prepare(
      `SELECT year,
         coalesce(max(CASE WHEN month = 0 THEN export_usd END), sum(CASE WHEN month > 0 THEN export_usd END)) AS export_usd,
         coalesce(max(CASE WHEN month = 0 THEN import_usd END), sum(CASE WHEN month > 0 THEN import_usd END)) AS import_usd,
         CASE WHEN max(month = 0) THEN 12 ELSE count(CASE WHEN month > 0 THEN 1 END) END AS months
       FROM trade_stat WHERE province_code = ? GROUP BY year ORDER BY year`,
    )
    .all(province) as { year: number; export_usd: number | null; import_usd: number | null; months: number }[];
}

const growth = (now: number | null, before: number | null | undefined): number | null => (now != null && before ? (now - before) / before : null);

/**
 * Whose BPS figures a trade report shows: the chosen province (a district's province), or — none
 * chosen — the one province that has figures. Never another province's numbers under a name.
 */
function tradeProvince(c: Context): { code: string | null; name: string | null; note: string | null } {
  const provinces = loadAreas(c.db).provinces;
  const nameOf = (code: string) => provinces.find((p) => p.code === code)?.name ?? code;
  const chosen = c.scope.district ? c.scope.district.slice(0, 2) : c.scope.province;
  const recorded = (c.db.prepare(`SELECT DISTINCT province_code AS code FROM trade_stat ORDER BY 1`).all() as { code: string }[]).map((r) => r.code);
  if (chosen)
    return { code: chosen, name: nameOf(chosen), note: recorded.includes(chosen) ? null : `Belum ada angka BPS yang dicatat untuk Provinsi ${nameOf(chosen)}. Ketik atau impor di tab Ekspor, bagian Neraca perdagangan.` };
  if (recorded.length === 1) return { code: recorded[0]!, name: nameOf(recorded[0]!), note: null };
  if (recorded.length === 0) return { code: null, name: null, note: 'Belum ada angka BPS yang dicatat. Ketik atau impor di tab Ekspor, bagian Neraca perdagangan.' };
  return { code: null, name: null, note: `Angka BPS tercatat untuk ${recorded.length} provinsi (${recorded.map(nameOf).join(', ')}): pilih provinsinya.` };
}

function neraca(c: Context): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const who = tradeProvince(c);
  const all = who.code ? yearlyTrade(c.db, who.code) : [];
  const byYear = new Map(all.map((y) => [y.year, y]));
  const fromYear = c.scope.from ? Number(c.scope.from.slice(0, 4)) : null;
  const toYear = c.scope.to ? Number(c.scope.to.slice(0, 4)) : null;
  // One year asked for: show it with the four before it, the way the governor compares. Every
  // year of the span gets its row, those without BPS figures too, so the title is the years asked.
  const first = fromYear != null && toYear != null && fromYear === toYear ? fromYear - 4 : (fromYear ?? all[0]?.year ?? null);
  const last = toYear ?? all[all.length - 1]?.year ?? null;
  const years = first != null && last != null ? Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i) : [];
  const shown = years.map((year) => byYear.get(year) ?? { year, export_usd: null, import_usd: null, months: 0 });
  const missing = shown.filter((y) => y.export_usd == null && y.import_usd == null).map((y) => y.year);
  const rows: ReportRow[] = shown.map((y, i) => {
    if (y.months === 0) return { no: i + 1, year: y.year, export_usd: UNKNOWN, import_usd: UNKNOWN, balance: UNKNOWN, export_growth: null, import_growth: null };
    return {
      no: i + 1,
      year: y.months < 12 ? `${y.year}*` : y.year,
      export_usd: y.export_usd,
      import_usd: y.import_usd,
      balance: y.export_usd != null && y.import_usd != null ? y.export_usd - y.import_usd : null,
      // A year not yet complete is not compared with a whole year before it.
      export_growth: y.months < 12 ? null : growth(y.export_usd, byYear.get(y.year - 1)?.export_usd),
      import_growth: y.months < 12 ? null : growth(y.import_usd, byYear.get(y.year - 1)?.import_usd),
    };
  });
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'year', header: 'Tahun', kind: 'year', width: 9 },
    { key: 'export_usd', header: 'Ekspor (US$)', kind: 'usd', width: 20 },
    { key: 'import_usd', header: 'Impor (US$)', kind: 'usd', width: 20 },
    { key: 'balance', header: 'Neraca (US$)', kind: 'usd', width: 20 },
    { key: 'export_growth', header: 'Pertumbuhan Ekspor (%)', kind: 'pct', width: 14 },
    { key: 'import_growth', header: 'Pertumbuhan Impor (%)', kind: 'pct', width: 14 },
  ];
  const partial = shown.filter((y) => y.months > 0 && y.months < 12);
  const withFigures = rows.filter((r) => r.export_usd !== UNKNOWN);
  const period = years.length ? (years.length === 1 ? bilingual('sub.year', { year: years[0]! }) : bilingual('sub.years', { from: years[0]!, to: years[years.length - 1]! })) : bilingual('sub.noData');
  const listed = (ys: number[]) => (ys.length > 1 ? `${ys.slice(0, -1).join(', ')} dan ${ys[ys.length - 1]}` : String(ys[0]));
  return {
    // BPS figures are the province's: the subtitle names the province whose figures these are.
    ...subtitled(who.name ? joined(bilingual('sub.province', { name: who.name }), period) : period),
    columns,
    rows,
    // The years without figures are rows too, but a report with none at all is empty.
    rowCount: withFigures.length ? rows.length : 0,
    totals: { ...sumRows(withFigures, columns, { year: 'JUMLAH' }) },
    charts: [
      {
        kind: 'line',
        id: 'tradeBalance',
        title: 'Ekspor, impor dan neraca perdagangan (US$)',
        labels: shown.map((y) => String(y.year)),
        // A year without figures is a gap in the line, not a fall to zero.
        series: [
          { name: 'Ekspor', key: 'chart.s.export', values: shown.map((y) => y.export_usd) },
          { name: 'Impor', key: 'chart.s.import', values: shown.map((y) => y.import_usd) },
          { name: 'Neraca', key: 'chart.s.balance', values: rows.map((r) => (typeof r.balance === 'number' ? r.balance : null)) },
        ],
        unit: 'US$',
      },
    ],
    notes: [
      ...(who.note ? [who.note] : []),
      'Sumber: Badan Pusat Statistik (BPS), nilai dalam US$. Neraca = ekspor − impor; pertumbuhan dibanding tahun sebelumnya.',
      ...(missing.length && withFigures.length ? [`${UNKNOWN}: belum ada angka BPS untuk tahun ${listed(missing)}; impor tabel BPS tahun itu di tab Ekspor › Neraca perdagangan (BPS).`] : []),
      ...partial.map((y) => `* ${y.year}: jumlah ${y.months} bulan (data belum setahun penuh; pertumbuhannya tidak dihitung).`),
    ],
  };
}

function context(db: DB, params: ReportParams, now = new Date()): Context {
  const resolver = districtResolver(db);
  return {
    db,
    params,
    scope: resolveScope(params, resolver, loadAreas(db).provinces, now),
    districtName: (code) => {
      const d = code ? resolver.get(code) : undefined;
      return d ? `${d.type === 'Kota' ? 'Kota' : 'Kab.'} ${d.name}` : (code ?? '');
    },
  };
}

/** The report's model; `preview` caps the rows of Daftar IKM (the other reports are short). */
export function buildReport(db: DB, name: ReportName, params: ReportParams, opts: { preview?: number; now?: Date } = {}): ReportModel {
  const c = context(db, params, opts.now);
  const body =
    name === 'rekap-ikm-kabupaten' ? rekapKabupaten(c)
    : name === 'rekap-ikm-komoditi' ? rekapKomoditi(c)
    : name === 'daftar-ikm' ? daftar(c, opts.preview ?? 200)
    : name === 'ekspor-negara' ? eksporNegara(c)
    : name === 'ekspor-komoditi' ? eksporKomoditi(c)
    : name === 'kesiapan-ekspor' ? kesiapanEksporBody(db, params, { area: c.scope.area, districtName: c.districtName, today: c.scope.today })
    : neraca(c);
  return { name, title: REPORT_TITLES[name], generatedAt: (opts.now ?? new Date()).toISOString(), ...body };
}

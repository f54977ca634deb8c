/**
 * UI strings of the Dashboard, merged into renderer/i18n/dictionary.ts — and the names of the
 * report charts it draws (`chart.<id>` titles, `chart.s.<key>` series), which the core sends in
 * Indonesian for the printed reports.
 */
export const DASHBOARD_ID = {
  'dash.title': 'Dasbor',
  'dash.ikm': 'IKM terdaftar',
  'dash.workers': 'Tenaga kerja',
  'dash.exports': 'Nilai ekspor',
  'dash.shipments': 'Pengapalan',
  'dash.balance': 'Neraca perdagangan tahun terakhir',
  'dash.period': 'Periode ekspor',
  'dash.drill': 'Lihat baris di balik angka ini',
  'chart.ikmPerProvince': 'Jumlah IKM per provinsi',
  'chart.ikmPerDistrict': 'Jumlah IKM per kabupaten/kota',
  'chart.topCommodities': 'Sepuluh komoditi dengan IKM terbanyak',
  'chart.exportShareByCountry': 'Pangsa nilai ekspor per negara tujuan',
  'chart.topExportCommodities': 'Sepuluh komoditi ekspor terbesar (US$)',
  'chart.tradeBalance': 'Ekspor, impor dan neraca perdagangan (US$)',
  'chart.other': 'Lainnya',
  'chart.s.ikm': 'Jumlah IKM',
  'chart.s.fob': 'Nilai FOB (US$)',
  'chart.s.export': 'Ekspor',
  'chart.s.import': 'Impor',
  'chart.s.balance': 'Neraca',
  'chart.s.certificates': 'Sertifikat',
  'chart.s.products': 'Produk',
} as const;

export const DASHBOARD_EN: Record<keyof typeof DASHBOARD_ID, string> = {
  'dash.title': 'Dashboard',
  'dash.ikm': 'Registered IKM',
  'dash.workers': 'Workers',
  'dash.exports': 'Export value',
  'dash.shipments': 'Shipments',
  'dash.balance': 'Trade balance, latest year',
  'dash.period': 'Export period',
  'dash.drill': 'Show the rows behind this number',
  'chart.ikmPerProvince': 'IKM per province',
  'chart.ikmPerDistrict': 'IKM per district',
  'chart.topCommodities': 'Ten commodities with the most IKM',
  'chart.exportShareByCountry': 'Share of export value by destination',
  'chart.topExportCommodities': 'Ten largest export commodities (US$)',
  'chart.tradeBalance': 'Exports, imports and trade balance (US$)',
  'chart.other': 'Other',
  'chart.s.ikm': 'IKM',
  'chart.s.fob': 'FOB value (US$)',
  'chart.s.export': 'Exports',
  'chart.s.import': 'Imports',
  'chart.s.balance': 'Balance',
  'chart.s.certificates': 'Certificates',
  'chart.s.products': 'Products',
};

/** UI strings of the registry screen, merged into renderer/i18n/dictionary.ts. */
export const REGISTRY_ID = {
  'reg.export': 'Ekspor tampilan',
  'reg.exportXlsx': 'Excel (.xlsx)',
  'reg.exportCsv': 'CSV (.csv)',
  'reg.exportHint': 'Baris yang tersaring, dengan urutan dan kolom yang tampil',
  'reg.exporting': 'Menyusun berkas…',
  'reg.exported': '{name} disimpan ({n} baris).',
  'reg.find': 'Cari & ganti',
  'reg.addedOutside': 'Baris baru tidak cocok dengan filter pencarian/rentang; filter itu dilepas agar barisnya terlihat.',
  'reg.valueFilters': '{n} filter kolom',
} as const;

export const REGISTRY_EN: Record<keyof typeof REGISTRY_ID, string> = {
  'reg.export': 'Export view',
  'reg.exportXlsx': 'Excel (.xlsx)',
  'reg.exportCsv': 'CSV (.csv)',
  'reg.exportHint': 'The filtered rows, in the order and with the columns shown',
  'reg.exporting': 'Preparing the file…',
  'reg.exported': '{name} saved ({n} rows).',
  'reg.find': 'Find & replace',
  'reg.addedOutside': 'The new row does not match the search/range filter; that filter was lifted so the row shows.',
  'reg.valueFilters': '{n} column filters',
};

/**
 * Messages the core can return (validation, errors), in Bahasa Indonesia first and English second.
 * The core sends the key and params; whoever shows it picks the language with `message()`.
 */
export type Lang = 'id' | 'en';

const id = {
  'err.number': 'Bukan angka yang dikenali. Tulis misalnya 1.500.000 atau Rp 1.500.000.',
  'err.negative': 'Nilai tidak boleh negatif.',
  'err.whole': 'Harus bilangan bulat (tanpa koma).',
  'err.nib': 'NIB "{value}" tidak valid: NIB terdiri dari 13 angka.',
  'err.nibDuplicate': 'NIB {value} sudah dipakai oleh "{name}".',
  'map.header': 'judul kolom cocok {score}%',
  'map.values': '{n} dari {of} nilai contoh cocok',
  'map.valuesWeak': 'hanya {n} dari {of} nilai contoh cocok — periksa',
  'map.proposed': 'judul tidak dikenal, tetapi {n} dari {of} nilainya cocok',
  'map.user': 'dipilih pengguna',
  'map.unit': 'nilai dikalikan {unit}',
  'err.nibLost': 'NIB "{value}" sudah dirusak Excel (angka berpangkat atau lebih dari 15 angka): angka aslinya hilang. Usahanya diimpor tanpa NIB; isi NIB yang benar nanti.',
  'err.kbli': 'KBLI "{value}" tidak valid: KBLI terdiri dari 5 angka.',
  'err.phone': 'Nomor telepon "{value}" tidak valid.',
  'err.year': 'Tahun "{value}" tidak dikenali. Tulis misalnya 2015.',
  'err.yearFuture': 'Tahun {value} belum terjadi (paling lambat {max}).',
  'err.email': 'Alamat email "{value}" tidak valid.',
  'err.tooLong': 'Teks terlalu panjang (paling banyak {max} karakter).',
  'err.required': 'Kolom ini wajib diisi.',
  'err.date': 'Tanggal "{value}" tidak dikenali. Tulis misalnya 12/03/2025 atau 12 Maret 2025.',
  'err.month': 'Bulan "{value}" tidak dikenali. Tulis 1–12 atau nama bulan.',
  'err.hs': 'Kode HS "{value}" tidak valid: 4 sampai 10 angka (misalnya 4602.12).',
  'err.country': 'Negara "{value}" tidak dikenal. Tulis nama negara (Indonesia/Inggris) atau kode ISO, misalnya MY.',
  'err.exporter': 'Eksportir tidak diketahui: isi NIB yang terdaftar, atau nama eksportir dan kabupaten/kota.',
  'err.district': 'Kabupaten/kota "{value}" tidak dikenal. Pilih dari daftar wilayah Kalimantan.',
  'err.businessForm': 'Bentuk usaha "{value}" tidak dikenal (perseorangan, CV, PT, koperasi, BUMDes, lainnya).',
  'err.workersTotal': 'Jumlah tenaga kerja ({value}) harus sama dengan laki-laki + perempuan ({sum}).',
  'err.notEditable': 'Kolom "{field}" tidak dapat diubah.',
  'err.notFound': 'Data IKM dengan id {id} tidak ditemukan (mungkin sudah dihapus).',
  'err.badRequest': 'Permintaan tidak valid: {detail}',
  'err.unknownMethod': 'Perintah "{method}" tidak dikenal.',
  'err.internal': 'Terjadi kesalahan di aplikasi: {detail}',
  'err.unauthorized': 'Akses ditolak: token tidak cocok.',
  'err.db.constraint': 'Perubahan ditolak karena melanggar aturan data (misalnya NIB ganda atau nilai negatif). Tidak ada yang disimpan; periksa isian lalu coba lagi.',
  'err.db.busy': 'Basis data sedang dipakai (impor atau program lain menulis ke berkas yang sama). Tidak ada yang disimpan; tunggu sebentar lalu coba lagi.',
  'err.db.read_only': 'Basis data hanya-baca: perubahan tidak dapat disimpan. Periksa izin berkas dan foldernya (atau salin berkas ke folder Anda sendiri), lalu buka ulang aplikasi.',
  'err.db.disk_full': 'Disk penuh: perubahan tidak dapat disimpan dan tidak ada yang berubah. Kosongkan ruang disk (hapus berkas yang tidak perlu), lalu coba lagi.',
  'err.db.io': 'Berkas basis data tidak dapat dibaca atau ditulis (dipindahkan, rusak, atau diska bermasalah). Tutup aplikasi dan periksa berkasnya; bila rusak, pulihkan cadangan: tab Cadangan → Pulihkan, atau npm run cli -- restore <nama cadangan> --db <berkas>.',
  'err.db.read_only_reason': 'Perubahan tidak disimpan: registri terbuka hanya-baca karena {reason}. Minta akses tulis (atau salin registri ke folder Anda sendiri), lalu buka lagi aplikasi.',
  'err.dbMoved': 'Perubahan tidak disimpan: berkas registri "{path}" {what} sejak aplikasi dibuka. Kembalikan berkasnya ke tempat semula, lalu tutup dan buka lagi aplikasi.',
  'err.backupFailed': 'Cadangan registri tidak dapat dibuat: {detail} Tidak ada yang diubah.',
  'err.backupNotFound': 'Cadangan "{name}" tidak ditemukan di folder cadangan.',
  'err.damaged': '{detail}',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'err.number': 'Not a number. Write e.g. 1.500.000 or Rp 1.500.000.',
  'err.negative': 'The value may not be negative.',
  'err.whole': 'Must be a whole number.',
  'err.nib': 'NIB "{value}" is invalid: an NIB has 13 digits.',
  'err.nibDuplicate': 'NIB {value} is already used by "{name}".',
  'map.header': 'header matches {score}%',
  'map.values': '{n} of {of} sample values fit',
  'map.valuesWeak': 'only {n} of {of} sample values fit — check',
  'map.proposed': 'header unknown, but {n} of {of} of its values fit',
  'map.user': 'chosen by the user',
  'map.unit': 'values multiplied by {unit}',
  'err.nibLost': 'NIB "{value}" was destroyed by Excel (scientific notation or more than 15 digits): its digits are lost. The business is imported without an NIB; fill in the right NIB later.',
  'err.kbli': 'KBLI "{value}" is invalid: a KBLI code has 5 digits.',
  'err.phone': 'Phone number "{value}" is invalid.',
  'err.year': 'Year "{value}" not understood. Write e.g. 2015.',
  'err.yearFuture': 'Year {value} is in the future (latest {max}).',
  'err.email': 'Email address "{value}" is invalid.',
  'err.tooLong': 'Text too long (at most {max} characters).',
  'err.required': 'This field is required.',
  'err.date': 'Date "{value}" not understood. Write e.g. 12/03/2025 or 12 March 2025.',
  'err.month': 'Month "{value}" not understood. Write 1–12 or a month name.',
  'err.hs': 'HS code "{value}" is invalid: 4 to 10 digits (e.g. 4602.12).',
  'err.country': 'Country "{value}" is unknown. Write a country name (Indonesian/English) or an ISO code, e.g. MY.',
  'err.exporter': 'Unknown exporter: give a registered NIB, or the exporter name and district.',
  'err.district': 'District "{value}" is unknown. Pick one from the Kalimantan list.',
  'err.businessForm': 'Business form "{value}" unknown (perseorangan, CV, PT, koperasi, BUMDes, other).',
  'err.workersTotal': 'Total workers ({value}) must equal male + female ({sum}).',
  'err.notEditable': 'Column "{field}" cannot be edited.',
  'err.notFound': 'IKM record {id} not found (it may have been deleted).',
  'err.badRequest': 'Invalid request: {detail}',
  'err.unknownMethod': 'Unknown command "{method}".',
  'err.internal': 'Application error: {detail}',
  'err.unauthorized': 'Access denied: token mismatch.',
  'err.db.constraint': 'The change breaks a data rule (e.g. a duplicate NIB or a negative value). Nothing was saved; check the values and try again.',
  'err.db.busy': 'The database is busy (an import or another program is writing to it). Nothing was saved; wait a moment and try again.',
  'err.db.read_only': 'The database is read-only: changes cannot be saved. Check the permissions of the file and its folder (or copy it to your own folder), then reopen the app.',
  'err.db.disk_full': 'The disk is full: nothing was saved and nothing changed. Free some disk space, then try again.',
  'err.db.io': 'The database file cannot be read or written (moved, damaged, or a disk problem). Close the app and check the file; if it is damaged, restore a backup: Cadangan tab → Restore, or npm run cli -- restore <backup name> --db <file>.',
  'err.db.read_only_reason': 'Not saved: the registry is open read-only because {reason}. Ask for write access (or copy the registry to a folder of your own), then reopen the app.',
  'err.dbMoved': 'Not saved: the registry file "{path}" was {what} after the app opened it. Put the file back, then close and reopen the app.',
  'err.backupFailed': 'The registry backup could not be made: {detail} Nothing was changed.',
  'err.backupNotFound': 'Backup "{name}" not found in the backup folder.',
  'err.damaged': '{detail}',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { id, en };

/** Fills `{name}` placeholders; unknown keys fall back to the key itself. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function message(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return format(MESSAGES[lang][key] ?? key, params);
}

/**
 * Header recognition by meaning (issue 11 item 1). Two lists: the header words the issue names,
 * and spellings chosen before the vocabulary was written (typos, abbreviations, other orders,
 * database exports) that appear in no phrase list — they must map through the normalisation,
 * stems, fuzzy words and scores, not through a synonym.
 */
import { describe, expect, it } from 'vitest';
import { fieldForHeader, findHeader, guessHeader, withUserHeaders } from '../../electron/core/import/header';
import { TRADE_VOCABULARY } from '../../electron/core/trade/stats';
import type { RawCell } from '../../electron/core/import/sheet';

const ISSUE: Record<string, string> = {
  Perusahaan: 'business_name',
  nama_komersial: 'business_name',
  'NAMA KOPERASI': 'business_name',
  nama_penanggungjawab: 'owner_name',
  'NAMA PESERTA': 'business_name',
  alamat_sbr: 'address',
  JALAN: 'address',
  'TELP/FAX': 'phone',
  Phone: 'phone',
  'JUMLAH KARYAWAN LAKI-LAKI': 'workers_male',
  'JUMLAH KARYAWAN PEREMPUAN': 'workers_female',
  total_aset: 'investment_idr',
  'NILAI MODAL USAHA PER TAHUN': 'investment_idr',
  'NILAI OMZET USAHA PER TAHUN': 'production_value_idr',
  penjualan_rata_pertahun: 'production_value_idr',
  'NILAI BB/BP': 'raw_material_value_idr',
  'Jenis Usaha': 'commodity',
  'BIDANG USAHA': 'commodity',
  kegiatan_utama: 'commodity',
  'KABUPATEN USAHA': 'district_code',
  'Nama Kabupaten / Kota': 'district_code',
  'KECAMATAN USAHA': 'kecamatan',
  'KELURAHAN USAHA': 'desa',
  tahun_mulai_beroperasi: 'year_established',
};

/** Chosen before the vocabulary was written; none of these is a phrase of header.ts. */
const UNLISTED: Record<string, string> = {
  'Nama Perusahaan/Usaha': 'business_name',
  'NM. USAHA': 'business_name',
  NamaUsaha: 'business_name',
  'Nama Pimpinan Perusahaan': 'owner_name',
  'Pemilik/Penanggung Jawab': 'owner_name',
  'Nama Pemilk': 'owner_name',
  'No. Induk Berusaha (NIB)': 'nib',
  'NOMOR HP/WA': 'phone',
  'No. Telpon': 'phone',
  'Telepon / HP': 'phone',
  'Alamat Tempat Usaha': 'address',
  'Alamt Usaha': 'address',
  'Kab/Kota': 'district_code',
  'Kecamatan Lokasi Usaha': 'kecamatan',
  Kecamtan: 'kecamatan',
  'Desa / Kel.': 'desa',
  'Jml Tenaga Kerja (org)': 'workers_total',
  'TK Pria': 'workers_male',
  'TK Wanita': 'workers_female',
  'Karyawan Perempuan': 'workers_female',
  'Modal Usaha (Rp)': 'investment_idr',
  'Nilai Investasi (Rp.000)': 'investment_idr',
  'Omset/Tahun': 'production_value_idr',
  'Kapasitas Produksi/Thn': 'capacity_value',
  'Tahun Berdiri Usaha': 'year_established',
  'Thn. Mulai Usaha': 'year_established',
  'Kode KBLI 2020': 'kbli',
  'Jenis Produk/Komoditi': 'commodity',
  Komuditas: 'commodity',
  'E-mail': 'email',
  'Bentuk Badan Usaha': 'business_form',
  TAHUN_PENDIRIAN: 'year_established',
  'Nomor Telepon Pemilik': 'phone',
  'NAMA IKM / UKM': 'business_name',
  Satuan: 'capacity_unit',
};

describe('header words by meaning', () => {
  for (const [header, field] of Object.entries(ISSUE)) it(`the issue's "${header}" → ${field}`, () => expect(fieldForHeader(header)).toBe(field));
  for (const [header, field] of Object.entries(UNLISTED)) it(`unlisted "${header}" → ${field}`, () => expect(fieldForHeader(header)).toBe(field));
  it('words that name nothing map to nothing', () => {
    for (const h of ['No', 'No.', 'Keterangan', 'Foto', 'Koordinat GPS', 'Paraf']) expect(fieldForHeader(h), h).toBeNull();
  });
});

describe('the whole table is assigned at once', () => {
  it('business address over a home address, business name over owner name, one field per column', () => {
    const rows: RawCell[][] = [['No', 'Nama Pemilik', 'Alamat Rumah', 'Nama Usaha', 'Alamat Usaha', 'HP']];
    const h = findHeader(rows)!;
    expect(h.columns.map((c) => `${c.header}=${c.field}`)).toEqual(['Nama Pemilik=owner_name', 'Nama Usaha=business_name', 'Alamat Usaha=address', 'HP=phone']);
  });
  it('a home address alone is still the address', () => {
    const h = findHeader([['Nama Usaha', 'Alamat Rumah Pemilik', 'Produk']])!;
    expect(h.columns.map((c) => c.field)).toEqual(['business_name', 'address', 'commodity']);
  });
  it('a group row, a sub row and a column-number row under titles; a title line gives the unit', () => {
    const rows: RawCell[][] = [
      ['REKAP DATA IKM KABUPATEN KATINGAN'],
      ['(nilai dalam ribuan rupiah)'],
      [],
      ['No', 'Identitas Usaha', null, 'Lokasi', null, 'Tenaga Kerja', null, 'Nilai'],
      [null, 'Nama', 'Pemilik', 'Kecamatan', 'Desa', 'L', 'P', 'Investasi'],
      ['1', '2', '3', '4', '5', '6', '7', '8'],
      [1, 'Rotan Jaya', 'Budi', 'Katingan Hilir', 'Kasongan', 2, 3, 25000],
    ];
    const h = findHeader(rows)!;
    expect(h.headerRow).toBe(5);
    expect(h.rows).toBe(2);
    expect(h.columns.map((c) => `${c.field}:${c.multiplier}`)).toEqual([
      'business_name:1', 'owner_name:1', 'kecamatan:1', 'desa:1', 'workers_male:1', 'workers_female:1', 'investment_idr:1000',
    ]);
    expect(h.cells.find((c) => c.col === 5)?.header).toBe('Tenaga Kerja / L');
  });
  it('three header rows: group, sub group, sub', () => {
    const rows: RawCell[][] = [
      ['Nama Usaha', 'Tenaga Kerja', null, null, 'Alamat'],
      [null, 'Jumlah', 'Menurut Jenis Kelamin', null, null],
      [null, null, 'Laki-laki', 'Perempuan', null],
      ['Rotan Jaya', 5, 2, 3, 'Jl. A'],
    ];
    const h = findHeader(rows)!;
    expect(h.headerRow).toBe(3);
    expect(h.columns.map((c) => c.field)).toEqual(['business_name', 'workers_total', 'workers_male', 'workers_female', 'address']);
  });
  it('a row that names columns but no business name is not a table, and says what it found', () => {
    const g = guessHeader([['Judul'], ['NIB', 'Alamat', 'Telepon', 'KBLI']]);
    expect(g.header).toBeNull();
    expect(g.nearest).toMatchObject({ row: 2, headers: ['NIB', 'Alamat', 'Telepon', 'KBLI'] });
    // Every header cell, with the field it named, for a mapping the user can complete.
    expect(g.nearest!.cells).toEqual([
      { col: 0, header: 'NIB' },
      { col: 1, header: 'Alamat' },
      { col: 2, header: 'Telepon' },
      { col: 3, header: 'KBLI' },
    ]);
    expect(g.nearest!.columns.map((c) => [c.col, c.field, c.source, c.why?.[0]?.key])).toEqual([
      [0, 'nib', 'header', 'map.header'],
      [1, 'address', 'header', 'map.header'],
      [2, 'phone', 'header', 'map.header'],
      [3, 'kbli', 'header', 'map.header'],
    ]);
  });
  it("the user's mapping finds a header whose key column no vocabulary names", () => {
    const rows = [['Tahun', 'Bulan', 'Nilai Penjualan ke Luar Negeri (US$)']];
    expect(findHeader(rows, TRADE_VOCABULARY)).toBeNull();
    const h = findHeader(rows, withUserHeaders(TRADE_VOCABULARY, { 'Nilai Penjualan ke Luar Negeri (US$)': 'export_usd', Bulan: '' }))!;
    expect(h.columns.map((c) => [c.header, c.field])).toEqual([['Tahun', 'year'], ['Bulan', 'month'], ['Nilai Penjualan ke Luar Negeri (US$)', 'export_usd']]);
  });
  it('a business name with one more column is a table (never refused for too few columns)', () => {
    expect(findHeader([['Nama Usaha', 'Catatan Lain']])?.columns.map((c) => c.field)).toEqual(['business_name']);
  });
});

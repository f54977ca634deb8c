/**
 * Writes a large district submission shaped like the real ones (two title rows, a merged two-row
 * header with TENAGA KERJA over LK / PR, investment as `Rp 34.000.000` text, a formula column for
 * total workers, a TOTAL row with SUM formulas and a signature block) with exceljs's streaming
 * writer, for the import benchmark and the large-file tests.
 *
 * Business i has a fixed NIB, so two files with overlapping ranges describe the same businesses:
 * `variant` changes their production value, making the overlap updates.
 */
import ExcelJS from 'exceljs';

const PRODUCTS: Array<[string, string]> = [
  ['Anyaman rotan', '16291'], ['Kerupuk ikan saluang', '10750'], ['Tenun ikat Dayak', '13121'],
  ['Madu kelulut', '10799'], ['Gula aren', '10721'], ['Teh bawang Dayak', '10763'], ['Keripik kelakai', '10793'],
];
const NAMES = ['Berkah', 'Mandiri', 'Isen Mulang', 'Huma Betang', 'Bungai', 'Sejahtera', 'Lestari', 'Harapan'];

export const benchNib = (i: number): string => `7${String((i * 104729 + 3_000_000_017) % 1e12).padStart(12, '0')}`;

export async function writeDistrictWorkbook(
  path: string,
  opts: { rows: number; offset?: number; variant?: number; district?: string },
): Promise<void> {
  const { rows, offset = 0, variant = 0, district = 'SERUYAN' } = opts;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('IKM');
  const head = [
    ws.addRow([`DATA IKM KABUPATEN ${district}`]),
    ws.addRow(['TAHUN 2025']),
    ws.addRow([]),
    ws.addRow(['NO', 'NAMA USAHA', 'NAMA PEMILIK', 'ALAMAT', 'NIB', 'KOMODITI', 'KBLI', 'TENAGA KERJA', null, 'JUMLAH TK',
      'INVESTASI (Rp)', 'NILAI PRODUKSI (Rp)', 'TAHUN BERDIRI', 'HP']),
    ws.addRow([null, null, null, null, null, null, null, 'LK', 'PR']),
  ];
  // Merge while the header rows are still open: the streaming writer cannot touch committed rows.
  for (const range of ['A1:N1', 'A2:N2', 'H4:I4', ...'ABCDEFGJKLMN'.split('').map((c) => `${c}4:${c}5`)]) ws.mergeCells(range);
  for (const row of head) row.commit();
  for (let k = 0; k < rows; k++) {
    const i = offset + k;
    const [product, kbli] = PRODUCTS[i % PRODUCTS.length]!;
    const male = i % 13;
    const female = (i * 7) % 11;
    const r = ws.addRow([
      k + 1,
      `IKM ${product.split(' ')[0]} ${NAMES[i % NAMES.length]} ${i}`,
      `Pemilik ${i}`,
      `Jl. Tjilik Riwut No. ${i % 300}`,
      benchNib(i),
      product,
      kbli,
      male,
      female,
      { formula: `H${k + 6}+I${k + 6}`, result: male + female },
      `Rp ${((5 + (i % 400)) * 1_000_000).toLocaleString('id-ID')}`,
      (10 + (i % 900) + variant) * 1_000_000,
      1990 + (i % 35),
      `08${String(1_200_000_000 + i)}`,
    ]);
    r.commit();
  }
  const last = rows + 5;
  ws.addRow(['TOTAL', null, null, null, null, null, null, { formula: `SUM(H6:H${last})` }, { formula: `SUM(I6:I${last})` }]).commit();
  ws.addRow([]).commit();
  ws.addRow([null, null, null, null, null, null, null, null, null, 'Kuala Pembuang, 15 Desember 2025']).commit();
  ws.addRow([null, null, null, null, null, null, null, null, null, 'Kepala Dinas Perindustrian dan Perdagangan']).commit();
  ws.addRow([null, null, null, null, null, null, null, null, null, 'NIP. 19700101 199003 1 001']).commit();
  ws.commit();
  await wb.commit();
}

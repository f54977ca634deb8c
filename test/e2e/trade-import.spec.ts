/**
 * The BPS trade-table import in Chromium: a table whose imports column has a header no
 * vocabulary knows ("Barang Masuk") is previewed as a dry run, the column is mapped by hand in
 * the same mapping UI as the other imports, and only "Impor sekarang" writes the figures.
 */
import { resolve } from 'node:path';
import { expect, test } from './harness';

const FILE = resolve('test/fixtures/ekspor/neraca_bps_ejaan_lain_openpyxl.xlsx');
type Stat = { year: number; month: number; export_usd: number | null; import_usd: number | null };
const stats = (h: { db: { prepare(s: string): { all(...p: unknown[]): unknown[] } } }, province = '62') =>
  h.db.prepare(`SELECT year, month, export_usd, import_usd FROM trade_stat WHERE province_code = ? ORDER BY year, month`).all(province) as Stat[];

test.use({ seedRows: 0 });

test('a BPS table with unusual headers is mapped by hand in the preview, then imported', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.getByRole('tab', { name: 'Neraca perdagangan (BPS)' }).click();
  await page.getByLabel('Impor tabel BPS…').setInputFiles(FILE);
  const dialog = page.getByRole('dialog', { name: 'Impor tabel BPS…' });
  await expect(dialog.getByTestId('counts-neraca_bps_ejaan_lain_openpyxl.xlsx')).toContainText('6 baru, 0 diperbarui, 0 tidak berubah, 1 ditolak', { timeout: 60_000 });
  // The column the import could not name is listed, not dropped; the refused row says where and why.
  const unmapped = dialog.getByTestId('unmapped');
  await expect(unmapped).toContainText('kolom D "Barang Masuk (US$)": 7 baris berisi data');
  // The province is the one the title names (no province was picked), and the preview says so.
  await expect(dialog.getByTestId('province-neraca_bps_ejaan_lain_openpyxl.xlsx')).toHaveText('Lembar Neraca: disimpan sebagai data Provinsi Kalimantan Tengah, provinsi yang disebut judul tabelnya.');
  await expect(dialog.getByRole('row', { name: /Neraca 11 A .*Tahun "20x4" tidak dikenali/ })).toBeVisible();
  await dialog.getByText('Pemetaan kolom').click();
  await expect(dialog.getByRole('combobox', { name: 'Pemetaan kolom: Ekspor Nonmigas (US$)' })).toHaveValue('export_usd');
  await expect(dialog.getByRole('combobox', { name: 'Pemetaan kolom: Barang Masuk (US$)' })).toHaveValue('');
  expect(stats(harness)).toEqual([]); // the preview is a dry run

  await dialog.getByRole('combobox', { name: 'Pemetaan kolom: Barang Masuk (US$)' }).selectOption('import_usd');
  await expect(unmapped).not.toContainText('Barang Masuk', { timeout: 60_000 });
  await expect(dialog.getByRole('row', { name: /D Barang Masuk \(US\$\) .*100% dipilih pengguna/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/trade-import-mapped-1366x768.png' });
  expect(stats(harness)).toEqual([]);

  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  const rows = stats(harness);
  expect(rows).toHaveLength(6);
  expect(rows[0]).toEqual({ year: 2024, month: 1, export_usd: 181_500_000, import_usd: 24_250_000 });
  expect(rows[5]).toEqual({ year: 2024, month: 6, export_usd: 186_500_000, import_usd: 26_750_000 });
  await expect(page.getByRole('row', { name: /2024 Juni 186\.500\.000 26\.750\.000 159\.750\.000/ })).toBeVisible();
});

test('every refused row of a BPS table is listed, a hundred a page', async ({ page }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-bps-')), 'neraca_salah_ketik.csv');
  // 150 rows whose year is typed wrong, and one good row.
  const bad = Array.from({ length: 150 }, (_, i) => `20x${i};Januari;${100 + i};${10 + i}`);
  writeFileSync(path, ['Tahun;Bulan;Nilai Ekspor (US$);Nilai Impor (US$)', '2024;Januari;181500000;24250000', ...bad].join('\n') + '\n');
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.getByRole('tab', { name: 'Neraca perdagangan (BPS)' }).click();
  await page.getByLabel('Impor tabel BPS…').setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: 'Impor tabel BPS…' });
  await expect(dialog.getByText('Baris ditolak (150)')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByText('1–100 dari 150')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /neraca_salah_ketik 3 A .*Tahun "20x0" tidak dikenali/ })).toBeVisible();
  await dialog.getByRole('button', { name: '›' }).click();
  await expect(dialog.getByText('101–150 dari 150')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /neraca_salah_ketik 152 A .*Tahun "20x149" tidak dikenali/ })).toBeVisible();
});

test('a BPS table with no header the import knows as exports is refused with its columns; naming the export column reads it', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.getByRole('tab', { name: 'Neraca perdagangan (BPS)' }).click();
  await page.getByLabel('Impor tabel BPS…').setInputFiles(resolve('test/fixtures/ekspor/neraca_bps_tanpa_kata_ekspor_libreoffice.xlsx'));
  const dialog = page.getByRole('dialog', { name: 'Impor tabel BPS…' });
  await expect(dialog.getByRole('alert')).toContainText('baris 2 lembar "Tabel 8.1" paling mirip judul kolom', { timeout: 60_000 });
  await expect(dialog.getByRole('alert')).toContainText('Pilih kolom ekspornya pada pemetaan kolom');
  await expect(dialog.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled();
  // The columns it read are offered for mapping, those it knew already named.
  await expect(dialog.getByRole('combobox', { name: 'Pemetaan kolom: Tahun' })).toHaveValue('year');
  await dialog.getByRole('combobox', { name: 'Pemetaan kolom: Nilai Penjualan ke Luar Negeri (US$)' }).selectOption('export_usd');
  await expect(dialog.getByTestId('counts-neraca_bps_tanpa_kata_ekspor_libreoffice.xlsx')).toContainText('3 baru', { timeout: 60_000 });
  await dialog.getByRole('combobox', { name: 'Impor kolom "Pembelian dari Luar Negeri (US$)" sebagai' }).selectOption('import_usd');
  await expect(dialog.getByTestId('unmapped')).toHaveCount(0, { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/trade-import-named-1366x768.png' });
  // The title names Kalimantan Selatan: its figures, not the office's (Kalimantan Tengah).
  await expect(dialog.getByTestId('province-neraca_bps_tanpa_kata_ekspor_libreoffice.xlsx')).toContainText('Provinsi Kalimantan Selatan, provinsi yang disebut judul tabelnya');
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  expect(stats(harness)).toEqual([]);
  // The table shows the province the figures went to.
  await expect(page.locator('.trade-form').getByLabel('Provinsi')).toHaveValue('63');
  await expect(page.getByRole('row', { name: /2025 Maret 614\.000\.000 99\.000\.000/ })).toBeVisible();
  const rows = stats(harness, '63');
  expect(rows).toEqual([
    { year: 2025, month: 1, export_usd: 612_000_000, import_usd: 98_500_000 },
    { year: 2025, month: 2, export_usd: 613_000_000, import_usd: 98_750_000 },
    { year: 2025, month: 3, export_usd: 614_000_000, import_usd: 99_000_000 },
  ]);
});

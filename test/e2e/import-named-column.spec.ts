/**
 * A file whose key column has a header no vocabulary names, in Chromium: the IKM wizard and the
 * shipments dialog refuse it with the row they read as header and its columns in the mapping;
 * the user names the column ("Mitra Binaan" → Nama usaha, "Pasar" → Negara tujuan), the dry
 * run reads the file with that naming and shows the normal preview, and the import writes the
 * rows (checked in the database); the naming is remembered for the next file.
 */
import { resolve } from 'node:path';
import { expect, test } from './harness';

const MITRA = resolve('test/fixtures/mitra_binaan_libreoffice.xlsx');
const PASAR = resolve('test/fixtures/ekspor/ekspor_kolom_pasar_openpyxl.xlsx');

test.use({ seedRows: 0 });

test('an IKM list refused for want of a business-name column is read once the user names that column', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(MITRA);
  const card = page.getByRole('region', { name: 'mitra_binaan_libreoffice.xlsx' });
  await expect(page.getByTestId('badge-mitra_binaan_libreoffice.xlsx')).toHaveText('Pilih kolom', { timeout: 60_000 });
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('baris 3 lembar "Binaan 2025" dibaca sebagai judul kolom (No, Mitra Binaan, Pemilik, Alamat, Kabupaten/Kota, Produk, Jumlah TK)');
  await expect(alert).toContainText('Pilih kolom nama usaha pada pemetaan kolom di bawah');
  await expect(page.getByRole('button', { name: /^Impor \d berkas$/ })).toBeDisabled();
  // The columns it read are offered for mapping, open, those it knew already named.
  const nameColumn = card.getByRole('combobox', { name: 'Pemetaan kolom: Mitra Binaan' });
  await expect(nameColumn).toBeVisible();
  await expect(card.getByRole('combobox', { name: 'Pemetaan kolom: Pemilik' })).toHaveValue('owner_name');
  await expect(nameColumn).toHaveValue('');
  await page.screenshot({ path: 'test-results/import-named-column-refused-1366x768.png' });

  await nameColumn.selectOption({ label: 'Nama usaha' });
  await expect(page.getByTestId('counts-mitra_binaan_libreoffice.xlsx')).toHaveText('Baru 4 · diperbarui 0 · tidak berubah 0 · ditolak 0 · periksa 0', { timeout: 60_000 });
  await expect(page.getByTestId('badge-mitra_binaan_libreoffice.xlsx')).toHaveText('Siap diimpor');
  await expect(card.getByRole('combobox', { name: 'Pemetaan kolom: Mitra Binaan' })).toHaveValue('business_name');
  await expect(card.getByRole('row', { name: /B Mitra Binaan .*100% dipilih pengguna; 4 dari 4 nilai/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/import-named-column-named-1366x768.png' });
  expect(harness.db.prepare('SELECT count(*) AS n FROM ikm').get()).toEqual({ n: 0 }); // the preview is a dry run

  await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
  await expect(page.getByText('Impor selesai (nomor 1): 4 baru, 0 diperbarui, 0 tidak berubah, 0 ditolak.')).toBeVisible({ timeout: 60_000 });
  expect(harness.db.prepare('SELECT business_name, owner_name, district_code FROM ikm ORDER BY business_name').all()).toEqual([
    { business_name: 'Amplang Ibu Siti', owner_name: 'Siti Aminah', district_code: '6202' },
    { business_name: 'Manik Dayak Katingan', owner_name: 'Yuliana', district_code: '6209' },
    { business_name: 'Tenun Habaring Hurung', owner_name: 'Maria Ulfah', district_code: '6271' },
    { business_name: 'UD Rotan Mentaya', owner_name: 'H. Abdul Karim', district_code: '6202' },
  ]);

  // Remembered: the same header next time reads without being named again.
  await page.getByRole('button', { name: 'Impor berkas lain' }).click();
  await page.locator('input[type=file]').setInputFiles(MITRA);
  await expect(page.getByTestId('counts-mitra_binaan_libreoffice.xlsx')).toHaveText('Baru 0 · diperbarui 0 · tidak berubah 4 · ditolak 0 · periksa 0', { timeout: 60_000 });
});

test('a shipments list refused for want of a destination column is read once the user names that column', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.locator('.shipments input[type=file]').first().setInputFiles(PASAR);
  const dialog = page.getByRole('dialog', { name: 'Impor berkas…' });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('baris 2 lembar "Ekspor" dibaca sebagai judul kolom (Tanggal, Eksportir, Kabupaten/Kota, Produk, Pasar, Nilai FOB (US$))', { timeout: 60_000 });
  await expect(alert).toContainText('Pilih kolom negara tujuan pada pemetaan kolom di bawah');
  await expect(dialog.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled();
  await expect(dialog.getByRole('combobox', { name: 'Pemetaan kolom: Eksportir' })).toHaveValue('exporter_name');
  await page.screenshot({ path: 'test-results/shipments-named-column-refused-1366x768.png' });

  await dialog.getByRole('combobox', { name: 'Pemetaan kolom: Pasar' }).selectOption({ label: 'Negara tujuan' });
  await expect(dialog.getByTestId('counts-ekspor_kolom_pasar_openpyxl.xlsx')).toContainText('3 baru, 0 diperbarui, 0 tidak berubah, 0 ditolak', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/shipments-named-column-named-1366x768.png' });
  expect(harness.db.prepare('SELECT count(*) AS n FROM shipment').get()).toEqual({ n: 0 });

  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  expect(harness.db.prepare('SELECT date, exporter_name, country_code, fob_usd FROM shipment ORDER BY date').all()).toEqual([
    { date: '2025-03-04', exporter_name: 'CV Rotan Mentaya', country_code: 'JP', fob_usd: 12500 },
    { date: '2025-03-18', exporter_name: 'UD Madu Kelulut Katingan', country_code: 'MY', fob_usd: 4300.5 },
    { date: '2025-04-02', exporter_name: 'CV Rotan Mentaya', country_code: 'KR', fob_usd: 9800 },
  ]);
  // Remembered for the next shipment list.
  await page.locator('.shipments input[type=file]').first().setInputFiles(PASAR);
  await expect(dialog.getByTestId('counts-ekspor_kolom_pasar_openpyxl.xlsx')).toContainText('0 baru, 0 diperbarui, 3 tidak berubah, 0 ditolak', { timeout: 60_000 });
});

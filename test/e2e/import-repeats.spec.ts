/**
 * A shipment listed twice in one recap is imported once, and the preview lists the repeat with
 * the row it repeats — in the UI language, from the core's message key.
 */
import { join } from 'node:path';
import { expect, test } from './harness';

test.use({ seedRows: 0 });

test('a repeated shipment is listed in the preview as imported once, in Indonesian and in English', async ({ page, harness }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-repeat-')), 'rekap_ganda.csv');
  writeFileSync(path, 'No;Tgl PEB;No. PEB;Nama Perusahaan;Kab/Kota;Kode HS;Negara Tujuan;Nilai FOB (US$)\n' +
    '1;12/03/2025;000123;CV Rotan Katingan;Katingan;4602.12;Malaysia;12.500,50\n' +
    '2;14/03/2025;000124;UD Purun Jaya;Kapuas;4602.19;Jepang;3.000\n' +
    '3;12/03/2025;000123;CV Rotan Katingan;Katingan;4602.12;Malaysia;12.500,50\n');
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.locator('.shipments input[type=file]').first().setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: 'Impor berkas…' });
  await expect(dialog.getByTestId('counts-rekap_ganda.csv')).toContainText('2 baru', { timeout: 60_000 });
  await dialog.getByText('Baris yang diimpor sekali (sama dengan baris sebelumnya) (1)').click();
  await expect(dialog.getByRole('row', { name: /rekap_ganda 4 CV Rotan Katingan Pengapalan yang sama dengan baris 2 \(rekap_ganda\); diimpor sekali\./ })).toBeVisible();
  await page.screenshot({ path: info.outputPath('repeats-id-1366x768.png') });

  await page.getByRole('button', { name: 'English' }).click();
  const english = page.getByRole('dialog', { name: 'Import file…' });
  await expect(english.getByRole('row', { name: /rekap_ganda 4 CV Rotan Katingan The same shipment as row 2 \(rekap_ganda\); imported once\./ })).toBeVisible();
  await expect(english.getByText('Rows imported once (the same as an earlier row) (1)')).toBeVisible();
  await page.screenshot({ path: info.outputPath('repeats-en-1366x768.png') });
  expect(harness.db.prepare('SELECT count(*) AS n FROM shipment').get()).toEqual({ n: 0 }); // a preview writes nothing
});

test('the IKM wizard’s review of a likely-duplicate pair reads in English once the UI is English', async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-pair-')), 'kotim_pasangan.csv');
  writeFileSync(path, 'Nama Usaha;Pemilik;Alamat;NIB;Kabupaten;Nilai Produksi\nToko Berkah;Siti;Jl. Ahmad Yani 9;;Kotim;\nToko Berkah;Ani;Jl. Pelita 7;;Kotim;\n');
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  const pair = page.getByRole('region', { name: 'kotim_pasangan.csv' }).getByTestId('pair');
  await expect(pair).toContainText('Nama dan kabupaten/kota sama dengan baris 2 (kotim_pasangan), tetapi pemilik dan alamat tidak sama.', { timeout: 60_000 });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(pair).toContainText('The same name and district as row 2 (kotim_pasangan), but another owner and address. Imported apart; check whether it is the same business.');
  await pair.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('pair-en-1366x768.png') });
});

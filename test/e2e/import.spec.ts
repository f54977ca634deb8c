/**
 * The import wizard in Chromium: the two shared samples through preview, district choice,
 * import, the registry, the error report, and undo from the history — against the real core.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './harness';

const SAMPLES = resolve('test/fixtures/samples');
const FIX = resolve('test/fixtures');
const active = (h: { db: { prepare(s: string): { get(): unknown } } }) => (h.db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number }).n;

test.use({ seedRows: 0 });

test('imports the district samples through the wizard, then undoes the batch', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles([join(SAMPLES, 'seruyan_2025.xlsx'), join(SAMPLES, 'murung_raya_2025.xlsx'), join(FIX, 'rusak.xlsx')]);
  const seruyan = page.getByRole('region', { name: 'seruyan_2025.xlsx' });
  // Only its district to choose: not refused, no CLI flag, the district its title names offered in one click.
  await expect(seruyan.getByRole('status')).toContainText('tidak memiliki kolom kabupaten/kota; judul atau nama berkasnya menyebut', { timeout: 60_000 });
  await expect(seruyan.getByRole('status')).not.toContainText('--district');
  await expect(page.getByTestId('badge-seruyan_2025.xlsx')).toHaveText('Pilih kabupaten/kota');
  // A damaged file is refused whole (legacy .xls is read now: see import-damaged.test.ts).
  await expect(page.getByTestId('badge-rusak.xlsx')).toHaveText('Ditolak');
  await seruyan.getByRole('combobox').selectOption('6208');
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toHaveText('Baru 28 · diperbarui 0 · tidak berubah 0 · ditolak 2 · periksa 0', { timeout: 60_000 });
  await expect(page.getByTestId('counts-murung_raya_2025.xlsx')).toHaveText('Baru 25 · diperbarui 0 · tidak berubah 0 · ditolak 0 · periksa 1');
  await expect(seruyan.getByRole('row', { name: /14 B Nama usaha kosong/ })).toBeVisible();
  expect(active(harness)).toBe(0); // the preview is a dry run
  await page.screenshot({ path: 'docs/import.png' });

  await expect(page.getByTestId('counts-murung_raya_2025.xlsx').locator('xpath=..').getByText(/terbanyak Murung Raya/)).toBeVisible();
  await page.getByRole('button', { name: 'Impor 2 berkas' }).click();
  await expect(page.getByText('Impor selesai (nomor 1): 53 baru, 0 diperbarui, 0 tidak berubah, 2 ditolak.')).toBeVisible({ timeout: 60_000 });
  expect(active(harness)).toBe(53);
  // After the import the cards say so, not "Siap diimpor".
  await expect(page.getByTestId('badge-murung_raya_2025.xlsx')).toHaveText('Sudah diimpor');

  // The error report for Seruyan, as sent back to the district.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh laporan kesalahan Kabupaten Seruyan' }).click();
  const file = await (await download).path();
  expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('tab', { name: 'Registri IKM' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('53 IKM');
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.getByRole('button', { name: 'Batalkan impor', exact: true }).click();
  // The undo names what it will do before it does it.
  await expect(page.getByRole('dialog')).toContainText('53 data baru dari impor ini akan dihapus');
  await page.getByRole('dialog').getByRole('button', { name: 'Batalkan impor 1' }).click();
  await expect(page.getByText('Impor nomor 1 dibatalkan: 53 data dihapus, 0 nilai dikembalikan.')).toBeVisible();
  expect(active(harness)).toBe(0);
});

test('a file with data in columns the import does not take is flagged; a column mapped from the list is imported', async ({ page, harness }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-unmapped-')), 'katingan_2025.csv');
  writeFileSync(path, 'No;Nama Usaha;Pemilik;Kab/Kota;Produk Unggulan Desa;Catatan Lapangan\n' +
    '1;Rotan Jaya;Budi;Katingan;Tas rotan;sudah dikunjungi\n2;Tenun Indah;Sari;Katingan;Tenun;belum\n');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  const card = page.getByRole('region', { name: 'katingan_2025.csv' });
  await expect(page.getByTestId('badge-katingan_2025.csv')).toHaveText('Siap diimpor — periksa', { timeout: 60_000 });
  const unmapped = card.getByTestId('unmapped');
  await expect(unmapped).toContainText('Kolom berisi data yang tidak diimpor (1)');
  await expect(unmapped).toContainText('kolom F "Catatan Lapangan": 2 baris berisi data');
  await card.getByText('Pemetaan kolom').click();
  await expect(card.getByRole('combobox', { name: 'Pemetaan kolom: Produk Unggulan Desa' })).toHaveValue('commodity');
  await page.screenshot({ path: 'test-results/import-unmapped-1366x768.png' });
  await unmapped.getByRole('combobox', { name: 'Impor kolom "Catatan Lapangan" sebagai' }).selectOption('email');
  // e-mail refuses nothing: the values that are not e-mail addresses become warnings, the column is taken.
  await expect(card.getByTestId('unmapped')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('badge-katingan_2025.csv')).toHaveText('Siap diimpor');
  await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
  await expect(page.getByText(/Impor selesai \(nomor 1\): 2 baru/)).toBeVisible({ timeout: 60_000 });
  expect(active(harness)).toBe(2);
});

test('the shipments recap dated only by "Tgl PEB" imports through its wizard', async ({ page, harness }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-peb-')), 'rekap_peb_2025.csv');
  writeFileSync(path, 'No;Tgl PEB;No. PEB;Nama Perusahaan;Kab/Kota;Negara Tujuan;Nilai FOB (US$)\n' +
    '1;12/03/2025;000123;CV Rotan Katingan;Katingan;Malaysia;12.500,50\n2;14/03/2025;000124;UD Purun Jaya;Kapuas;Jepang;3.000\n');
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.locator('.shipments input[type=file]').first().setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: 'Impor berkas…' });
  await expect(dialog).toContainText('2 baru');
  await dialog.getByText(/Lembar "rekap_peb_2025"/).click();
  await expect(dialog.getByRole('row', { name: /Tgl PEB/ }).getByRole('combobox')).toHaveValue('peb_date');
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toBeHidden();
  expect(harness.db.prepare(`SELECT date, exporter_name FROM shipment WHERE peb_number IN ('000123', '000124') ORDER BY date`).all()).toEqual([
    { date: '2025-03-12', exporter_name: 'CV Rotan Katingan' },
    { date: '2025-03-14', exporter_name: 'UD Purun Jaya' },
  ]);
});

test.describe('a big import', () => {
  test.use({ seedRows: 20_000 });

  test('shows progress, the registry grid still scrolls meanwhile, and Batalkan saves nothing', async ({ page, harness }) => {
    test.setTimeout(240_000);
    const { writeDistrictWorkbook } = await import('../support/district-workbook');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-big-')), 'seruyan_besar.xlsx');
    await writeDistrictWorkbook(path, { rows: 60_000 });
    await page.getByRole('tab', { name: 'Impor' }).click();
    await page.locator('input[type=file]').setInputFiles(path);
    const card = page.getByRole('region', { name: 'seruyan_besar.xlsx' });
    await card.getByRole('combobox').selectOption('6208', { timeout: 90_000 });
    await expect(page.getByTestId('counts-seruyan_besar.xlsx')).toContainText('Baru 60000', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
    await expect(page.getByRole('progressbar', { name: 'Kemajuan impor' })).toBeVisible({ timeout: 60_000 });

    // While it runs: the registry answers, showing the last committed state (20.000, not more).
    await page.getByRole('tab', { name: 'Registri IKM' }).click();
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '20001');
    await grid.locator('[role=row][aria-rowindex="2"] [role=gridcell][data-field="business_name"]').click();
    await page.keyboard.press('Control+End');
    const last = harness.db.prepare('SELECT business_name FROM ikm WHERE id = 20000').get() as { business_name: string };
    await expect(grid.locator('[role=row][aria-rowindex="20001"] [role=gridcell][data-field="business_name"]')).toHaveText(last.business_name);

    await page.getByRole('tab', { name: 'Impor' }).click();
    await expect(page.getByRole('progressbar', { name: 'Kemajuan impor' })).toBeVisible();
    await page.getByRole('button', { name: 'Batalkan', exact: true }).click();
    await expect(page.getByText('Impor dibatalkan; tidak ada yang disimpan.').first()).toBeVisible({ timeout: 30_000 });
    expect(active(harness)).toBe(20_000);
    expect((harness.db.prepare('SELECT count(*) AS n FROM import_batch').get() as { n: number }).n).toBe(0);
  });
});

test('a column the wizard did not recognise can be mapped by hand', async ({ page, harness }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'pangkalan-map-')), 'gumas.csv');
  writeFileSync(path, 'Nama Usaha;Alamat;Keterangan;Kabupaten\nRotan Tewah;Jl. Tewah;Pak Sahay;Gumas\n');
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(path);
  const card = page.getByRole('region', { name: 'gumas.csv' });
  await card.getByText('Pemetaan kolom').click();
  await card.getByRole('combobox', { name: 'Pemetaan kolom: Keterangan' }).selectOption('owner_name');
  await expect(card.getByRole('combobox', { name: 'Pemetaan kolom: Keterangan' })).toHaveValue('owner_name');
  await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
  await expect(page.getByText(/Impor selesai \(nomor 1\): 1 baru/)).toBeVisible();
  expect(harness.db.prepare(`SELECT owner_name, district_code FROM ikm WHERE business_name = 'Rotan Tewah'`).get()).toEqual({ owner_name: 'Pak Sahay', district_code: '6211' });
});

test('a refused cell can be corrected in the wizard before importing', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(join(SAMPLES, 'seruyan_2025.xlsx'));
  const card = page.getByRole('region', { name: 'seruyan_2025.xlsx' });
  await card.getByRole('combobox').selectOption('6208');
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toContainText('ditolak 2');
  const fix = card.getByRole('textbox', { name: 'Perbaiki sel E22' });
  await fix.fill('0812000123456');
  await fix.press('Enter');
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toHaveText('Baru 29 · diperbarui 0 · tidak berubah 0 · ditolak 1 · periksa 0');
  await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
  await expect(page.getByText(/Impor selesai \(nomor 1\): 29 baru/)).toBeVisible();
  expect(harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE nib = '0812000123456'`).get()).toEqual({ n: 1 });
});

test('a likely-duplicate pair is reviewed and kept apart; a revised file’s conflicting field is shown and kept', async ({ page, harness }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-review-'));
  const head = 'Nama Usaha;Pemilik;Alamat;NIB;Kabupaten;Nilai Produksi\n';
  writeFileSync(join(dir, 'kotim_2025.csv'), head + 'Amplang Jaya;Rusdi;Jl. Tjilik Riwut 1;;Kotim;1.000.000\n');
  writeFileSync(
    join(dir, 'kotim_2025_revisi.csv'),
    head + 'Amplang Jaya;Rusdi;Jl. Tjilik Riwut 1;;Kotim;2.000.000\nToko Berkah;Siti;Jl. Ahmad Yani 9;;Kotim;\nToko Berkah;Ani;Jl. Pelita 7;;Kotim;\n',
  );
  await harness.api('import.commit', { files: [{ name: 'kotim_2025.csv', dataBase64: readFileSync(join(dir, 'kotim_2025.csv')).toString('base64') }] });
  // The province corrects the figure by hand after that import.
  const id = (harness.db.prepare(`SELECT id FROM ikm WHERE business_name = 'Amplang Jaya'`).get() as { id: number }).id;
  await harness.api('ikm.update', { changes: [{ id, field: 'production_value_idr', value: 1_200_000 }] });

  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles(join(dir, 'kotim_2025_revisi.csv'));
  const card = page.getByRole('region', { name: 'kotim_2025_revisi.csv' });
  const conflict = card.getByTestId('conflict');
  await expect(conflict).toContainText('1.200.000');
  await expect(conflict).toContainText('2.000.000');
  await expect(conflict.getByRole('combobox')).toHaveValue('registry');
  const pair = card.getByTestId('pair');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('Siti');
  await expect(pair).toContainText('Ani');
  await expect(pair.getByRole('radio', { name: 'Usaha berbeda: simpan terpisah' })).toBeChecked();
  await page.setViewportSize({ width: 1366, height: 768 });
  await pair.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/import-review.png' });

  await page.getByRole('button', { name: 'Impor 1 berkas' }).click();
  await expect(page.getByText(/Impor selesai \(nomor 2\): 2 baru, 0 diperbarui, 1 tidak berubah/)).toBeVisible();
  const rows = harness.db.prepare(`SELECT business_name, owner_name, production_value_idr FROM ikm WHERE deleted_at IS NULL ORDER BY id`).all();
  expect(rows).toEqual([
    { business_name: 'Amplang Jaya', owner_name: 'Rusdi', production_value_idr: 1_200_000 },
    { business_name: 'Toko Berkah', owner_name: 'Siti', production_value_idr: null },
    { business_name: 'Toko Berkah', owner_name: 'Ani', production_value_idr: null },
  ]);
});

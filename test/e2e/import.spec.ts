/**
 * The import wizard in Chromium: the two shared samples through preview, district choice,
 * import, the registry, the error report, and undo from the history — against the real core.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './harness';

const SAMPLES = resolve('../shared/samples');
const FIX = resolve('test/fixtures');
const active = (h: { db: { prepare(s: string): { get(): unknown } } }) => (h.db.prepare('SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL').get() as { n: number }).n;

test.use({ seedRows: 0 });

test('imports the district samples through the wizard, then undoes the batch', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles([join(SAMPLES, 'seruyan_2025.xlsx'), join(SAMPLES, 'murung_raya_2025.xlsx'), join(FIX, 'kotim_lama.xls')]);
  const seruyan = page.getByRole('region', { name: 'seruyan_2025.xlsx' });
  await expect(seruyan.getByRole('alert')).toContainText('tidak memiliki kolom kabupaten/kota');
  await expect(page.getByRole('region', { name: 'kotim_lama.xls' }).getByRole('alert')).toContainText('Save As');
  await seruyan.getByRole('combobox').selectOption('6208');
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toHaveText('Baru 28 · diperbarui 0 · tidak berubah 0 · ditolak 2 · periksa 0');
  await expect(page.getByTestId('counts-murung_raya_2025.xlsx')).toHaveText('Baru 25 · diperbarui 0 · tidak berubah 0 · ditolak 0 · periksa 1');
  await expect(seruyan.getByRole('row', { name: /14 B Nama usaha kosong/ })).toBeVisible();
  expect(active(harness)).toBe(0); // the preview is a dry run
  await page.screenshot({ path: 'docs/import.png' });

  await page.getByRole('button', { name: 'Impor 2 berkas' }).click();
  await expect(page.getByText('Impor selesai (nomor 1): 53 baru, 0 diperbarui, 0 tidak berubah, 2 ditolak.')).toBeVisible();
  expect(active(harness)).toBe(53);

  // The error report for Seruyan, as sent back to the district.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh laporan kesalahan per kabupaten/kota' }).click();
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

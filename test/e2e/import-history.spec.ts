/**
 * One import history for every kind (import/batch.ts): a BPS table imported on the Ekspor tab is
 * listed in Riwayat impor on the Impor tab as "Neraca BPS", and undone from there like an IKM import.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './harness';

const stats = (h: { db: { prepare(s: string): { all(): unknown[] } } }) => h.db.prepare(`SELECT year, month, export_usd FROM trade_stat ORDER BY year, month`).all();

test.use({ seedRows: 0 });

test('a BPS table import is in the import history, and undone from it', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const file = join(mkdtempSync(join(tmpdir(), 'pangkalan-history-')), 'bps_2024.csv');
  writeFileSync(file, 'Tahun;Bulan;Ekspor;Impor\n2024;1;100;50\n2024;2;110;60\n2024;3;120;70\n');
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await page.getByRole('tab', { name: 'Neraca perdagangan (BPS)' }).click();
  await page.getByLabel('Impor tabel BPS…').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Impor tabel BPS…' });
  await expect(dialog.getByTestId('counts-bps_2024.csv')).toContainText('3 baru, 0 diperbarui, 0 tidak berubah, 0 ditolak', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  expect(stats(harness)).toHaveLength(3);

  await page.getByRole('tab', { name: 'Impor' }).click();
  const row = page.locator('.import-history tbody tr').first();
  await expect(row).toContainText('Neraca BPS');
  await expect(row).toContainText('bps_2024.csv');
  await page.screenshot({ path: 'test-results/import-history-1366x768.png', fullPage: true });
  await row.getByRole('button', { name: 'Batalkan impor', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('3 data baru dari impor ini akan dihapus');
  await page.getByRole('dialog').getByRole('button', { name: 'Batalkan impor 1' }).click();
  await expect(page.getByText('Impor nomor 1 dibatalkan: 3 data dihapus, 0 nilai dikembalikan.')).toBeVisible();
  await expect(row).toContainText('dibatalkan');
  expect(stats(harness)).toEqual([]);
});

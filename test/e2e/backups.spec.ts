/**
 * Cadangan in Chromium: a backup made on request, rows deleted, the backup restored through the
 * confirmation, every screen on the restored file (the registry's count), the state before the
 * restore kept as its own backup, and a backup downloaded (the browser host's "copy").
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './harness';

test('restores a backup from the Cadangan screen', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Cadangan' }).click();
  await expect(page.getByText('Belum ada cadangan.')).toBeVisible();
  await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click();
  const table = page.getByRole('table', { name: 'Cadangan registri' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Dibuat manual');
  await expect(table.getByRole('row').nth(1)).toContainText('1.000');

  // Ten records deleted after the backup.
  const { rows } = await harness.api('ikm.query', { filter: {}, sort: [], offset: 0, limit: 10 });
  await harness.api('ikm.delete', { ids: rows.map((r) => r.id) });
  await page.getByRole('tab', { name: 'Registri IKM' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('990 IKM');

  await page.getByRole('tab', { name: 'Cadangan' }).click();
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Pulihkan…' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Registri akan berisi 1.000 IKM');
  await expect(confirm).toContainText('registri sekarang (990 IKM) dicadangkan dulu');
  await page.screenshot({ path: 'docs/backups.png' });
  await confirm.getByRole('button', { name: 'Pulihkan cadangan ini' }).click();
  await expect(page.getByText(/Registri dipulihkan ke keadaan .* \(1\.000 IKM\)/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Sebelum pemulihan');
  await expect(table.getByRole('row').nth(1)).toContainText('990');

  expect((await harness.api('app.info', {})).ikmCount).toBe(1000);
  await page.getByRole('tab', { name: 'Registri IKM' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');

  // The browser host's "copy to a folder": a download of the file itself.
  await page.getByRole('tab', { name: 'Cadangan' }).click();
  const download = page.waitForEvent('download');
  await table.getByRole('row').nth(2).getByRole('button', { name: 'Salin ke folder…' }).click();
  const file = await (await download).path();
  expect(readFileSync(file!).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
});

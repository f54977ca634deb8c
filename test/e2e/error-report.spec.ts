/**
 * The error report sent back to a district, from the wizard in Chromium: a cell fixed in the
 * wizard is in it (old → new), one click downloads exactly one file per district — also when
 * the import had a second district's file and a damaged file — read back with openpyxl.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from './harness';

const SAMPLES = resolve('test/fixtures/samples');

test.use({ seedRows: 0 });

test('one click downloads one district report, with the rows fixed in the wizard', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('tab', { name: 'Impor' }).click();
  await page.locator('input[type=file]').setInputFiles([join(SAMPLES, 'seruyan_2025.xlsx'), join(SAMPLES, 'murung_raya_2025.xlsx'), resolve('test/fixtures/rusak.xlsx')]);
  const seruyan = page.getByRole('region', { name: 'seruyan_2025.xlsx' });
  await seruyan.getByRole('button', { name: 'Pakai Seruyan' }).click({ timeout: 60_000 });
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toContainText('ditolak 2', { timeout: 60_000 });
  // Row 22's NIB fixed in the wizard: the row is no longer refused.
  await seruyan.getByRole('textbox', { name: 'Perbaiki sel E22' }).fill('6208012345678');
  await seruyan.getByRole('textbox', { name: 'Perbaiki sel E22' }).press('Enter');
  await expect(page.getByTestId('counts-seruyan_2025.xlsx')).toContainText('Baru 29 · diperbarui 0 · tidak berubah 0 · ditolak 1', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Impor 2 berkas' }).click();
  await expect(page.getByText(/Impor selesai \(nomor 1\): 54 baru/)).toBeVisible({ timeout: 60_000 });

  // One button per report; Murung Raya had nothing to report.
  const result = page.locator('.import-result');
  await expect(result.getByRole('button', { name: /^Unduh laporan kesalahan/ })).toHaveCount(2);
  await expect(result.getByRole('listitem').first()).toContainText('1 baris ditolak, 1 nilai diperbaiki');
  await page.screenshot({ path: 'test-results/error-report-1366x768.png' });
  await result.getByRole('button', { name: 'Unduh laporan kesalahan Kabupaten Seruyan' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(1);
  await page.waitForTimeout(1500); // a second download, if any, would have started by now
  expect(downloads.map((d) => d.suggestedFilename())).toEqual(['laporan-kesalahan-kabupaten-seruyan.xlsx']);

  const py = 'import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows(min_row=5, max_col=8)]))';
  const saved = join(test.info().outputPath(), downloads[0]!.suggestedFilename());
  await downloads[0]!.saveAs(saved);
  const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, saved], { encoding: 'utf8' })) as unknown[][];
  expect(rows.map((r) => r.slice(1, 5))).toEqual([
    ['IKM', 14, 'B', 'Ditolak'],
    ['IKM', 22, 'E', 'Diperbaiki provinsi'],
  ]);
  expect(rows[1]!.slice(6, 8)).toEqual(['81200', '6208012345678']);
});

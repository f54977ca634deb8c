/**
 * A Go Ekspor certificate list through its preview: how each column was read (the list's one type
 * taken from its number column, "No" left as the row number) and the column with data it does not
 * take, then the import. The file is openpyxl's (test/fixtures/goekspor/make_fixtures.py).
 */
import { join } from 'node:path';
import { createRecord } from '../../electron/core/registry/write';
import { expect, test } from './harness';

test.use({ seedRows: 0 });

test('a list of one certificate type shows its mapping and its unimported column, then imports with that type', async ({ page, harness }) => {
  createRecord(harness.db, { business_name: 'Keripik Kelakai Ibu Sari', nib: '9120001000001', district_code: '6202' });
  createRecord(harness.db, { business_name: 'Madu Kelulut Lestari', nib: '9120001000003', district_code: '6203' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Go Ekspor' }).click();
  await page.getByRole('tab', { name: 'Legalitas & sertifikat' }).click();
  await page.getByLabel('Impor berkas…').setInputFiles(join(process.cwd(), 'test/fixtures/goekspor/sertifikat-halal-satu-jenis.xlsx'));
  const preview = page.getByRole('dialog', { name: 'Impor berkas…' });
  await expect(preview).toContainText('Kolom berisi data yang tidak diimpor (1)', { timeout: 60_000 });
  await expect(preview.getByTestId('unmapped')).toContainText('kolom C "Nama Pemilik"');
  await preview.getByText(/Pemetaan kolom/).click();
  const row = (header: string) => preview.locator('.mapping-table tr', { hasText: header });
  await expect(row('No. Sertifikat Halal')).toContainText('Nomor');
  await expect(row('No. Sertifikat Halal')).toContainText('jenis sertifikat baris tanpa kolom jenis: dari "No. Sertifikat Halal"');
  await expect(preview.locator('.mapping-table tr').filter({ has: page.getByRole('cell', { name: 'No', exact: true }) })).toContainText('tidak diimpor');
  await page.screenshot({ path: 'test-results/goekspor-import-1366x768.png' });
  await preview.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(preview).toHaveCount(0);
  const certs = harness.db.prepare('SELECT type, number FROM ge_certificate WHERE deleted_at IS NULL ORDER BY number').all();
  expect(certs).toEqual([
    { type: 'halal', number: 'ID62110000123450325' },
    { type: 'halal', number: 'ID62110000123460725' },
  ]);
});

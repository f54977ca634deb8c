/**
 * Go Ekspor in Chromium against the real core: a governor's decree with a featured product (and
 * the registry's "produk unggulan" filter), a halal certificate stuck in "proses", an IKM moved on
 * the pipeline board (buttons and keys) with the moves in its history, and the readiness report
 * printed as .xlsx and PDF with the kop surat.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './harness';

test.use({ seedRows: 300 });

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - n);
  return d.toLocaleDateString('en-CA');
};

test('decree, stuck halal certificate, pipeline moves and the readiness report', async ({ page, harness }, info) => {
  const ikm = harness.db.prepare(`SELECT id, nib, business_name FROM ikm WHERE nib IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: number; nib: string; business_name: string };
  // Other IKM already in the program, so the board looks like a working one.
  const others = harness.db.prepare(`SELECT id FROM ikm WHERE id <> ? AND deleted_at IS NULL ORDER BY id LIMIT 10`).all(ikm.id) as { id: number }[];
  const stages = ['terdaftar', 'terdaftar', 'legalitas', 'legalitas', 'sertifikasi', 'pendampingan', 'pendampingan', 'pameran', 'terdaftar', 'sertifikasi'] as const;
  for (const [i, o] of others.entries()) await harness.api('goekspor.move', { ikm_id: o.id, stage: stages[i]! });
  await page.getByRole('tab', { name: 'Go Ekspor' }).click();

  // 1. A governor's decree and a featured product of the IKM.
  await page.getByRole('tab', { name: 'Produk unggulan' }).click();
  const decreeForm = page.getByRole('form', { name: 'SK Gubernur baru' });
  await decreeForm.getByLabel('Nomor SK').fill('188.44/77/KUM/2025');
  await decreeForm.getByLabel('Tanggal SK').fill('2025-02-10');
  await decreeForm.getByLabel('Perihal').fill('Penetapan Produk Unggulan Daerah');
  await decreeForm.getByRole('button', { name: 'SK Gubernur baru' }).click();
  const decree = page.getByRole('region', { name: 'SK 188.44/77/KUM/2025' });
  await expect(decree).toContainText('0 produk unggulan');
  await decree.getByLabel('IKM').fill(ikm.nib);
  await decree.getByRole('option', { name: new RegExp(ikm.business_name) }).click();
  await decree.getByLabel('Produk', { exact: true }).fill('Keripik kelakai');
  await decree.getByRole('button', { name: 'Tambah produk' }).click();
  await expect(decree.locator('tbody tr')).toHaveCount(1);
  await expect(decree.locator('tbody tr')).toContainText(ikm.business_name);
  expect(harness.db.prepare(`SELECT count(*) AS n FROM ge_featured WHERE ikm_id = ? AND deleted_at IS NULL`).get(ikm.id)).toEqual({ n: 1 });

  // The registry filters "produk unggulan".
  await page.getByRole('tab', { name: 'Registri' }).click();
  await page.getByRole('checkbox', { name: 'Produk unggulan' }).check();
  await expect(page.getByTestId('footer-count')).toHaveText('1 IKM');
  await page.getByRole('tab', { name: 'Go Ekspor' }).click();

  // 2. A halal certificate in "proses" since 11 months ago is flagged stuck.
  await page.getByRole('tab', { name: 'Legalitas & sertifikat' }).click();
  const certForm = page.getByRole('form', { name: 'Catat sertifikat/izin' });
  await certForm.getByLabel('IKM').fill(ikm.business_name);
  await certForm.getByRole('option', { name: new RegExp(ikm.business_name) }).first().click();
  await certForm.getByLabel('Jenis').selectOption({ label: 'Sertifikat halal' });
  await certForm.getByLabel('Status').selectOption('proses');
  await certForm.getByLabel('Mulai tahap ini').fill(monthsAgo(11));
  await certForm.getByRole('button', { name: 'Catat sertifikat/izin' }).click();
  const certs = page.getByRole('table', { name: 'Legalitas & sertifikat' });
  await expect(certs.locator('tbody tr')).toHaveCount(1);
  await expect(certs.locator('tbody tr')).toContainText('macet');
  await page.getByRole('checkbox', { name: 'Hanya yang perlu perhatian' }).check();
  await expect(certs.locator('tbody tr')).toContainText(ikm.business_name);

  // 3. The pipeline board: ▶ moves it on, → (keyboard) once more; the history shows both moves.
  await page.getByRole('tab', { name: 'Papan tahapan' }).click();
  const column = (name: string) => page.getByRole('listitem', { name: new RegExp(`^${name}:`) });
  const card = page.locator(`[data-card="${ikm.id}"]`);
  await expect(column('Terdaftar')).toContainText(ikm.business_name);
  await card.getByRole('button', { name: 'Majukan ke Legalitas' }).click();
  await expect(column('Legalitas')).toContainText(ikm.business_name);
  await expect(card).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(column('Sertifikasi')).toContainText(ikm.business_name);
  await card.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Kesiapan ekspor' });
  await expect(detail).toContainText(ikm.business_name);
  await expect(detail.getByTestId('ge-history')).toContainText('Terdaftar → Legalitas');
  await expect(detail.getByTestId('ge-history')).toContainText('Legalitas → Sertifikasi');
  await expect(detail).toContainText('Sertifikat halal');
  const moves = harness.db.prepare(`SELECT old_value, new_value, os_user FROM ge_audit WHERE ikm_id = ? AND action = 'move' ORDER BY id`).all(ikm.id) as { old_value: string; new_value: string }[];
  expect(moves.map((m) => `${m.old_value}→${m.new_value}`)).toEqual(['terdaftar→legalitas', 'legalitas→sertifikasi']);
  await expect(page.locator('.toast')).toHaveCount(0);
  await page.screenshot({ path: 'docs/goekspor.png' });
  // "Ekspor pertama" without a shipment is refused with a reason.
  await detail.getByLabel('Pindah ke…').selectOption({ label: 'Ekspor pertama' });
  await expect(page.locator('.toast-error')).toContainText('belum punya pengapalan');

  // The dashboard draws its charts offline.
  await page.getByRole('tab', { name: 'Dasbor' }).last().click();
  await expect(page.getByTestId('ge-kpi-stuck')).toHaveText('1');
  await expect(page.locator('.ge-dash .dash-card canvas')).toHaveCount(5);

  // 4. The readiness report in the catalogue: preview, .xlsx and PDF.
  await page.getByRole('tab', { name: 'Laporan' }).click();
  // Reports open on the office's province (Kalimantan Tengah by the kop surat); this IKM may be elsewhere.
  await page.getByRole('combobox', { name: /^Provinsi/ }).selectOption({ label: 'Seluruh Kalimantan' });
  await page.getByRole('button', { name: 'Kesiapan Ekspor IKM' }).click();
  await expect(page.locator('.paper')).toContainText(ikm.business_name);
  await expect(page.locator('.paper')).toContainText('Sertifikasi');
  await expect(page.locator('.paper')).toContainText('Sertifikat halal (proses)');
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan .xlsx' }).click();
  const xlsx = join(info.outputDir, 'kesiapan.xlsx');
  await (await xlsxDownload).saveAs(xlsx);
  const inspected = JSON.parse(execFileSync('/usr/bin/python3', ['test/support/inspect_xlsx.py', xlsx], { encoding: 'utf8' })) as { cells: Record<string, { value: unknown }> };
  const values = Object.values(inspected.cells).map((c) => c.value);
  expect(values).toContain('KESIAPAN EKSPOR IKM');
  expect(values).toContain(ikm.business_name);
  expect(values).toContain(ikm.nib);
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const pdf = join(info.outputDir, 'kesiapan.pdf');
  await (await pdfDownload).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('KESIAPAN EKSPOR IKM');
  expect(text).toContain(ikm.business_name);
});

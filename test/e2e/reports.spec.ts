/**
 * Reports, dashboard and export records in Chromium against the real core: the preview's totals
 * are the database's, the saved .xlsx and PDF are real files another reader opens, the charts
 * draw offline, shipments filter, edit and import like the registry.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './harness';

test.use({ seedRows: 1500, seedShipments: 800 });

const sums = (db: import('better-sqlite3').Database, where = '1') =>
  db.prepare(`SELECT count(*) AS n, sum(workers_total) AS t, sum(investment_idr) AS inv FROM ikm WHERE deleted_at IS NULL AND ${where}`).get() as { n: number; t: number; inv: number };

test('report preview shows the database totals; .xlsx and PDF download as real files', async ({ page, harness }, info) => {
  await page.getByRole('tab', { name: 'Laporan' }).click();
  const totals = page.getByTestId('report-totals');
  // It opens on the office's own province: the one its kop surat names (Kalimantan Tengah).
  const province = page.getByRole('combobox', { name: /^Provinsi/ });
  await expect(province).toHaveValue('62');
  await province.selectOption({ label: 'Seluruh Kalimantan' });
  const all = sums(harness.db);
  await expect(totals).toContainText(all.n.toLocaleString('id-ID'));
  await expect(totals).toContainText(all.inv.toLocaleString('id-ID'));

  await province.selectOption({ label: 'Kalimantan Tengah' });
  await expect(page.getByTestId('report-subtitle')).toContainText('Provinsi Kalimantan Tengah');
  const kalteng = sums(harness.db, `substr(district_code, 1, 2) = '62'`);
  await expect(totals).toContainText(kalteng.n.toLocaleString('id-ID'));
  const districts = (harness.db.prepare(`SELECT count(*) AS n FROM district WHERE province_code = '62'`).get() as { n: number }).n;
  await expect(page.locator('.report-table tbody tr')).toHaveCount(districts + 1);
  await expect(page.locator('.paper canvas')).toHaveCount(1); // the bar chart, drawn offline
  await page.screenshot({ path: 'docs/reports.png' });

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan .xlsx' }).click();
  const xlsx = join(info.outputDir, 'rekap.xlsx');
  await (await xlsxDownload).saveAs(xlsx);
  const inspected = JSON.parse(execFileSync('/usr/bin/python3', ['test/support/inspect_xlsx.py', xlsx], { encoding: 'utf8' })) as { cells: Record<string, { value: unknown }>; orientation: string };
  expect(inspected.orientation).toBe('landscape');
  expect(inspected.cells.A6?.value).toBe('REKAPITULASI IKM PER KABUPATEN/KOTA');
  expect(Object.values(inspected.cells).some((c) => c.value === kalteng.n)).toBe(true);

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const pdf = join(info.outputDir, 'rekap.pdf');
  await (await pdfDownload).saveAs(pdf);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+[1-9]/);
  expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('REKAPITULASI IKM PER KABUPATEN/KOTA');
});

test('the kop surat is edited once and every report carries it', async ({ page }) => {
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await page.getByText('Kop surat dan penanda tangan', { exact: true }).click();
  await page.getByLabel('Nama dinas').fill('DINAS PERINDUSTRIAN DAN PERDAGANGAN KALSEL');
  await page.getByLabel('Nama', { exact: true }).fill('Ir. H. Contoh Pejabat, M.Si.');
  await page.getByRole('button', { name: 'Simpan kop surat' }).click();
  await expect(page.locator('.paper .office')).toHaveText('DINAS PERINDUSTRIAN DAN PERDAGANGAN KALSEL');
  await page.getByRole('button', { name: 'Ekspor IKM per Negara Tujuan' }).click();
  await expect(page.locator('.paper .signature .name')).toHaveText('Ir. H. Contoh Pejabat, M.Si.');
  await page.reload();
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await expect(page.locator('.paper .office')).toHaveText('DINAS PERINDUSTRIAN DAN PERDAGANGAN KALSEL');
});

test('dashboard: figures from the core and four charts drawn offline', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Dasbor' }).click();
  // The office's province first (from its kop surat), all of Kalimantan on request.
  await expect(page.getByTestId('kpi-ikm')).toHaveText(sums(harness.db, `substr(district_code, 1, 2) = '62'`).n.toLocaleString('id-ID'));
  await page.getByRole('combobox', { name: 'Provinsi' }).selectOption({ label: 'Seluruh Kalimantan' });
  await expect(page.getByTestId('kpi-ikm')).toHaveText(sums(harness.db).n.toLocaleString('id-ID'));
  await expect(page.locator('.dash-card canvas')).toHaveCount(4);
  const byCountry = harness.db.prepare(`SELECT count(DISTINCT country_code) AS n FROM shipment`).get() as { n: number };
  expect(byCountry.n).toBeGreaterThan(3);
  await expect(page.getByRole('img', { name: /Pangsa nilai ekspor per negara tujuan/ })).toContainText('');
  await page.screenshot({ path: 'docs/dashboard.png', fullPage: true });
});

test('shipments: filter and footer from the core, edit a cell, refuse a bad HS code', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  const all = harness.db.prepare(`SELECT count(*) AS n FROM shipment`).get() as { n: number };
  await expect(page.getByTestId('ship-count')).toHaveText(`${all.n.toLocaleString('id-ID')} pengapalan`);
  await page.getByLabel('Semua negara').selectOption({ label: 'Jepang' });
  const jp = harness.db.prepare(`SELECT count(*) AS n, sum(fob_usd) AS fob FROM shipment WHERE country_code = 'JP'`).get() as { n: number; fob: number };
  await expect(page.getByTestId('ship-count')).toHaveText(`${jp.n.toLocaleString('id-ID')} pengapalan`);
  await expect(page.getByTestId('ship-fob')).toHaveText(`US$ ${jp.fob.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  await page.screenshot({ path: 'docs/shipments.png' });

  // Type a destination by name in the first row: saved as its ISO code.
  const firstId = Number(await page.locator('[role="row"][data-row-id]').first().getAttribute('data-row-id'));
  const cell = page.locator(`[data-row-id="${firstId}"] [data-field="country_code"]`);
  await cell.click();
  await page.keyboard.type('Malaysia');
  await page.keyboard.press('Enter');
  await expect.poll(() => (harness.db.prepare('SELECT country_code FROM shipment WHERE id = ?').get(firstId) as { country_code: string }).country_code).toBe('MY');
  // Undo writes the replaced value back, redo the new one again.
  const country = () => (harness.db.prepare('SELECT country_code FROM shipment WHERE id = ?').get(firstId) as { country_code: string }).country_code;
  await page.getByRole('button', { name: /Urungkan/ }).click();
  await expect.poll(country).toBe('JP');
  await page.getByRole('button', { name: /Ulangi/ }).click();
  await expect.poll(country).toBe('MY');

  const hs = page.locator(`[role="row"][data-row-id] [data-field="hs_code"]`).first();
  await hs.click();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cell-error')).toContainText('Kode HS "12" tidak valid');
  await page.keyboard.press('Escape');
});

test('shipments: import a district recap with its refusals, then the BPS trade table', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  const before = (harness.db.prepare(`SELECT count(*) AS n FROM shipment`).get() as { n: number }).n;
  await page.locator('.shipments input[type=file]').first().setInputFiles('test/fixtures/ekspor/ekspor_kalteng_2025_openpyxl.xlsx');
  const dialog = page.getByRole('dialog', { name: 'Impor berkas…' });
  await expect(dialog).toContainText('4 baru');
  await expect(dialog.getByRole('row', { name: /Ekspor 2025 10 H .*Negara "Narnia" tidak dikenal/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Impor sekarang' }).click();
  await expect(dialog).toBeHidden();
  expect((harness.db.prepare(`SELECT count(*) AS n FROM shipment`).get() as { n: number }).n).toBe(before + 4);
  await expect(page.getByTestId('ship-count')).toHaveText(`${(before + 4).toLocaleString('id-ID')} pengapalan`);

  await page.getByRole('tab', { name: 'Neraca perdagangan (BPS)' }).click();
  await page.getByRole('combobox', { name: /^Tahun/ }).selectOption('2015');
  await page.getByLabel('Ekspor (US$)').fill('1.234.567.890');
  await page.getByLabel('Impor (US$)').fill('234.567.890');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.locator('.trade-table')).toContainText('1.000.000.000');
  expect(harness.db.prepare('SELECT export_usd, import_usd FROM trade_stat WHERE year = 2015 AND month = 0').get()).toEqual({ export_usd: 1234567890, import_usd: 234567890 });
});

/**
 * Beyond Excel: a figure of a report preview or of the dashboard opens the rows behind it in the
 * grid, with the same filter — the grid's footer (the core's sums of that filter) shows the same
 * figure, checked against the database. And English mode: chart titles, stage and report names.
 */
import { expect, test } from './harness';

test.use({ seedRows: 1200, seedShipments: 600 });

const num = (s: string | null) => Number((s ?? '').replace(/[^\d,]/g, '').replace(',', '.'));

test('from a report total to the rows whose sum is that total, and from a district row to its rows', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Laporan' }).click();
  const totals = page.getByTestId('report-totals');
  await expect(totals.locator('[data-key="count"] button')).toBeVisible();
  const count = num(await totals.locator('[data-key="count"]').textContent());
  const investment = num(await totals.locator('[data-key="investment_idr"]').textContent());
  const db = harness.db.prepare(`SELECT count(*) AS n, sum(investment_idr) AS inv FROM ikm WHERE deleted_at IS NULL AND substr(district_code, 1, 2) = '62'`).get() as { n: number; inv: number };
  expect([count, investment]).toEqual([db.n, db.inv]);

  await totals.locator('[data-key="investment_idr"] button').click();
  await expect(page.getByRole('tab', { name: 'Registri IKM' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('footer-count')).toHaveText(`${db.n.toLocaleString('id-ID')} IKM`);
  expect(num(await page.getByTestId('footer-investment').textContent())).toBe(db.inv);

  // One district's row: its count, in the grid.
  await page.getByRole('tab', { name: 'Laporan' }).click();
  const row = page.locator('.report-table tbody tr').filter({ hasText: 'Kab. Seruyan' });
  const seruyan = num(await row.locator('[data-key="count"]').textContent());
  expect(seruyan).toBe((harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND district_code = (SELECT code FROM district WHERE name = 'Seruyan')`).get() as { n: number }).n);
  await row.locator('[data-key="count"] button').click();
  await expect(page.getByTestId('footer-count')).toHaveText(`${seruyan.toLocaleString('id-ID')} IKM`);
  await page.screenshot({ path: 'test-results/drill-registry.png' });
});

test('from an export figure to its shipments; from a dashboard tile to the registry', async ({ page, harness }) => {
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await page.getByRole('button', { name: 'Ekspor IKM per Negara Tujuan' }).click();
  const japan = page.locator('.report-table tbody tr').filter({ hasText: 'Jepang' });
  const fob = num(await japan.locator('[data-key="fob_usd"]').textContent());
  const db = harness.db.prepare(`SELECT count(*) AS n, sum(fob_usd) AS fob FROM shipment WHERE deleted_at IS NULL AND country_code = 'JP' AND substr(district_code, 1, 2) = '62'`).get() as { n: number; fob: number };
  expect(fob).toBeCloseTo(db.fob, 2);
  await japan.locator('[data-key="fob_usd"] button').click();
  await expect(page.getByRole('tab', { name: 'Ekspor', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('ship-count')).toHaveText(`${db.n.toLocaleString('id-ID')} pengapalan`);
  expect(num(await page.getByTestId('ship-fob').textContent())).toBeCloseTo(db.fob, 2);

  await page.getByRole('tab', { name: 'Dasbor' }).click();
  await page.getByTestId('kpi-ikm').click();
  const n = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND substr(district_code, 1, 2) = '62'`).get() as { n: number }).n;
  await expect(page.getByTestId('footer-count')).toHaveText(`${n.toLocaleString('id-ID')} IKM`);
});

test('the example signer is flagged in the preview; pangkat/golongan prints above the NIP', async ({ page }) => {
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await expect(page.getByTestId('placeholder-signer')).toContainText('Penanda tangan masih contoh');
  await expect(page.locator('.paper .signature .rank')).toHaveText('Pembina Utama Muda (IV/c)');
  await page.getByTestId('placeholder-signer').getByRole('button', { name: 'Isi penanda tangan' }).click();
  await page.getByLabel('Nama', { exact: true }).fill('Dr. Ir. Contoh Pejabat, M.Si.');
  await page.getByLabel('Pangkat/golongan').fill('Pembina Utama Madya (IV/d)');
  await page.getByLabel('NIP').fill('19680412 199303 1 007');
  await page.getByRole('button', { name: 'Simpan kop surat' }).click();
  await expect(page.getByTestId('placeholder-signer')).toBeHidden();
  await expect(page.locator('.paper .signature .rank')).toHaveText('Pembina Utama Madya (IV/d)');
});

test('English mode: chart titles, report names and Go Ekspor stages in English (the printed report stays Indonesian)', async ({ page }) => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  await expect(page.getByRole('img', { name: /^Share of export value by destination\./ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Exports, imports and trade balance \(US\$\)\./ })).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-en.png', fullPage: true });
  await page.getByRole('tab', { name: 'Reports' }).click();
  await expect(page.getByRole('button', { name: 'IKM exports by destination country' })).toBeVisible();
  await expect(page.locator('.paper h1')).toHaveText('Rekapitulasi IKM per Kabupaten/Kota');
  await page.getByRole('tab', { name: 'Go Export' }).click();
  await expect(page.locator('.ge-column h2').last()).toContainText('First export');
  await expect(page.locator('.ge-column h2').first()).toContainText('Registered');
});

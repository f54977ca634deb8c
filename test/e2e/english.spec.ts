/**
 * English mode, tab by tab, against the real core: figures in en-GB (1,500 / Rp 1,234,567 /
 * US$ 12,345.67), countries and months by their English names, the dashboard's subtitles in English,
 * the printed report still in Bahasa Indonesia with an English line beside it — and back in
 * Indonesian, everything reads id-ID again.
 */
import { expect, test } from './harness';
import { countryResolver } from '../../electron/core/reference/countries';
import { nextStepText } from '../../shared/goekspor';

test.use({ seedRows: 1500, seedShipments: 800 });

const en = (n: number) => n.toLocaleString('en-GB');
const id = (n: number) => n.toLocaleString('id-ID');
const cents = (n: number, locale: string) => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('English mode: every tab in English, figures en-GB; back in Indonesian, id-ID again', async ({ page, harness }, info) => {
  test.setTimeout(180_000);
  const ikm = harness.db.prepare(`SELECT count(*) AS n, total(investment_idr) AS inv FROM ikm WHERE deleted_at IS NULL`).get() as { n: number; inv: number };
  const ships = harness.db.prepare(`SELECT count(*) AS n, total(fob_usd) AS fob FROM shipment WHERE deleted_at IS NULL`).get() as { n: number; fob: number };
  const kalteng = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND substr(district_code, 1, 2) = '62'`).get() as { n: number }).n;
  // A destination whose English name is not its Indonesian one (Tiongkok/China, Belanda/Netherlands…).
  const countries = countryResolver();
  const codes = (harness.db.prepare(`SELECT country_code AS c FROM shipment WHERE deleted_at IS NULL GROUP BY country_code ORDER BY count(*) DESC`).all() as { c: string }[]).map((r) => r.c);
  const foreign = countries.get(codes.find((c) => countries.get(c)!.name !== countries.get(c)!.nameEn)!)!;
  const shot = (name: string) => page.screenshot({ path: info.outputPath(`en-${name}.png`) });

  // Indonesian first, as the app opens.
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(ikm.n)} IKM`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Registry: tab names, footer figures en-GB.
  await expect(page.getByRole('tab', { name: 'IKM registry' })).toBeVisible();
  await expect(page.getByTestId('footer-count')).toHaveText(`${en(ikm.n)} IKM`);
  await expect(page.getByTestId('footer-investment')).toHaveText(`Rp ${en(ikm.inv)}`);
  await shot('registry');

  // Shipments: FOB with cents the English way, countries by their English name in the filter and the grid.
  await page.getByRole('tab', { name: 'Exports', exact: true }).click();
  await expect(page.getByTestId('ship-count')).toHaveText(`${en(ships.n)} shipments`);
  await expect(page.getByTestId('ship-fob')).toHaveText(`US$ ${cents(ships.fob, 'en-GB')}`);
  const countrySelect = page.getByLabel('All countries');
  await expect(countrySelect.locator('option', { hasText: foreign.nameEn })).toHaveCount(1);
  await expect(countrySelect.locator('option', { hasText: new RegExp(`^${foreign.name}$`) })).toHaveCount(0);
  await countrySelect.selectOption({ label: foreign.nameEn });
  await expect(page.locator('[role="row"][data-row-id] [data-field="country_code"]').first()).toHaveText(`${foreign.nameEn} (${foreign.code})`);
  await shot('shipments');
  // BPS table: months by their English names.
  await page.getByRole('tab', { name: 'Trade balance (BPS)' }).click();
  await expect(page.getByRole('cell', { name: 'Whole year' }).first()).toBeVisible();
  await expect(page.locator('select option', { hasText: 'August' })).toHaveCount(1);
  await expect(page.locator('select option', { hasText: 'Agustus' })).toHaveCount(0);
  await shot('trade');

  // Dashboard: the office's province, KPI en-GB, subtitles and pie labels in English.
  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByTestId('kpi-ikm')).toHaveText(en(kalteng));
  await expect(page.locator('.dash-sub').first()).toHaveText(/^Kalimantan Tengah Province · As of \d+ [A-Z][a-z]+ \d{4}$/);
  await expect(page.locator('.dash-sub').nth(1)).toContainText(' to ');
  await expect(page.getByTestId('kpi-exports')).toHaveText(/^US\$ [\d.]+(k|m|bn)$/);
  const pie = page.getByRole('img', { name: /^Share of export value by destination/ });
  await expect(pie).toBeVisible();
  const pieLabel = (await pie.getAttribute('aria-label')) ?? '';
  const topInKalteng = harness.db.prepare(`SELECT s.country_code AS c FROM shipment s JOIN district d ON d.code = s.district_code WHERE s.deleted_at IS NULL AND d.province_code = '62' GROUP BY s.country_code ORDER BY total(fob_usd) DESC LIMIT 1`).get() as { c: string };
  expect(pieLabel).toContain(`${countries.get(topInKalteng.c)!.nameEn}: `);
  await shot('dashboard');

  // Reports: the screen in English, the paper (what goes to the governor) in Indonesian.
  await page.getByRole('tab', { name: 'Reports' }).click();
  await expect(page.getByRole('button', { name: 'IKM by district' })).toBeVisible();
  await expect(page.getByTestId('report-subtitle')).toHaveText(/^Provinsi Kalimantan Tengah · Keadaan per \d+ \p{L}+ \d{4}$/u);
  await expect(page.getByTestId('report-in-english')).toContainText('This one: IKM by district — Kalimantan Tengah Province · As of');
  await expect(page.getByTestId('report-totals')).toContainText(id(kalteng));
  await shot('reports');

  // Go Ekspor, import, recycle bin, backups: their headings in English.
  // A card's next step comes from the core in Indonesian; the board says it in English.
  const firstIkm = (harness.db.prepare(`SELECT id FROM ikm WHERE deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: number }).id;
  const card = await harness.api('goekspor.enrol', { ikm_id: firstIkm });
  expect(nextStepText(card, 'en')).not.toBe(card.next);
  await page.getByRole('tab', { name: 'Go Export' }).click();
  await expect(page.getByText(/^Registered\b/).first()).toBeVisible();
  await expect(page.locator(`[data-card="${firstIkm}"] .ge-card-next`)).toHaveText(nextStepText(card, 'en'));
  // Its readiness: items and their reasons in English (no activities recorded: never attended).
  await page.locator(`[data-card="${firstIkm}"]`).click();
  await expect(page.locator('.ge-items')).toContainText('Export training/outreach');
  await expect(page.locator('.ge-items')).toContainText('Never attended');
  await expect(page.locator('.ge-items')).not.toContainText('Belum pernah hadir');
  await shot('goekspor');
  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import district files' })).toBeVisible();
  await page.getByRole('tab', { name: 'Recycle bin' }).click();
  await expect(page.locator('#trash-title')).toHaveText('Recycle bin');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page.locator('#backups-title')).toHaveText('Registry backups');
  await shot('backups');

  // Back in Indonesian: the same figures the id-ID way, the names Indonesian again.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('tab', { name: 'Dasbor' }).click();
  await expect(page.getByTestId('kpi-ikm')).toHaveText(id(kalteng));
  await expect(page.locator('.dash-sub').first()).toHaveText(/^Provinsi Kalimantan Tengah · Keadaan per \d+ \p{L}+ \d{4}$/u);
  await expect(page.getByTestId('kpi-exports')).toHaveText(/^US\$ [\d,]+\s(rb|jt|M)$/);
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByTestId('ship-fob')).toHaveText(/^US\$ [\d.]+,\d\d$/);
  await page.getByLabel('Semua negara').selectOption({ label: foreign.name });
  await expect(page.locator('[role="row"][data-row-id] [data-field="country_code"]').first()).toHaveText(`${foreign.name} (${foreign.code})`);
  await page.getByRole('tab', { name: 'Registri IKM' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(ikm.n)} IKM`);
  await expect(page.getByTestId('footer-investment')).toHaveText(`Rp ${id(ikm.inv)}`);
});

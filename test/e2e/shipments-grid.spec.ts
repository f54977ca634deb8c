/**
 * The shipments grid with the registry's Excel features (issue 14), in Chromium against the
 * browser host and a real SQLite file: header filter with "(Kosong)", find & replace with one
 * undo, the status-bar sum against the database's, export of the current view read back with
 * openpyxl, a row added under a filter, and the detail panel (fields, IKM, origin, history).
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { ShipmentRecord } from '../../shared/shipments';
import { expect, test } from './harness';

// Screenshots at the clerk's 1366×768.
test.use({ seedShipments: 300, viewport: { width: 1366, height: 768 } });

type Db = { prepare(s: string): { all(...a: unknown[]): unknown[]; get(...a: unknown[]): unknown } };
const grid = (page: Page) => page.getByRole('grid', { name: 'Tabel pengapalan ekspor' });
const cell = (page: Page, rowIndex: number, field: string) => grid(page).locator(`[role=row][aria-rowindex="${rowIndex}"] [role=gridcell][data-field="${field}"]`);
const one = <T>(h: { db: Db }, sql: string, ...a: unknown[]) => h.db.prepare(sql).get(...a) as T;
const n = (x: number) => x.toLocaleString('id-ID');
const count = (x: number) => `${n(x)} pengapalan`;

async function open(page: Page) {
  await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
  await expect(grid(page)).toBeFocused();
}

test('a header filter lists the values with (Kosong); choosing it filters the grid and the footer as the database counts', async ({ page, harness }) => {
  const ids = (harness.db.prepare('SELECT id FROM shipment WHERE deleted_at IS NULL ORDER BY id LIMIT 9').all() as { id: number }[]).map((r) => r.id);
  await harness.api('shipments.update', { changes: ids.map((id) => ({ id, field: 'port', value: null })) });
  await open(page);
  const empty = one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE deleted_at IS NULL AND (port IS NULL OR port = '')`).n;
  expect(empty).toBe(9);
  await grid(page).getByRole('button', { name: 'Saring kolom Pelabuhan muat' }).click();
  const popup = page.getByRole('dialog', { name: 'Saring kolom Pelabuhan muat' });
  await expect(popup.locator('label', { hasText: '(Kosong)' })).toContainText(String(empty));
  await page.screenshot({ path: 'test-results/shipments-header-filter.png' });
  await popup.getByRole('checkbox', { name: '(Pilih semua)' }).uncheck();
  await popup.getByRole('checkbox', { name: /\(Kosong\)/ }).check();
  await popup.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('ship-count')).toHaveText(count(empty));
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(empty + 1));
  await expect(cell(page, 2, 'port')).toHaveText('');
  // Values of a coded column read by name; the FOB footer sums the filtered rows.
  const fob = one<{ s: number }>(harness, `SELECT total(fob_usd) AS s FROM shipment WHERE deleted_at IS NULL AND port IS NULL`).s;
  await expect(page.getByTestId('ship-fob')).toHaveText(`US$ ${fob.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  await grid(page).getByRole('button', { name: 'Saring kolom Negara tujuan' }).click();
  await expect(page.getByRole('dialog', { name: 'Saring kolom Negara tujuan' }).locator('label').nth(1)).toContainText(/[A-Z][a-z]+ \([A-Z]{2}\)/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Hapus filter' }).click();
  await expect(page.getByTestId('ship-count')).toHaveText(count(300));
});

test('Ctrl+H replaces over the filtered view as one batch, and one Ctrl+Z undoes it all', async ({ page, harness }) => {
  const word = one<{ product: string }>(harness, `SELECT product FROM shipment WHERE district_code LIKE '62%' GROUP BY product ORDER BY count(*) DESC LIMIT 1`).product;
  const before = harness.db.prepare('SELECT id, product FROM shipment ORDER BY id').all();
  const inView = one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE product = ? AND district_code LIKE '62%' AND deleted_at IS NULL`, word).n;
  const outside = one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE product = ? AND district_code NOT LIKE '62%'`, word).n;
  await open(page);
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  await expect(page.getByTestId('ship-count')).not.toHaveText(count(300));
  await grid(page).focus();
  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Cari di tampilan ini' });
  await bar.getByRole('textbox', { name: 'Cari' }).fill(word);
  await bar.getByRole('textbox', { name: 'Ganti dengan' }).fill('Purun anyaman');
  await bar.getByRole('textbox', { name: 'Cari' }).press('Enter');
  await expect(bar.getByRole('status')).toContainText('baris cocok');
  await expect(grid(page).locator('[role=gridcell].active')).toContainText(word);
  await page.screenshot({ path: 'test-results/shipments-find-replace.png' });
  await bar.getByRole('button', { name: 'Ganti semua' }).click();
  await expect(bar.getByRole('status')).toContainText(`${n(inView)} sel diganti`);
  expect(one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE product = 'Purun anyaman'`).n).toBe(inView);
  expect(one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE product = ? AND district_code NOT LIKE '62%'`, word).n).toBe(outside);
  await bar.getByRole('button', { name: 'Tutup pencarian' }).click();
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => one<{ n: number }>(harness, `SELECT count(*) AS n FROM shipment WHERE product = 'Purun anyaman'`).n).toBe(0);
  expect(harness.db.prepare('SELECT id, product FROM shipment ORDER BY id').all()).toEqual(before);
});

test('the status bar sums the selected cells as the database does: a whole column and a rectangle', async ({ page, harness }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('63');
  const { c, s } = one<{ c: number; s: number }>(harness, `SELECT count(*) AS c, total(fob_usd) AS s FROM shipment WHERE deleted_at IS NULL AND district_code LIKE '63%'`);
  await expect(page.getByTestId('ship-count')).toHaveText(count(c));
  await cell(page, 2, 'fob_usd').click();
  await page.keyboard.press('Control+Space');
  const num = (x: number) => x.toLocaleString('id-ID', { maximumFractionDigits: 2 });
  await expect(page.getByTestId('stats-sum')).toHaveText(num(s));
  await expect(page.getByTestId('stats-count')).toHaveText(n(c));
  await page.screenshot({ path: 'test-results/shipments-status-sum.png' });
  // Rows 2..11, weight and FOB side by side (net_weight_kg, fob_usd).
  await cell(page, 2, 'net_weight_kg').click();
  await cell(page, 11, 'fob_usd').click({ modifiers: ['Shift'] });
  const top = (await harness.api('shipments.query', { filter: { province: '63' }, sort: [], offset: 0, limit: 10 })).rows;
  const sum = top.reduce((a, r) => a + Number(r.net_weight_kg ?? 0) + Number(r.fob_usd ?? 0), 0);
  await expect(page.getByTestId('stats-sum')).toHaveText(num(sum));
});

test('export of the current view (filter, sort, columns in order) reads back in openpyxl', async ({ page, harness }) => {
  await open(page);
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  const header = grid(page).locator('[role=columnheader][data-field="fob_usd"]');
  await header.click();
  await header.click(); // descending
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.getByText('Ekspor tampilan').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (.xlsx)' }).click()]);
  const path = test.info().outputPath('shipments.xlsx');
  await download.saveAs(path);
  expect(download.suggestedFilename()).toMatch(/^pengapalan-ekspor-.*\.xlsx$/);
  const shown = await grid(page).locator('[role=columnheader][data-field]').allTextContents();
  const py = `import openpyxl,json,sys\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c.value.isoformat() if hasattr(c.value,'isoformat') else c.value for c in r] for r in ws.iter_rows(max_row=2)] + [[ws.max_row, ws.cell(2,1).is_date]]))`;
  const r = spawnSync('/usr/bin/python3', ['-c', py, path], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const rows = JSON.parse(r.stdout) as unknown[][];
  const expected = (await harness.api('shipments.query', { filter: { province: '62' }, sort: [{ field: 'fob_usd', desc: true }], offset: 0, limit: 1 })) as { rows: ShipmentRecord[]; total: number };
  const head = rows[0] as string[];
  expect(head).toEqual(shown.map((s) => s.replace(/[▲▼▾⏷\d]+$/u, '').trim()));
  expect(rows.at(-1)).toEqual([expected.total + 1, true]);
  const top = expected.rows[0]!;
  expect(rows[1]![head.indexOf('Nilai FOB (US$)')]).toBe(top.fob_usd);
  expect(rows[1]![head.indexOf('Tanggal')]).toBe(`${top.date}T00:00:00`);
  expect(rows[1]![head.indexOf('Kode HS')]).toBe(top.hs_code);
  expect(rows[1]![head.indexOf('Eksportir')]).toBe(top.exporter_name);
});

test('adding a row under a district and country filter creates it there, keeps the filter and the footer right', async ({ page, harness }) => {
  const { d, cc } = one<{ d: string; cc: string }>(harness, `SELECT district_code AS d, country_code AS cc FROM shipment WHERE district_code LIKE '62%' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`);
  const inView = () => one<{ n: number; s: number }>(harness, `SELECT count(*) AS n, total(fob_usd) AS s FROM shipment WHERE deleted_at IS NULL AND district_code = ? AND country_code = ?`, d, cc);
  await open(page);
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  await page.getByRole('combobox', { name: 'Semua kab/kota' }).selectOption(d);
  await page.getByRole('combobox', { name: 'Semua negara' }).selectOption(cc);
  const before = inView().n;
  await expect(page.getByTestId('ship-count')).toHaveText(count(before));
  await page.getByRole('button', { name: '+ Tambah baris' }).click();
  const editor = grid(page).getByRole('textbox', { name: 'Eksportir' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('CV Purun Baru');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('ship-count')).toHaveText(count(before + 1));
  const newest = () => harness.db.prepare('SELECT * FROM shipment ORDER BY id DESC LIMIT 1').get() as ShipmentRecord;
  await expect.poll(() => newest().exporter_name).toBe('CV Purun Baru');
  expect(newest()).toMatchObject({ district_code: d, country_code: cc });
  await expect(page.getByRole('combobox', { name: 'Semua kab/kota' })).toHaveValue(d);
  await expect(page.getByRole('combobox', { name: 'Semua negara' })).toHaveValue(cc);
  await expect(grid(page).locator('[role=row]:has([role=gridcell].active) [data-field="exporter_name"]')).toHaveText('CV Purun Baru');
  // A typed FOB lands in the footer's total.
  await page.keyboard.press('Shift+Tab');
  await cell(page, Number(await grid(page).locator('[role=row]:has([role=gridcell].active)').getAttribute('aria-rowindex')), 'fob_usd').dblclick();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1234,5');
  await page.keyboard.press('Enter');
  await expect.poll(() => newest().fob_usd).toBe(1234.5);
  await expect(page.getByTestId('ship-fob')).toHaveText(`US$ ${inView().s.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  await page.screenshot({ path: 'test-results/shipments-add-under-filter.png' });
});

test('a future shipment date is refused with a clear message and nothing is saved', async ({ page, harness }) => {
  await open(page);
  const rowId = Number(await grid(page).locator('[role=row][aria-rowindex="2"]').getAttribute('data-row-id'));
  const before = one<{ date: string }>(harness, 'SELECT date FROM shipment WHERE id = ?', rowId).date;
  await cell(page, 2, 'date').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('02/12/2062');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/02\/12\/2062 belum terjadi/).first()).toBeVisible();
  expect(one<{ date: string }>(harness, 'SELECT date FROM shipment WHERE id = ?', rowId).date).toBe(before);
  await page.keyboard.press('Escape');
});

test('the detail panel shows the shipment, its IKM (a click opens it in the registry), its origin and history', async ({ page, harness }) => {
  await open(page);
  const row = grid(page).locator('[role=row][aria-rowindex="2"]');
  const rowId = Number(await row.getAttribute('data-row-id'));
  const rec = one<ShipmentRecord>(harness, 'SELECT * FROM shipment WHERE id = ?', rowId);
  await cell(page, 2, 'port').click();
  await page.keyboard.type('Pelabuhan Sampit');
  await page.keyboard.press('Enter');
  await expect.poll(() => one<{ port: string }>(harness, 'SELECT port FROM shipment WHERE id = ?', rowId).port).toBe('Pelabuhan Sampit');
  await cell(page, 2, 'port').click();
  const panel = page.getByRole('complementary', { name: 'Rincian pengapalan' });
  await expect(panel.getByRole('heading', { name: rec.exporter_name })).toBeVisible();
  await expect(panel.getByTestId('history')).toContainText('Pelabuhan muat');
  await expect(panel.getByTestId('history')).toContainText('Pelabuhan Sampit');
  await expect(panel.getByTestId('shipment-source')).toHaveText('Diketik di aplikasi (bukan dari impor).');
  await page.screenshot({ path: 'test-results/shipments-detail.png' });
  const ikm = one<{ business_name: string; nib: string }>(harness, 'SELECT business_name, nib FROM ikm WHERE id = ?', rec.ikm_id);
  await panel.getByTestId('shipment-ikm').getByRole('button', { name: ikm.business_name }).click();
  const registry = page.getByRole('grid', { name: 'Registri IKM' });
  await expect(registry).toBeVisible();
  await expect(page.getByTestId('footer-count')).toHaveText('1 IKM');
  await expect(registry.locator('[role=row][aria-rowindex="2"] [data-field="nib"]')).toHaveText(ikm.nib);
});

test('an imported shipment names its origin in the detail panel: the file, the import, who and when', async ({ page, harness }) => {
  const { readFileSync } = await import('node:fs');
  const name = 'ekspor_kalteng_2025_openpyxl.xlsx';
  const res = await harness.api('shipments.import', { files: [{ name, dataBase64: readFileSync(`test/fixtures/ekspor/${name}`).toString('base64') }], dryRun: false });
  expect(res.batchId).not.toBeNull();
  const rec = one<ShipmentRecord>(harness, 'SELECT * FROM shipment WHERE batch_id = ? ORDER BY id LIMIT 1', res.batchId);
  await open(page);
  await page.getByRole('searchbox', { name: 'Cari eksportir, produk, NIB, No. PEB…' }).fill(String(rec.peb_number));
  const row = grid(page).locator(`[role=row][data-row-id="${rec.id}"]`);
  await expect(page.getByTestId('ship-count')).not.toHaveText(count(300 + (res.files[0]?.accepted ?? 0)));
  await row.locator('[data-field="product"]').click();
  const panel = page.getByRole('complementary', { name: 'Rincian pengapalan' });
  await expect(panel.getByTestId('shipment-source')).toContainText(`asal: ${name}`);
  await expect(panel.getByTestId('shipment-source')).toContainText(`impor #${res.batchId}`);
  await expect(panel.getByTestId('history')).toContainText(`impor #${res.batchId}`);
  await page.screenshot({ path: 'test-results/shipments-detail-import.png' });
});

test('Ctrl+Z takes back an added shipment (to Sampah) and Ctrl+Y brings it back; deleted rows come back with Ctrl+Z', async ({ page, harness }) => {
  await open(page);
  await page.getByRole('button', { name: '+ Tambah baris' }).click();
  await expect(page.getByTestId('ship-count')).toHaveText(count(301));
  const newest = () => harness.db.prepare('SELECT id, deleted_at FROM shipment ORDER BY id DESC LIMIT 1').get() as { id: number; deleted_at: string | null };
  await page.keyboard.press('Escape');
  await grid(page).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('ship-count')).toHaveText(count(300));
  expect(newest().deleted_at).not.toBeNull();
  await page.keyboard.press('Control+Y');
  await expect(page.getByTestId('ship-count')).toHaveText(count(301));
  expect(newest().deleted_at).toBeNull();
  await cell(page, 2, 'product').click();
  await page.getByRole('button', { name: 'Hapus baris' }).click();
  await expect(page.getByTestId('ship-count')).toHaveText(count(300));
  await grid(page).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('ship-count')).toHaveText(count(301));
});

/**
 * The grid as an Excel user drives it (issue 14), in Chromium against the browser host and a real
 * SQLite file: Esc, Shift/Ctrl+Space, Ctrl+A, Ctrl+D, Ctrl+F/H with undo, header filters with
 * "(Kosong)", the status-bar sums, export of the current view, the right-click menu, add row
 * under a filter, a sorted view after an edit, fast typing across Tab.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { IkmRecord } from '../../shared/fields';
import { expect, test } from './harness';

const grid = (page: Page) => page.getByRole('grid', { name: 'Registri IKM' });
const cell = (page: Page, rowIndex: number, field: string) => grid(page).locator(`[role=row][aria-rowindex="${rowIndex}"] [role=gridcell][data-field="${field}"]`);
type Db = { prepare(s: string): { all(...a: unknown[]): unknown[]; get(...a: unknown[]): unknown } };
const firstRows = (h: { db: Db }, n: number) => h.db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id LIMIT ?').all(n) as IkmRecord[];
const auditCount = (h: { db: Db }) => (h.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const id = (n: number) => n.toLocaleString('id-ID');

test('on arrival the grid has the keyboard; Esc cancels an edit and the database is unchanged', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await expect(cell(page, 2, 'business_name')).toHaveText(first!.business_name);
  await expect(grid(page)).toBeFocused();
  const audits = auditCount(harness);
  await page.keyboard.press('ArrowRight'); // owner
  await page.keyboard.type('Nama Salah');
  await expect(grid(page).getByRole('textbox')).toHaveValue('Nama Salah');
  await page.keyboard.press('Escape');
  await expect(grid(page).getByRole('textbox')).toHaveCount(0);
  await expect(cell(page, 2, 'owner_name')).toHaveText(String(first!.owner_name ?? ''));
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).owner_name).toBe(first!.owner_name);
  expect(auditCount(harness)).toBe(audits);
  // F2 then Esc: the same.
  await page.keyboard.press('F2');
  await page.keyboard.press('End');
  await page.keyboard.type(' X');
  await page.keyboard.press('Escape');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).owner_name).toBe(first!.owner_name);
  expect(auditCount(harness)).toBe(audits);
  await expect(grid(page)).toBeFocused();
});

test('Shift+Space selects the row, Ctrl+Space the column, never an editor; Ctrl+A then typing edits the active cell', async ({ page, harness }) => {
  await cell(page, 3, 'owner_name').click();
  await page.keyboard.press('Shift+Space');
  await expect(grid(page).getByRole('textbox')).toHaveCount(0);
  await expect(grid(page).locator('[aria-rowindex="3"] [role=gridcell][aria-selected=true]')).toHaveCount(await grid(page).locator('[role=columnheader][data-field]').count());
  await expect(grid(page).locator('[aria-rowindex="4"] [role=gridcell][aria-selected=true]')).toHaveCount(0);
  await expect(cell(page, 3, 'owner_name')).toHaveClass(/active/);
  await cell(page, 3, 'owner_name').click();
  await page.keyboard.press('Control+Space');
  await expect(grid(page).getByRole('textbox')).toHaveCount(0);
  await expect(cell(page, 2, 'owner_name')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 2, 'nib')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');
  await expect(page.getByText(`Terpilih: ${id(1000)} sel`)).toBeVisible();
  // Ctrl+A selects all; the active cell stays and typing starts its editor.
  await page.keyboard.press('Control+A');
  await expect(cell(page, 5, 'nib')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('B');
  await expect(cell(page, 3, 'owner_name').getByRole('textbox')).toHaveValue('B');
  await page.keyboard.press('Escape');
  const row3 = firstRows(harness, 2)[1]!;
  expect(((await harness.api('ikm.get', { id: row3.id })) as IkmRecord).owner_name).toBe(row3.owner_name);
  // The row header selects its row; Ctrl+click on a column header selects the column (a plain click sorts).
  await grid(page).locator('[aria-rowindex="6"] [role=rowheader]').click();
  await expect(cell(page, 6, 'address')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 7, 'address')).toHaveAttribute('aria-selected', 'false');
  await grid(page).locator('[role=columnheader][data-field="commodity"]').click({ modifiers: ['Control'] });
  await expect(cell(page, 9, 'commodity')).toHaveAttribute('aria-selected', 'true');
  await expect(grid(page).locator('[role=columnheader][data-field="commodity"]')).toHaveAttribute('aria-sort', 'none');
});

test('a typed 12-digit NIB is refused, not padded', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'nib').click();
  await page.keyboard.type('815908301661');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'nib').getByRole('alert')).toContainText('NIB "815908301661" tidak valid');
  await page.keyboard.press('Escape');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).nib).toBe(first!.nib);
});

test('keys typed fast across Tab go each to its own cell', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'address').click();
  // Address, commodity, KBLI: typed without pause while each value is still being saved.
  for (const k of ['Jl. Sungai 1', 'Tab', 'Rotan halus', 'Tab', '16291', 'Enter']) await (k === 'Tab' || k === 'Enter' ? page.keyboard.press(k) : page.keyboard.type(k));
  await expect.poll(async () => ((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).kbli).toBe('16291');
  const saved = (await harness.api('ikm.get', { id: first!.id })) as IkmRecord;
  expect([saved.address, saved.commodity, saved.kbli]).toEqual(['Jl. Sungai 1', 'Rotan halus', '16291']);
  await expect(cell(page, 3, 'kbli')).toHaveClass(/active/);
});

test('Ctrl+D fills down and one Ctrl+Z takes it back; a value pasted onto a range fills it', async ({ page, harness, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = firstRows(harness, 6);
  await cell(page, 2, 'commodity').click();
  await cell(page, 5, 'workers_male').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+D');
  await expect(page.getByText('9 sel diisi.')).toBeVisible();
  for (const r of rows.slice(1, 4)) {
    const saved = (await harness.api('ikm.get', { id: r.id })) as IkmRecord;
    expect([saved.commodity, saved.workers_male]).toEqual([rows[0]!.commodity, rows[0]!.workers_male]);
  }
  expect(((await harness.api('ikm.get', { id: rows[4]!.id })) as IkmRecord).commodity).toBe(rows[4]!.commodity);
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 3, 'commodity')).toHaveText(String(rows[1]!.commodity ?? ''));
  for (const r of rows.slice(1, 4)) expect(((await harness.api('ikm.get', { id: r.id })) as IkmRecord).commodity).toBe(r.commodity);
  // One value pasted on a selected range fills every cell of it (Excel).
  await cell(page, 2, 'address').click();
  await cell(page, 6, 'address').click({ modifiers: ['Shift'] });
  await page.evaluate((t) => navigator.clipboard.writeText(t), 'Jl. Pasar Lama\r\n');
  await page.keyboard.press('Control+V');
  await expect(page.getByText('5 sel ditempel.')).toBeVisible();
  for (const r of rows.slice(0, 5)) expect(((await harness.api('ikm.get', { id: r.id })) as IkmRecord).address).toBe('Jl. Pasar Lama');
  expect(((await harness.api('ikm.get', { id: rows[5]!.id })) as IkmRecord).address).toBe(rows[5]!.address);
});

test('Ctrl+H replaces over the filtered view as one batch, and one Ctrl+Z undoes it all', async ({ page, harness }) => {
  const word = (harness.db.prepare(`SELECT commodity FROM ikm WHERE commodity IS NOT NULL AND district_code LIKE '62%' GROUP BY commodity ORDER BY count(*) DESC LIMIT 1`).get() as { commodity: string }).commodity;
  const before = harness.db.prepare(`SELECT id, commodity FROM ikm WHERE deleted_at IS NULL ORDER BY id`).all() as { id: number; commodity: string | null }[];
  const inView = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE commodity = ? AND district_code LIKE '62%' AND deleted_at IS NULL`).get(word) as { n: number }).n;
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  await expect(page.getByTestId('footer-count')).not.toHaveText('1.000 IKM');
  await grid(page).focus();
  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Cari di tampilan ini' });
  await bar.getByRole('textbox', { name: 'Cari' }).fill(word);
  await bar.getByRole('textbox', { name: 'Ganti dengan' }).fill('Kerajinan Purun');
  await bar.getByRole('textbox', { name: 'Cari' }).press('Enter');
  await expect(bar.getByRole('status')).toContainText('baris cocok');
  await expect(grid(page).locator('[role=gridcell].active')).toContainText(word);
  await page.screenshot({ path: 'test-results/grid-find-replace.png' });
  await bar.getByRole('button', { name: 'Ganti semua' }).click();
  await expect(bar.getByRole('status')).toContainText(`${id(inView)} sel diganti`);
  const after = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE commodity = 'Kerajinan Purun'`).get() as { n: number }).n;
  expect(after).toBe(inView);
  // Outside the filter nothing changed.
  expect((harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE commodity = ? AND district_code NOT LIKE '62%'`).get(word) as { n: number }).n).toBe(before.filter((r) => r.commodity === word).length - inView);
  await bar.getByRole('button', { name: 'Tutup pencarian' }).click();
  await expect(grid(page)).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE commodity = 'Kerajinan Purun'`).get() as { n: number }).n).toBe(0);
  expect(harness.db.prepare(`SELECT id, commodity FROM ikm WHERE deleted_at IS NULL ORDER BY id`).all()).toEqual(before);
});

test('a header filter lists the values with counts and (Kosong); the footer counts what the database counts', async ({ page, harness }) => {
  const ids = firstRows(harness, 7).map((r) => r.id);
  await harness.api('ikm.update', { changes: ids.map((i) => ({ id: i, field: 'commodity', value: null })) });
  await page.reload();
  const empty = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND (commodity IS NULL OR commodity = '')`).get() as { n: number }).n;
  await grid(page).getByRole('button', { name: 'Saring kolom Komoditi' }).click();
  const popup = page.getByRole('dialog', { name: 'Saring kolom Komoditi' });
  await expect(popup.getByRole('checkbox', { name: /\(Kosong\)/ })).toBeVisible();
  await expect(popup.locator('label', { hasText: '(Kosong)' })).toContainText(String(empty));
  await page.screenshot({ path: 'test-results/grid-header-filter.png' });
  await popup.getByRole('checkbox', { name: '(Pilih semua)' }).uncheck();
  await popup.getByRole('checkbox', { name: /\(Kosong\)/ }).check();
  await popup.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(empty)} IKM`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(empty + 1));
  await expect(cell(page, 2, 'commodity')).toHaveText('');
  // Esc closes the list without changing anything.
  await grid(page).getByRole('button', { name: 'Saring kolom Komoditi' }).click();
  await expect(popup).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(empty)} IKM`);
});

test('the status bar sums the selected cells as the database does, at any size of selection', async ({ page, harness }) => {
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('63');
  const { n, s } = harness.db.prepare(`SELECT count(*) AS n, total(investment_idr) AS s FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '63%'`).get() as { n: number; s: number };
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(n)} IKM`);
  await cell(page, 2, 'investment_idr').click();
  await page.keyboard.press('Control+Space');
  await expect(page.getByTestId('stats-sum')).toHaveText(s.toLocaleString('id-ID'));
  const counted = (harness.db.prepare(`SELECT count(investment_idr) AS c FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '63%'`).get() as { c: number }).c;
  await expect(page.getByTestId('stats-count')).toHaveText(id(counted));
  await page.screenshot({ path: 'test-results/grid-status-sum.png' });
  // A rectangle: two numeric columns, rows 2..11 of the view.
  await cell(page, 2, 'workers_male').click();
  await cell(page, 11, 'workers_female').click({ modifiers: ['Shift'] });
  const top = (await harness.api('ikm.query', { filter: { province: '63' }, sort: [], offset: 0, limit: 10 })).rows;
  const sum = top.reduce((a, r) => a + Number(r.workers_male ?? 0) + Number(r.workers_female ?? 0), 0);
  await expect(page.getByTestId('stats-sum')).toHaveText(sum.toLocaleString('id-ID'));
});

test('export of the current view (filter, sort, visible columns in order) reads back in openpyxl', async ({ page, harness }) => {
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  const header = grid(page).locator('[role=columnheader][data-field="investment_idr"]');
  await header.click();
  await header.click(); // descending
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.getByText('Ekspor tampilan').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (.xlsx)' }).click()]);
  const path = test.info().outputPath('view.xlsx');
  await download.saveAs(path);
  const shown = await grid(page).locator('[role=columnheader][data-field]').allTextContents();
  const py = `import openpyxl,json,sys\nws=openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows(max_row=3)] + [[ws.max_row]]))`;
  const r = spawnSync('/usr/bin/python3', ['-c', py, path], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const rows = JSON.parse(r.stdout) as unknown[][];
  const expected = (await harness.api('ikm.query', { filter: { province: '62' }, sort: [{ field: 'investment_idr', desc: true }], offset: 0, limit: 2 })) as { rows: IkmRecord[]; total: number };
  expect(rows[0]).toEqual(shown.map((s) => s.replace(/[▲▼▾⏷\d]+$/u, '').trim()));
  expect(rows.at(-1)).toEqual([expected.total + 1]);
  expect(rows[1]![0]).toBe(expected.rows[0]!.business_name);
  const inv = (rows[0] as string[]).indexOf('Investasi (Rp)');
  expect(rows[1]![inv]).toBe(expected.rows[0]!.investment_idr);
  expect(rows[1]![(rows[0] as string[]).indexOf('NIB')]).toBe(expected.rows[0]!.nib);
  // Esc closes the export menu.
  await page.getByText('Ekspor tampilan').click();
  await expect(page.getByRole('button', { name: 'CSV (.csv)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'CSV (.csv)' })).toBeHidden();
});

test('adding a row under a province filter puts it in that province, keeps the filter and refreshes the footer', async ({ page, harness }) => {
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  const n = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '62%'`).get() as { n: number }).n;
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(n)} IKM`);
  await page.getByRole('button', { name: '+ Tambah baris' }).click();
  const editor = grid(page).getByRole('textbox', { name: 'Nama usaha' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('UD Anyaman Baru');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(n + 1)} IKM`);
  await expect(page.getByRole('combobox', { name: 'Semua provinsi' })).toHaveValue('62');
  const newest = () => harness.db.prepare('SELECT * FROM ikm ORDER BY id DESC LIMIT 1').get() as IkmRecord;
  await expect.poll(() => newest().business_name).toBe('UD Anyaman Baru');
  expect(newest().district_code.startsWith('62')).toBe(true);
  await expect(grid(page).locator('[role=gridcell].active')).toBeVisible();
});

test('an edit that re-sorts a row keeps the cursor on the business it was on', async ({ page, harness }) => {
  const header = grid(page).locator('[role=columnheader][data-field="business_name"]');
  await header.click();
  const sorted = (await harness.api('ikm.query', { filter: {}, sort: [{ field: 'business_name', desc: false }], offset: 0, limit: 3 })).rows;
  await expect(cell(page, 2, 'business_name')).toHaveText(sorted[0]!.business_name);
  await cell(page, 2, 'business_name').click();
  await page.keyboard.type('ZZZ Usaha Terakhir');
  await page.keyboard.press('Enter');
  // Enter moves to the business below; the edited row went to the end, the cursor did not jump a row.
  await expect(grid(page).locator('[role=gridcell].active')).toHaveText(sorted[1]!.business_name);
  await page.keyboard.type('AAA Usaha Pertama');
  await page.keyboard.press('Tab');
  // Tab stays on the edited business, now first.
  await expect(grid(page).locator('[role=gridcell].active')).toHaveAttribute('data-field', 'nib');
  await expect(grid(page).locator('[role=row]:has([role=gridcell].active)').getByRole('gridcell').first()).toHaveText('AAA Usaha Pertama');
});

test('the right-click menu filters by a value, opens details, and closes on Esc or outside', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  const n = (harness.db.prepare(`SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL AND district_code = ?`).get(first!.district_code) as { n: number }).n;
  await cell(page, 2, 'district_code').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Menu sel' });
  await expect(menu).toBeVisible();
  await page.screenshot({ path: 'test-results/grid-context-menu.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await cell(page, 2, 'district_code').click({ button: 'right' });
  await page.mouse.click(5, 5);
  await expect(menu).toHaveCount(0);
  await cell(page, 2, 'district_code').click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Saring menurut nilai ini' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText(`${id(n)} IKM`);
  await expect(grid(page).getByRole('button', { name: 'Saring kolom Kab/Kota' })).toHaveClass(/on/);
  // Ctrl+Z also works with focus on a toolbar button (not in a text field).
  await cell(page, 2, 'owner_name').click();
  await page.keyboard.type('Sementara');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Urungkan' }).first()).toBeEnabled();
  await page.getByRole('button', { name: 'Rincian' }).focus();
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 2, 'owner_name')).toHaveText(String(first!.owner_name ?? ''));
});

test('the detail panel (fields, history, origin) opens from the grid with one key or one menu click', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  const panel = page.getByRole('complementary', { name: 'Rincian IKM' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Tutup' }).click();
  await expect(panel).toHaveCount(0);
  await cell(page, 2, 'owner_name').click();
  await page.keyboard.press('Control+I');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(first!.business_name);
  await panel.getByRole('button', { name: 'Tutup' }).click();
  await cell(page, 2, 'owner_name').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rincian & riwayat' }).click();
  await expect(panel).toBeVisible();
});

test('a column pasted from Excel onto a filtered view goes to the rows the user sees', async ({ page, harness, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('64');
  const visible = (await harness.api('ikm.query', { filter: { province: '64' }, sort: [], offset: 0, limit: 3 })).rows;
  await expect(cell(page, 2, 'business_name')).toHaveText(visible[0]!.business_name);
  await cell(page, 2, 'kecamatan').click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), 'Satu\r\nDua\r\nTiga\r\n');
  await page.keyboard.press('Control+V');
  await expect(page.getByText('3 sel ditempel.')).toBeVisible();
  const after = await Promise.all(visible.map(async (r) => ((await harness.api('ikm.get', { id: r.id })) as IkmRecord).kecamatan));
  expect(after).toEqual(['Satu', 'Dua', 'Tiga']);
  // The rows between them that the filter hides kept their value.
  const hidden = harness.db.prepare(`SELECT kecamatan FROM ikm WHERE id > ? AND id < ? AND district_code NOT LIKE '64%'`).all(visible[0]!.id, visible[2]!.id) as { kecamatan: string | null }[];
  expect(hidden.every((h) => !['Satu', 'Dua', 'Tiga'].includes(h.kecamatan ?? ''))).toBe(true);
});

test('double-clicking a column border fits its width', async ({ page }) => {
  const header = grid(page).locator('[role=columnheader][data-field="kbli"]');
  const before = (await header.boundingBox())!.width;
  await header.locator('.resize-handle').dblclick();
  await expect.poll(async () => (await header.boundingBox())!.width).not.toBe(before);
});

test.describe('shipments', () => {
  test.use({ seedShipments: 200 });
  test('Esc cancels a shipment edit and the database is unchanged', async ({ page, harness }) => {
    await page.getByRole('tab', { name: 'Ekspor', exact: true }).click();
    const g = page.getByRole('grid', { name: /ekspor/i });
    await expect(g).toBeFocused();
    const c = g.locator('[role=row][aria-rowindex="2"] [role=gridcell][data-field="product"]');
    const before = await c.textContent();
    const rowId = Number(await g.locator('[role=row][aria-rowindex="2"]').getAttribute('data-row-id'));
    await c.click();
    await page.keyboard.type('Salah ketik');
    await page.keyboard.press('Escape');
    await expect(c).toHaveText(before ?? '');
    expect((harness.db.prepare('SELECT product FROM shipment WHERE id = ?').get(rowId) as { product: string }).product).toBe(before);
  });
});

test.describe('at 100,000 rows', () => {
  test.use({ seedRows: 100_000 });
  test('a whole column selected: the status-bar sum is the database sum; find reaches a row far down', async ({ page, harness }) => {
    await expect(page.getByTestId('footer-count')).toHaveText('100.000 IKM');
    await cell(page, 2, 'production_value_idr').click();
    await page.keyboard.press('Control+Space');
    const s = (harness.db.prepare(`SELECT total(production_value_idr) AS s FROM ikm WHERE deleted_at IS NULL`).get() as { s: number }).s;
    await expect(page.getByTestId('stats-sum')).toHaveText(s.toLocaleString('id-ID'));
    // Only a window of rows was ever loaded.
    expect(await grid(page).locator('[role=row]').count()).toBeLessThan(120);
    const last = harness.db.prepare('SELECT business_name FROM ikm ORDER BY id DESC LIMIT 1').get() as { business_name: string };
    await page.keyboard.press('Control+F');
    const bar = page.getByRole('search', { name: 'Cari di tampilan ini' });
    await bar.getByRole('textbox', { name: 'Cari' }).fill(last.business_name);
    await bar.getByRole('textbox', { name: 'Cari' }).press('Enter');
    await expect(grid(page).locator('[role=gridcell].active')).toHaveText(last.business_name);
    await expect(grid(page).locator('[role=row]:has([role=gridcell].active)')).toHaveAttribute('aria-rowindex', '100001');
  });
});

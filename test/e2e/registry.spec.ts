/**
 * The registry grid in Chromium against the browser host and a real SQLite file: scrolling a
 * large registry, Excel keys, editing with validation, copy/paste, undo/redo, filters and sums.
 */
import type { Page } from '@playwright/test';
import type { IkmRecord } from '../../shared/fields';
import { expect, test } from './harness';

const grid = (page: Page) => page.getByRole('grid', { name: 'Registri IKM' });
const cell = (page: Page, rowIndex: number, field: string) =>
  grid(page).locator(`[role=row][aria-rowindex="${rowIndex}"] [role=gridcell][data-field="${field}"]`);
const firstRows = (h: { db: { prepare(s: string): { all(...a: unknown[]): unknown[] } } }, n: number) =>
  h.db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL ORDER BY id LIMIT ?').all(n) as IkmRecord[];

test.describe('a large registry', () => {
  test.use({ seedRows: 100_000 });

  test('scrolls 100,000 rows from the server, Ctrl+End reaches the last one', async ({ page, harness }) => {
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '100001');
    await expect(page.getByTestId('footer-count')).toHaveText('100.000 IKM');
    await cell(page, 2, 'business_name').click();
    await page.keyboard.press('Control+End');
    const last = harness.db.prepare('SELECT * FROM ikm ORDER BY id DESC LIMIT 1').get() as IkmRecord;
    await expect(cell(page, 100001, 'business_name')).toHaveText(last.business_name);
    // Only a window of rows is in the DOM, never the table.
    expect(await grid(page).locator('[role=row]').count()).toBeLessThan(120);
    await page.keyboard.press('Control+Home');
    await expect(cell(page, 2, 'business_name')).toHaveText(firstRows(harness, 1)[0]!.business_name);
    await page.keyboard.press('PageDown');
    await expect(grid(page).locator('[role=gridcell].active')).not.toHaveText(firstRows(harness, 1)[0]!.business_name);
  });
});

test('typing edits a cell, Enter saves and moves down, the audit shows it', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'owner_name').click();
  await page.keyboard.type('Budi Santoso');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'owner_name')).toHaveText('Budi Santoso');
  await expect(cell(page, 3, 'owner_name')).toHaveClass(/active/);
  const saved = (await harness.api('ikm.get', { id: first!.id })) as IkmRecord;
  expect(saved.owner_name).toBe('Budi Santoso');
  await cell(page, 2, 'owner_name').click();
  await expect(page.getByTestId('history')).toContainText('Budi Santoso');
  await expect(page.getByTestId('history')).toContainText(first!.owner_name as string);
  // Money typed the Indonesian way is understood, shown id-ID.
  await cell(page, 2, 'investment_idr').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Rp 1.500.000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'investment_idr')).toHaveText('1.500.000');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).investment_idr).toBe(1_500_000);
});

test('an invalid NIB is refused at the cell, in Bahasa Indonesia, and nothing is saved', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'nib').click();
  await page.keyboard.type('12345');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'nib').getByRole('alert')).toContainText('NIB "12345" tidak valid: NIB terdiri dari 13 angka.');
  // The message is on screen (not covered by the rows below), the cell is marked, the editor keeps the text.
  await expect(cell(page, 2, 'nib').getByRole('alert')).toBeVisible();
  await expect(cell(page, 2, 'nib')).toHaveAttribute('aria-invalid', 'true');
  await expect(cell(page, 2, 'nib').getByRole('textbox')).toHaveValue('12345');
  await page.screenshot({ path: 'docs/registry.png' });
  await page.keyboard.press('Escape');
  await expect(cell(page, 2, 'nib')).toHaveText(first!.nib ?? '');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).nib).toBe(first!.nib);
  // A future year too.
  await cell(page, 2, 'year_established').click();
  await page.keyboard.type('2999');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'year_established').getByRole('alert')).toContainText('belum terjadi');
  await page.keyboard.press('Escape');
});

test('Ctrl+C copies the selected range as TSV, Shift+arrows select', async ({ page, harness, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = firstRows(harness, 2);
  await cell(page, 2, 'owner_name').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(grid(page).locator('[role=gridcell][aria-selected=true]')).toHaveCount(4);
  await page.keyboard.press('Control+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
    rows.map((r) => `${r.owner_name}\t${districtName(r.district_code)}`).join('\r\n'),
  );

  function districtName(code: string): string {
    return (harness.db.prepare('SELECT type, name FROM district WHERE code = ?').get(code) as { type: string; name: string }).type === 'Kota'
      ? `Kota ${(harness.db.prepare('SELECT name FROM district WHERE code = ?').get(code) as { name: string }).name}`
      : (harness.db.prepare('SELECT name FROM district WHERE code = ?').get(code) as { name: string }).name;
  }
});

test('Ctrl+V pastes a range from Excel all-or-nothing, naming the bad cells', async ({ page, harness, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = firstRows(harness, 2);
  await cell(page, 2, 'kbli').click();
  // KBLI, workers L, workers P for two rows; the second row's KBLI is bad.
  await page.evaluate((t) => navigator.clipboard.writeText(t), '16291\t3\t4\r\n123\t5\t6\r\n');
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('alert').first()).toContainText('KBLI "123" tidak valid');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(cell(page, 3, 'kbli')).toHaveAttribute('aria-invalid', 'true');
  await expect(grid(page).locator('[aria-invalid=true]')).toHaveCount(1);
  const unchanged = firstRows(harness, 2);
  expect(unchanged.map((r) => [r.kbli, r.workers_male])).toEqual(rows.map((r) => [r.kbli, r.workers_male]));

  await page.keyboard.press('Escape');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '16291\t3\t4\r\n10750\t5\t6\r\n');
  await page.keyboard.press('Control+V');
  await expect(cell(page, 3, 'workers_female')).toHaveText('6');
  const after = firstRows(harness, 2);
  expect(after.map((r) => [r.kbli, r.workers_male, r.workers_female, r.workers_total])).toEqual([
    ['16291', 3, 4, 7],
    ['10750', 5, 6, 11],
  ]);
});

test('Ctrl+Z undoes an edit and Ctrl+Y redoes it; Delete clears cells', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'address').click();
  await page.keyboard.type('Jl. Baru No. 1');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'address')).toHaveText('Jl. Baru No. 1');
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 2, 'address')).toHaveText(first!.address as string);
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).address).toBe(first!.address);
  await page.keyboard.press('Control+Y');
  await expect(cell(page, 2, 'address')).toHaveText('Jl. Baru No. 1');
  await cell(page, 2, 'address').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 2, 'address')).toHaveText('');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).address).toBeNull();
});

test('filters and the footer sums agree with the database', async ({ page, harness }) => {
  await page.getByRole('combobox', { name: 'Semua provinsi' }).selectOption('62');
  await page.getByRole('searchbox').fill('rotan');
  const expected = harness.db
    .prepare(
      `SELECT count(*) AS n, total(investment_idr) AS inv FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '62%'
       AND (lower(business_name) LIKE '%rotan%' OR lower(owner_name) LIKE '%rotan%' OR lower(commodity) LIKE '%rotan%')`,
    )
    .get() as { n: number; inv: number };
  await expect(page.getByTestId('footer-count')).toHaveText(`${expected.n.toLocaleString('id-ID')} IKM`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(expected.n + 1));
  await expect(page.getByTestId('footer-investment')).toHaveText(`Rp ${expected.inv.toLocaleString('id-ID')}`);
  // Sort by investment, descending (click twice): the first row is the largest.
  const header = grid(page).locator('[role=columnheader][data-field="investment_idr"]');
  await header.click();
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const top = harness.db
    .prepare(
      `SELECT business_name FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '62%'
       AND (lower(business_name) LIKE '%rotan%' OR lower(owner_name) LIKE '%rotan%' OR lower(commodity) LIKE '%rotan%')
       ORDER BY investment_idr DESC, id LIMIT 1`,
    )
    .get() as { business_name: string };
  await expect(cell(page, 2, 'business_name')).toHaveText(top.business_name);
});

test('deleting a row can be undone; English can be switched on', async ({ page, harness }) => {
  const [first] = firstRows(harness, 1);
  await cell(page, 2, 'business_name').click();
  await page.getByRole('button', { name: 'Hapus baris' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('999 IKM');
  await page.getByRole('button', { name: 'Urungkan' }).first().click();
  await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');
  expect(((await harness.api('ikm.get', { id: first!.id })) as IkmRecord).id).toBe(first!.id);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'IKM registry' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'IKM registry' }).locator('[role=columnheader][data-field="business_name"]')).toHaveText('Business name');
});

test('district: a typed short name is resolved, the picker offers the list', async ({ page, harness }) => {
  const [, second] = firstRows(harness, 2);
  await cell(page, 2, 'district_code').click();
  await page.keyboard.type('Kotim');
  await page.keyboard.press('Enter');
  await expect(cell(page, 2, 'district_code')).toHaveText('Kotawaringin Timur');
  expect(firstRows(harness, 1)[0]!.district_code).toBe('6202');
  // F2 opens the editor with the list; typing filters it, ↓ picks, Enter saves the code.
  await cell(page, 3, 'district_code').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('balik');
  await expect(grid(page).getByRole('option')).toHaveText([/Kota Balikpapan/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(cell(page, 3, 'district_code')).toHaveText('Kota Balikpapan');
  expect(((await harness.api('ikm.get', { id: second!.id })) as IkmRecord).district_code).toBe('6471');
  // An unknown name is refused with the reason.
  await cell(page, 3, 'district_code').click();
  await page.keyboard.type('Atlantis');
  await page.keyboard.press('Enter');
  await expect(cell(page, 3, 'district_code').getByRole('alert')).toContainText('Kabupaten/kota "Atlantis" tidak dikenal');
  await page.keyboard.press('Escape');
  expect(((await harness.api('ikm.get', { id: second!.id })) as IkmRecord).district_code).toBe('6471');
});

test('Delete on a required column is refused and nothing is cleared', async ({ page, harness }) => {
  const rows = firstRows(harness, 2);
  await cell(page, 2, 'business_name').click();
  await page.keyboard.press('Shift+ArrowRight'); // name + NIB, two rows
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alert').first()).toContainText('Kolom ini wajib diisi.');
  await expect(grid(page).locator('[aria-invalid=true]')).toHaveCount(2);
  expect(firstRows(harness, 2).map((r) => [r.business_name, r.nib])).toEqual(rows.map((r) => [r.business_name, r.nib]));
});

test('Ctrl+Z brings back deleted rows, Ctrl+Y deletes them again', async ({ page, harness }) => {
  const [first, second] = firstRows(harness, 2);
  await cell(page, 2, 'owner_name').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.getByRole('button', { name: 'Hapus baris' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hapus 2 baris' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('998 IKM');
  await expect(cell(page, 2, 'business_name')).not.toHaveText(first!.business_name);
  await grid(page).focus();
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');
  await expect(cell(page, 3, 'business_name')).toHaveText(second!.business_name);
  await page.keyboard.press('Control+Y');
  await expect(page.getByTestId('footer-count')).toHaveText('998 IKM');
  await expect(harness.api('ikm.get', { id: first!.id })).rejects.toThrow();
});

test('a new row opens its name for typing; the audit in the detail panel shows it', async ({ page, harness }) => {
  await page.getByRole('button', { name: '+ Tambah baris' }).click();
  const editor = grid(page).getByRole('textbox', { name: 'Nama usaha' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('IKM baru');
  await page.keyboard.type('CV Rotan Katingan Baru'); // the placeholder is selected: typing replaces it
  await page.keyboard.press('Enter');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '1002');
  await expect(cell(page, 1002, 'business_name')).toHaveText('CV Rotan Katingan Baru');
  const created = harness.db.prepare('SELECT * FROM ikm ORDER BY id DESC LIMIT 1').get() as IkmRecord;
  expect(created.business_name).toBe('CV Rotan Katingan Baru');
  await cell(page, 1002, 'owner_name').click();
  await expect(page.getByTestId('history')).toContainText('IKM baru → CV Rotan Katingan Baru');
});

test('columns: hidden and resized columns are remembered; Shift+click sorts by two columns', async ({ page, harness }) => {
  await page.getByText('Kolom', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Pemilik' }).uncheck();
  await expect(grid(page).locator('[role=columnheader][data-field="owner_name"]')).toHaveCount(0);
  const handle = grid(page).locator('[role=columnheader][data-field="address"] .resize-handle');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 82, box.y + 10, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => ((await harness.api('settings.get', { key: 'registry.columns' })) as { widths: Record<string, number> })?.widths?.address).toBe(300);
  await page.reload();
  await expect(grid(page).locator('[role=columnheader][data-field="nib"]')).toBeVisible();
  await expect(grid(page).locator('[role=columnheader][data-field="owner_name"]')).toHaveCount(0);
  expect((await grid(page).locator('[role=columnheader][data-field="address"]').boundingBox())!.width).toBe(300);

  const kbli = grid(page).locator('[role=columnheader][data-field="kbli"]');
  const inv = grid(page).locator('[role=columnheader][data-field="investment_idr"]');
  await kbli.click();
  await inv.click({ modifiers: ['Shift'] });
  await inv.click({ modifiers: ['Shift'] });
  await expect(kbli).toHaveAttribute('aria-sort', 'ascending');
  await expect(inv).toHaveAttribute('aria-sort', 'descending');
  await expect(inv.locator('.sort-mark')).toHaveText('▼2');
  const top = harness.db
    .prepare('SELECT business_name FROM ikm WHERE deleted_at IS NULL ORDER BY (kbli IS NULL), kbli, (investment_idr IS NULL), investment_idr DESC, id LIMIT 1')
    .get() as { business_name: string };
  await expect(cell(page, 2, 'business_name')).toHaveText(top.business_name);
});

test.describe('first run', () => {
  test.use({ seedRows: 0 });
  test('an empty registry offers demo data instead of a blank screen', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Registri masih kosong' })).toBeVisible();
    await page.getByRole('button', { name: 'Muat 1.000 data contoh' }).click();
    await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');
  });
});

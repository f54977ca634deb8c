/**
 * Issue 13 in Chromium: deleting many rows asks first and names the count; the undo history
 * survives an emptied grid (Ctrl+A, Hapus baris); Sampah lists the deleted rows with who and
 * when and restores them (audited); demo data is removed with "Hapus data contoh".
 */
import { test, expect } from './harness';
import { osUser } from '../../electron/core/registry/write';

test.use({ seedRows: 40 });

const grid = (page: import('@playwright/test').Page) => page.getByRole('grid', { name: 'Registri IKM' });
const count = (h: { db: { prepare(s: string): { get(): unknown } } }, sql: string) => (h.db.prepare(sql).get() as { n: number }).n;

test('Ctrl+A, Hapus baris: a confirmation names the count, the emptied grid keeps its undo, Sampah restores', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId('footer-count')).toHaveText('40 IKM');
  await grid(page).locator('[role=gridcell]').first().click();
  await page.keyboard.press('Control+A');
  await page.getByRole('button', { name: 'Hapus baris' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Hapus 40 baris?');
  await expect(dialog).toContainText('40 data IKM akan dihapus');
  await page.screenshot({ path: 'test-results/confirm-delete.png' });
  // Batal (focused first) keeps everything.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(count(harness, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(40);

  await page.getByRole('button', { name: 'Hapus baris' }).click();
  await dialog.getByRole('button', { name: 'Hapus 40 baris' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('0 IKM');
  expect(count(harness, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(0);
  // The grid and its toolbar stay: undo is still there and brings the rows back.
  await expect(page.getByRole('heading', { name: 'Registri masih kosong' })).toBeHidden();
  await page.getByRole('toolbar').getByRole('button', { name: 'Urungkan' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('40 IKM');

  // Delete three, then restore two of them from Sampah.
  await grid(page).locator('[role=gridcell]').first().click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.getByRole('button', { name: 'Hapus baris' }).click();
  await dialog.getByRole('button', { name: 'Hapus 3 baris' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('37 IKM');
  const deleted = harness.db.prepare('SELECT id, business_name FROM ikm WHERE deleted_at IS NOT NULL ORDER BY id').all() as { id: number; business_name: string }[];
  expect(deleted).toHaveLength(3);

  await page.getByRole('tab', { name: 'Sampah' }).click();
  const table = page.locator('.trash-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText(osUser());
  await expect(table).toContainText(deleted[0]!.business_name);
  await page.getByRole('checkbox', { name: `Pilih ${deleted[0]!.business_name}` }).check();
  await page.getByRole('checkbox', { name: `Pilih ${deleted[1]!.business_name}` }).check();
  await page.screenshot({ path: 'test-results/sampah.png' });
  const auditBefore = count(harness, 'SELECT max(id) AS n FROM audit_log');
  await page.getByRole('button', { name: 'Pulihkan (2)' }).click();
  await expect(page.getByText('2 data dipulihkan.')).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  expect(count(harness, `SELECT count(*) AS n FROM audit_log WHERE id > ${auditBefore} AND action = 'restore' AND ikm_id IN (${deleted[0]!.id}, ${deleted[1]!.id})`)).toBe(2);
  await page.getByRole('tab', { name: 'Registri IKM' }).click();
  await expect(page.getByTestId('footer-count')).toHaveText('39 IKM');
});

test.describe('demo data', () => {
  test.use({ seedRows: 0 });
  test('"Hapus data contoh" asks with the count and removes exactly the demo', async ({ page, harness }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Muat 1.000 data contoh' }).click();
    await expect(page.getByTestId('footer-count')).toHaveText('1.000 IKM');
    await expect(page.getByRole('note')).toContainText('1.000 data contoh');
    await page.screenshot({ path: 'test-results/demo-bar.png' });
    await page.getByRole('button', { name: 'Hapus data contoh' }).click();
    await expect(page.getByRole('dialog')).toContainText('1.000 data IKM contoh');
    await page.getByRole('dialog').getByRole('button', { name: 'Hapus data contoh' }).click();
    await expect(page.getByText(/Data contoh dihapus: 1\.000 IKM/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Registri masih kosong' })).toBeVisible();
    expect(count(harness, 'SELECT count(*) AS n FROM ikm WHERE deleted_at IS NULL')).toBe(0);
    expect(count(harness, 'SELECT count(*) AS n FROM shipment WHERE deleted_at IS NULL')).toBe(0);
    expect(count(harness, 'SELECT count(*) AS n FROM trade_stat')).toBe(0);
  });
});

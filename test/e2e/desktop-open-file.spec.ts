/**
 * A workbook the desktop app is handed (Windows "Buka dengan…", a second launch with a file):
 * the preload's window.api.onOpenFile, stood in for here on top of the browser host's HTTP
 * transport, so the real renderer and core answer. The wizard opens and previews it; nothing is
 * imported until Impor is pressed. An unreadable file is said in a toast.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './harness';

test.use({ seedRows: 0 });

test('a workbook handed over by the desktop app opens in the import wizard as a preview', async ({ harness, context }) => {
  await context.addInitScript(() => {
    const token = new URL(location.href).searchParams.get('token') ?? '';
    const w = window as unknown as { api: unknown; handOver?: (f: unknown) => void };
    // As electron/preload exposes it: call() over the host's HTTP, onOpenFile() kept for the test.
    w.api = {
      call: (method: string, args: unknown) =>
        fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, args }) }).then((r) => r.json()),
      onOpenFile: (cb: (f: unknown) => void) => (w.handOver = cb),
    };
  });
  const page = await context.newPage();
  await page.goto(harness.host.url);
  await expect(page.getByRole('tab', { name: 'Registri IKM' })).toHaveAttribute('aria-selected', 'true');

  const dataBase64 = readFileSync(resolve('test/fixtures/kotim_2025_libreoffice.xlsx')).toString('base64');
  await page.evaluate((b64) => (window as unknown as { handOver(f: unknown): void }).handOver({ name: 'kotim_2025_libreoffice.xlsx', dataBase64: b64 }), dataBase64);
  await expect(page.getByRole('tab', { name: 'Impor' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('counts-kotim_2025_libreoffice.xlsx')).toContainText('Baru');
  expect((harness.db.prepare('SELECT count(*) AS n FROM ikm').get() as { n: number }).n).toBe(0); // a preview only

  await page.evaluate(() => (window as unknown as { handOver(f: unknown): void }).handOver({ name: 'hilang.xlsx', error: 'Berkas "D:\\hilang.xlsx" tidak dapat dibaca.' }));
  await expect(page.getByText('Berkas "D:\\hilang.xlsx" tidak dapat dibaca.')).toBeVisible();
  await page.screenshot({ path: 'test-results/desktop-open-file.png' });
});

/**
 * The real desktop app under Playwright's _electron: the unpacked Windows build when
 * PANGKALAN_EXE names its exe (the Windows workflow), else the development Electron binary on
 * the built out/. Checks the window shows the registry from app:// with the locks in force, an
 * import through the wizard, a PDF printed by Electron's hidden window, and that a second launch
 * leaves the first alone. Skipped where no Electron binary exists (this Linux machine: the same
 * main process is driven under Node by test/unit/packaged-app.test.ts, the same UI through the
 * browser host by the other e2e tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

function devBinary(): string | null {
  try {
    const full = join('node_modules/electron/dist', readFileSync('node_modules/electron/path.txt', 'utf8').trim());
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

const packagedExe = process.env.PANGKALAN_EXE && existsSync(process.env.PANGKALAN_EXE) ? resolve(process.env.PANGKALAN_EXE) : null;
const binary = packagedExe ?? devBinary();
const args = (db: string) => (packagedExe ? ['--db', db] : ['.', '--db', db]);

test.describe('the desktop app', () => {
  test.skip(!binary, 'Electron binary not installed (node_modules/electron/dist missing, PANGKALAN_EXE not set): desktop test skipped here.');
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let win: Page;
  let db: string;

  test.beforeAll(async () => {
    db = join(mkdtempSync(join(tmpdir(), 'pangkalan-electron-')), 'r.db');
    app = await electron.launch({ executablePath: binary!, args: args(db) });
    win = await app.firstWindow();
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('opens the registry from app://, sandboxed', async () => {
    await expect(win.getByRole('banner')).toContainText('Pangkalan IKM');
    expect(await win.evaluate(() => location.href)).toBe('app://pangkalan/index.html');
    // No Node in the page; exactly the bridge's two functions.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((globalThis as { api?: object }).api ?? {}).sort())).toEqual(['call', 'onOpenFile']);
    // Nothing outside the app's origin loads.
    expect(await win.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))).toBe('blocked');
    expect(await app.evaluate(({ app: a }) => a.isPackaged)).toBe(packagedExe != null);
  });

  test('imports a district workbook through the wizard', async () => {
    await win.getByRole('tab', { name: 'Impor' }).click();
    await win.locator('input[type=file]').setInputFiles(resolve('test/fixtures/kotim_2025_libreoffice.xlsx'));
    await expect(win.getByTestId('counts-kotim_2025_libreoffice.xlsx')).toContainText('Baru');
    await win.getByRole('button', { name: 'Impor 1 berkas' }).click();
    await expect(win.getByText(/^Impor selesai \(nomor 1\): \d+ baru/)).toBeVisible({ timeout: 60_000 });
  });

  test('prints a report to PDF in the hidden window, with page numbers', async () => {
    const r = await win.evaluate(() =>
      (globalThis as unknown as { api: { call(m: string, a: unknown): Promise<{ ok: boolean; result?: { dataBase64: string }; error?: unknown }> } }).api.call('reports.pdf', {
        name: 'rekap-ikm-kabupaten',
        params: { year: 2025 },
      }),
    );
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const pdf = join(db, '..', 'rekap.pdf');
    writeFileSync(pdf, Buffer.from(r.result!.dataBase64, 'base64'));
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.error, 'pdftotext (poppler) is needed to read the PDF back').toBeUndefined();
    expect(text.stdout).toContain('Halaman 1 dari');
  });

  test('a second launch quits and leaves the first window working', async () => {
    const second = spawnSync(binary!, args(db), { timeout: 60_000 });
    expect(second.status).toBe(0);
    await win.getByRole('tab', { name: 'Registri IKM' }).click();
    await expect(win.getByTestId('footer-count')).toContainText('IKM');
  });
});

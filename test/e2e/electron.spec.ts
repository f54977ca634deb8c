/**
 * Smoke test of the real desktop build: launches Electron on a temp database and checks the
 * window shows the registry with the security settings in force. Skipped where the Electron
 * binary is absent (it is downloaded separately from the npm package, and cannot be here).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  try {
    const rel = readFileSync('node_modules/electron/path.txt', 'utf8').trim();
    const full = join('node_modules/electron/dist', rel);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app opens the registry, sandboxed', async () => {
  test.skip(!binary, 'Electron binary not installed (node_modules/electron/dist missing): desktop smoke test skipped; the same UI is tested through the browser host.');
  const db = join(mkdtempSync(join(tmpdir(), 'pangkalan-electron-')), 'r.db');
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--db', db] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('banner')).toContainText('Pangkalan IKM');
    // No Node in the page; exactly one bridge function.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { api?: { call: unknown } }).api?.call)).toBe('function');

  } finally {
    await app.close();
  }
});

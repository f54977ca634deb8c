/**
 * Playwright fixtures: a fresh SQLite file seeded with `seedRows` demo IKM, the browser host
 * serving it in-process, and the page opened at the host's URL (token included). `api` calls the
 * same dispatcher the page talks to, so tests can assert against the real database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Args, Method, Result } from '../../shared/contract';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { openDatabase, type DB } from '../../electron/core/db/open';
import { seedDemo } from '../../electron/core/seed/demo';
import { seedShipmentsDemo, seedTradeDemo } from '../../electron/core/seed/demo-trade';
import { chromiumPrinter } from '../../electron/core/reports/print-chromium';
import { startWebHost, type WebHost } from '../../electron/web-host/server';

export interface Harness {
  db: DB;
  dbPath: string;
  host: WebHost;
  api<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
}

export const test = base.extend<{ seedRows: number; seedShipments: number; harness: Harness }>({
  seedRows: [1000, { option: true }],
  /** Demo shipments (and BPS-like trade figures) on top of the demo IKM. */
  seedShipments: [0, { option: true }],
  harness: async ({ seedRows, seedShipments }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pangkalan-e2e-'));
    const dbPath = join(dir, 'registry.db');
    const db = openDatabase(dbPath);
    if (seedRows > 0) seedDemo(db, seedRows);
    if (seedShipments > 0) {
      seedShipmentsDemo(db, seedShipments);
      seedTradeDemo(db);
    }
    const printPdf = chromiumPrinter();
    const dispatch = createDispatcher(db, createHandlers({ dbPath, version: 'test', printPdf }));
    const host = await startWebHost({ dispatch, staticDir: resolve('out/renderer') });
    const api = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
      const env = await dispatch(method, args);
      if (!env.ok) throw new Error(env.error.message);
      return env.result as Result<M>;
    };
    await use({ db, dbPath, host, api });
    await host.close();
    await printPdf.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  },
  page: async ({ page, harness }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(harness.host.url);
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/**
 * `npm run web -- --db <file> [--port <n>]`: the app in any browser on this machine, for those
 * who cannot run the desktop build, and for the end-to-end tests. Prints one line: the URL.
 */
import { resolve } from 'node:path';
import { createDispatcher } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { defaultDbPath } from '../core/db/location';
import { DatabaseError } from '../core/db/open';
import { RegistrySession } from '../core/db/session';
import { dailyBackup } from '../core/backup/backups';
import { prestartReader } from '../core/import/reader';
import { chromiumPrinter } from '../core/reports/print-chromium';
import { appVersion, parseArgs, UsageError } from '../cli/args';
import { startWebHost } from './server';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { db: 'string', port: 'number', static: 'string' });
  const dbPath = resolve(args.db ?? defaultDbPath());
  const session = RegistrySession.open(dbPath, { check: 'auto' });
  const printer = chromiumPrinter();
  const dispatch = createDispatcher(session, createHandlers({ dbPath, version: appVersion(), printPdf: printer }));
  const host = await startWebHost({
    dispatch,
    port: args.port,
    staticDir: args.static ?? resolve(import.meta.dirname, '../../out/renderer'),
  });
  console.log(`Pangkalan IKM berjalan di ${host.url}`);
  void prestartReader(); // the import's reader thread, ready before the first import
  dailyBackup(session.db, dbPath).catch((e: unknown) => console.error(`Cadangan harian gagal: ${(e as Error).message}`));
  const stop = () => {
    void Promise.all([host.close(), printer.close()]).then(() => {
      session.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const msg = e instanceof DatabaseError || e instanceof UsageError ? e.message : `Gagal memulai: ${(e as Error).message}`;
  console.error(msg);
  process.exit(1);
});

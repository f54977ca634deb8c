/**
 * `npm run cli -- <command>`: the same core as the app, for scripts and for checking.
 * Every failure is one clear line on stderr and a non-zero exit.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseError, openDatabase, type DB } from '../core/db/open';
import { StorageError } from '../core/api/errors';
import { guardOutputPath, OutputPathError, writeOutput } from '../core/export/output';
import { exportIkm, exportShipments } from '../core/export/rows';
import { REPORT_NAMES } from '../../shared/reports';
import { registryStats } from '../core/registry/stats';
import { seedDemoWorld } from '../core/seed/world';
import { parseArgs, UsageError } from './args';

const USAGE = `Pemakaian: npm run cli -- <perintah> [opsi]
  seed-demo --rows N --db <berkas> [--shipments N]     isi N data IKM contoh (dan pengapalan, neraca, Go Ekspor)
  stats --db <berkas> [--json]                         jumlah IKM per kabupaten/kota
  export ikm --db <berkas> --format csv|json --out <berkas>
  export shipments --db <berkas> --format csv|json --out <berkas>
  export readiness --db <berkas> --format csv|json --out <berkas>   kesiapan ekspor IKM Go Ekspor
  import <berkas>... --db <berkas> [--district <kode BPS>] [--map "<judul kolom>=<field>"]... [--dry-run] [--json]
  import-shipments <berkas>... --db <berkas> [--district <kode BPS>] [--map "<judul kolom>=<field>"]... [--dry-run] [--json]
  import-trade-stats <berkas> --db <berkas> [--province KODE] [--map "<judul kolom>=<field>"]... [--dry-run] [--json]
  backup list|create --db <berkas> [--json]          daftar cadangan / buat cadangan (diperiksa integritasnya)
  backup copy <nama cadangan> --to <folder> --db <berkas>   salin cadangan, misalnya ke flash disk
  restore <nama cadangan|berkas> --db <berkas>        pulihkan registri dari cadangan (registri sekarang dicadangkan dulu)
  report <nama> --db <berkas> [--year Y] [--from T --to T] [--province P] [--district D] --format xlsx|pdf --out <berkas>
      nama: ${REPORT_NAMES.join(', ')}`;

/** Opens an existing database; the CLI never creates one by accident, except for seeding. */
function openExisting(path: string | undefined, create = false): DB {
  if (!path) throw new UsageError('Opsi --db <berkas> wajib diisi.');
  const full = resolve(path);
  if (!create && !existsSync(full)) throw new UsageError(`Basis data "${full}" tidak ditemukan.`);
  return openDatabase(full);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'seed-demo': {
      const a = parseArgs(rest, { rows: 'number', db: 'string', shipments: 'number' });
      if (!a.rows || a.rows < 1) throw new UsageError('Opsi --rows N (N ≥ 1) wajib diisi.');
      const db = openExisting(a.db, true);
      const t = performance.now();
      seedDemoWorld(db, a.rows, a.shipments ?? 0);
      db.close();
      console.log(`${a.rows.toLocaleString('id-ID')} data IKM contoh ditambahkan dalam ${((performance.now() - t) / 1000).toFixed(1)} detik.`);
      return 0;
    }
    case 'stats': {
      const a = parseArgs(rest, { db: 'string', json: 'boolean' });
      const db = openExisting(a.db);
      const stats = registryStats(db);
      db.close();
      if (a.json) console.log(JSON.stringify(stats));
      else {
        console.log(`Jumlah IKM: ${stats.ikm.toLocaleString('id-ID')}`);
        for (const [d, n] of Object.entries(stats.by_district)) console.log(`  ${d}  ${n.toLocaleString('id-ID')}`);
      }
      return 0;
    }
    case 'export': {
      const a = parseArgs(rest, { db: 'string', format: 'string', out: 'string' });
      if (a._[0] !== 'ikm' && a._[0] !== 'shipments' && a._[0] !== 'readiness') throw new UsageError(`Yang dapat diekspor: ikm, shipments, readiness (bukan "${a._[0] ?? ''}").`);
      if (a.format !== 'csv' && a.format !== 'json') throw new UsageError('Opsi --format harus csv atau json.');
      if (!a.out) throw new UsageError('Opsi --out <berkas> wajib diisi.');
      if (a.db) guardOutputPath(a.out, a.db); // before the registry is even opened
      const db = openExisting(a.db);
      const write = a._[0] === 'ikm' ? exportIkm : a._[0] === 'readiness' ? (await import('./readiness-export')).exportReadiness : exportShipments;
      const format = a.format;
      const n = await writeOutput(a.out, db.name, (tmp) => write(db, format, tmp)).finally(() => db.close());
      console.error(`${n.toLocaleString('id-ID')} ${a._[0] === 'ikm' ? 'data IKM' : a._[0] === 'readiness' ? 'IKM Go Ekspor' : 'data pengapalan'} diekspor ke ${resolve(a.out)}.`);
      return 0;
    }
    case 'import': {
      const { runImport } = await import('./import-command');
      return runImport(rest);
    }
    case 'import-shipments':
    case 'import-trade-stats': {
      const { runImport } = await import('./import-command');
      return runImport(rest, command === 'import-shipments' ? 'shipments' : 'trade');
    }
    case 'backup': {
      const { runBackup } = await import('./backup-command');
      return runBackup(rest);
    }
    case 'restore': {
      const { runRestore } = await import('./backup-command');
      return runRestore(rest);
    }
    case 'report': {
      const { runReport } = await import('./report-command');
      return runReport(rest);
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Perintah tidak dikenal: "${command}".\n${USAGE}`);
  }
}

// exitCode, not exit(): stdout/stderr to a pipe are asynchronous, and exit() would cut them off.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof DatabaseError || e instanceof OutputPathError || e instanceof StorageError) console.error(`Galat: ${e.message}`);
    else console.error(`Galat: ${(e as Error).message ?? String(e)}`);
    process.exitCode = e instanceof UsageError || e instanceof OutputPathError ? 2 : 1;
  },
);

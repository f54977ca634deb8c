/**
 * `npm run cli -- report <name> --db <file> [--year Y] [--from D --to D] [--province P]
 * [--district D] --format xlsx|pdf --out <file>`: the same reports as the Reports screen.
 */
import { writeFileSync } from 'node:fs';
import { guardOutputPath, writeOutput } from '../core/export/output';
import { resolve } from 'node:path';
import { REPORT_NAMES, reportParamsSchema, type ReportName } from '../../shared/reports';
import { openDatabase } from '../core/db/open';
import { chromiumPrinter } from '../core/reports/print-chromium';
import { reportPdf, reportXlsxFile } from '../core/reports/service';
import { parseArgs, UsageError } from './args';

export async function runReport(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { db: 'string', year: 'number', from: 'string', to: 'string', province: 'string', district: 'string', format: 'string', out: 'string' });
  const name = a._[0] as ReportName | undefined;
  if (!name || !REPORT_NAMES.includes(name)) throw new UsageError(`Nama laporan: ${REPORT_NAMES.join(', ')}${name ? ` (bukan "${name}")` : ''}.`);
  if (a.format !== 'xlsx' && a.format !== 'pdf') throw new UsageError('Opsi --format harus xlsx atau pdf.');
  if (!a.out) throw new UsageError('Opsi --out <berkas> wajib diisi.');
  if (!a.db) throw new UsageError('Opsi --db <berkas> wajib diisi.');
  const parsed = reportParamsSchema.safeParse({ year: a.year, from: a.from, to: a.to, province: a.province, district: a.district });
  if (!parsed.success) throw new UsageError(`Periode/wilayah tidak valid: tanggal ditulis YYYY-MM-DD, provinsi 2 angka, kabupaten/kota 4 angka (${parsed.error.issues[0]?.path.join('.')}).`);
  if (a.year != null && (a.from || a.to)) throw new UsageError('Pakai --year, atau --from/--to, tidak keduanya.');
  const out = guardOutputPath(a.out, a.db); // before the registry is even opened
  const db = openDatabase(resolve(a.db));
  try {
    if (a.format === 'xlsx') await writeOutput(out, db.name, (tmp) => reportXlsxFile(db, name, parsed.data, tmp));
    else {
      const printer = chromiumPrinter();
      try {
        const pdf = await reportPdf(db, name, parsed.data, printer);
        await writeOutput(out, db.name, (tmp) => writeFileSync(tmp, pdf));
      } finally {
        await printer.close();
      }
    }
  } finally {
    db.close();
  }
  console.error(`Laporan ${name} ditulis ke ${out}.`);
  return 0;
}

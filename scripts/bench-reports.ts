/**
 * `npm run bench` (third part): every report on a 100,000-IKM / 50,000-shipment database —
 * .xlsx time for each (median of 5; Daftar IKM of 3, in a fresh process so its peak RSS is its
 * own) and the PDF of a recap through Chromium. Writes the table into README.md.
 * Options: --ikm 100000 --shipments 50000 --no-readme
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { chromiumPrinter, findChromium } from '../electron/core/reports/print-chromium';
import { reportPdf, reportXlsxFile } from '../electron/core/reports/service';
import { seedDemo } from '../electron/core/seed/demo';
import { seedShipmentsDemo, seedTradeDemo } from '../electron/core/seed/demo-trade';
import { REPORT_NAMES, type ReportName } from '../shared/reports';
import { writeReadmeSection } from './readme-section';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Child mode: write one report `runs` times; print the median ms and this process's peak RSS. */
async function child(dbPath: string, name: ReportName, runs: number): Promise<void> {
  const db = openDatabase(dbPath);
  const out = join(tmpdir(), `bench-${name}-${process.pid}.xlsx`);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await reportXlsxFile(db, name, {}, out);
    xs.push(performance.now() - t);
  }
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  db.close();
  console.log(JSON.stringify({ ms: median(xs), rssMb: process.resourceUsage().maxRSS / 1024, bytes }));
}

async function main(): Promise<void> {
  if (process.argv.includes('--child')) return child(arg('db', ''), arg('report', '') as ReportName, Number(arg('runs', '3')));
  const ikm = Number(arg('ikm', '100000'));
  const shipments = Number(arg('shipments', '50000'));
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-bench-reports-'));
  const dbPath = join(dir, 'laporan.db');
  const db = openDatabase(dbPath);
  console.error(`Mengisi ${ikm.toLocaleString('id-ID')} IKM dan ${shipments.toLocaleString('id-ID')} pengapalan…`);
  seedDemo(db, ikm);
  seedShipmentsDemo(db, shipments);
  seedTradeDemo(db);
  db.pragma('optimize');

  const rows: string[] = [];
  for (const name of REPORT_NAMES) {
    const daftar = name === 'daftar-ikm';
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', '--db', dbPath, '--report', name, '--runs', daftar ? '3' : '5'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
    const { ms, rssMb, bytes } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rssMb: number; bytes: number };
    const target = daftar ? 10_000 : 2_000;
    rows.push(`| ${name} (.xlsx, ${(bytes / 1024).toFixed(0)} KB) | ${(ms / 1000).toFixed(2)} s ${ms <= target ? '✓' : '✗'} | ≤ ${target / 1000} s | ${rssMb.toFixed(0)} MB${daftar ? ` ${rssMb <= 500 ? '✓' : '✗'} (≤ 500 MB)` : ''} |`);
    console.error(rows[rows.length - 1]);
  }
  if (findChromium()) {
    const printer = chromiumPrinter();
    const xs: number[] = [];
    let cold = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await reportPdf(db, 'rekap-ikm-kabupaten', { province: '62' }, printer);
      if (i === 0) cold = performance.now() - t;
      else xs.push(performance.now() - t);
    }
    await printer.close();
    const ms = median(xs);
    rows.push(`| rekap-ikm-kabupaten (PDF, Chromium) | ${(ms / 1000).toFixed(2)} s ${ms <= 3000 ? '✓' : '✗'} (pertama, termasuk membuka Chromium: ${(cold / 1000).toFixed(2)} s) | ≤ 3 s | – |`);
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const table = [
    `| Laporan (${ikm.toLocaleString('id-ID')} IKM, ${shipments.toLocaleString('id-ID')} pengapalan; median) | Waktu | Target | Puncak RSS |`,
    '|---|---|---|---|',
    ...rows,
    '',
    `Mesin: ${cpus().length} inti (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
  console.log(table);
  if (!process.argv.includes('--no-readme')) writeReadmeSection('reports', table);
}

void main();

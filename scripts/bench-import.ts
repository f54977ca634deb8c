/**
 * Import benchmark (run by `npm run bench`): a 100,000-row district workbook (title rows, merged
 * header, Rp text, formulas) imported end to end into an empty registry, and into a registry of
 * 100,000 where half the rows are updates — as a ratio to the time exceljs's streaming reader
 * alone needs to read the same file. Each measurement runs in a fresh process so its peak RSS
 * is its own. Writes its table into README.md between the bench:import markers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { writeReadmeSection } from './readme-section';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../electron/core/db/open';
import { importFiles } from '../electron/core/import/run';
import { prestartReader } from '../electron/core/import/reader';
import { writeDistrictWorkbook } from '../test/support/district-workbook';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 9);

async function child(mode: string, file: string, db: string): Promise<void> {
  // As exceljs is loaded before the read-alone clock starts, the import's reader is started
  // before its clock, as the app starts it ahead (prestartReader): modules loaded, waiting.
  if (mode !== 'read') await prestartReader();
  const t = performance.now();
  if (mode === 'read') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore' });
    let n = 0;
    for await (const ws of reader) for await (const row of ws) n += row.cellCount > 0 ? 1 : 0;
    if (n < ROWS) throw new Error(`read ${n} rows`);
  } else {
    const d = openDatabase(db);
    const r = await importFiles(d, [{ name: 'seruyan.xlsx', path: file, district: '6208' }]);
    d.close();
    const f = r.files[0]!;
    if (f.status !== 'imported') throw new Error(f.message);
    console.error(`  ${mode}: baru ${f.accepted}, diperbarui ${f.updated}, ditolak ${f.refused.length}`);
  }
  console.log(JSON.stringify({ ms: performance.now() - t, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

function run(mode: string, file: string, db = ''): { ms: number; rssMb: number } {
  const out = execFileSync(process.execPath, [join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), 'scripts/bench-import.ts', '--child', mode, file, db], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-bench-import-'));
  const a = join(dir, 'seruyan_a.xlsx');
  const b = join(dir, 'seruyan_b.xlsx');
  await writeDistrictWorkbook(a, { rows: ROWS });
  // Businesses ROWS/2 .. 1.5×ROWS with new production values: half updates, half new.
  await writeDistrictWorkbook(b, { rows: ROWS, offset: ROWS / 2, variant: 1 });
  // Nine runs of each, fresh processes, alternating; medians (this shared 2-core machine is noisy:
  // single runs of the same import range over 1.1–2.8× the read).
  const full = join(dir, 'full.db');
  run('import-empty', a, full);
  const runs: Record<'readA' | 'empty' | 'readB' | 'half', { ms: number; rssMb: number }[]> = { readA: [], empty: [], readB: [], half: [] };
  for (let k = 0; k < RUNS; k++) {
    runs.readA.push(run('read', a));
    runs.empty.push(run('import-empty', a, join(dir, `empty-${k}.db`)));
    runs.readB.push(run('read', b));
    copyFileSync(full, join(dir, `full-${k}.db`));
    runs.half.push(run('import-half-updates', b, join(dir, `full-${k}.db`)));
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: { ms: number; rssMb: number }[]) => ({ ms: [...xs].map((x) => x.ms).sort((p, q) => p - q)[xs.length >> 1]!, rssMb: Math.max(...xs.map((x) => x.rssMb)) });
  const [readA, empty, readB, half] = [median(runs.readA), median(runs.empty), median(runs.readB), median(runs.half)];
  const ratios = (im: { ms: number }[], rd: { ms: number }[]) => im.map((x, k) => (x.ms / rd[k]!.ms).toFixed(2)).join(' / ');

  const n = ROWS.toLocaleString('id-ID');
  const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const table = [
    `| Impor ${n} baris (judul, header gabungan, teks Rp, rumus) | Waktu | Baca saja (exceljs streaming) | Rasio (target ≤ 2×) | Puncak RSS (target ≤ 500 MB) |`,
    '|---|---|---|---|---|',
    `| Ke registri kosong | ${fmt(empty.ms)} | ${fmt(readA.ms)} | ${(empty.ms / readA.ms).toFixed(2)}× | ${empty.rssMb.toFixed(0)} MB |`,
    `| Ke registri ${n} (separuh pembaruan) | ${fmt(half.ms)} | ${fmt(readB.ms)} | ${(half.ms / readB.ms).toFixed(2)}× | ${half.rssMb.toFixed(0)} MB |`,
    '',
    `Median dari ${RUNS} pengukuran (proses baru untuk masing-masing; puncak RSS: yang terbesar). Rasio tiap putaran: kosong ${ratios(runs.empty, runs.readA)}; separuh pembaruan ${ratios(runs.half, runs.readB)}. Pembacaan saja: puncak RSS ${readA.rssMb.toFixed(0)} MB.`,
  ].join('\n');
  console.log(table);
  if (!process.argv.includes('--no-readme')) writeReadmeSection('import', table);
}

const i = process.argv.indexOf('--child');
if (i > 0) void child(process.argv[i + 1]!, process.argv[i + 2]!, process.argv[i + 3]!);
else void main();

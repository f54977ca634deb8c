/**
 * `npm run bench`: builds 100,000- and 1,000,000-row registries in temp files and reports medians
 * for the operations the grid depends on, against the targets of the foundation issue. Prints a
 * Markdown table and writes it into README.md between the bench markers.
 * Options: --sizes 100000,1000000  --runs 25  --no-readme
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeReadmeSection } from './readme-section';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IkmFilter, IkmSort } from '../shared/contract';
import { openDatabase } from '../electron/core/db/open';
import { queryRows, summarise } from '../electron/core/registry/query';
import { applyChanges } from '../electron/core/registry/write';
import { seedDemo } from '../electron/core/seed/demo';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const runs = Number(arg('runs', '25'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
function time(fn: () => void, n = runs): number {
  fn(); // warm the statement cache and the page cache, as a user scrolling would
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

interface Row {
  op: string;
  target100k: number | null; // ms
  results: Record<number, number>;
}
const rows: Row[] = [];
const put = (op: string, target100k: number | null, size: number, ms: number) => {
  let r = rows.find((x) => x.op === op);
  if (!r) rows.push((r = { op, target100k, results: {} }));
  r.results[size] = ms;
};

// The grid's hardest everyday query: one district, a text search, sorted by a non-indexed column.
const filter: IkmFilter = { districts: ['6209'], search: 'rotan' };
const sort: IkmSort = [{ field: 'production_value_idr', desc: true }];

for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'pangkalan-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  const t = performance.now();
  seedDemo(db, size);
  put('Isi data contoh (seluruhnya)', null, size, performance.now() - t);
  db.pragma('optimize');

  const total = summarise(db, filter).count;
  const lastOffset = Math.max(0, total - (total % 100 || 100));
  put('Halaman 100 baris, filter+cari+urut, awal', 15, size, time(() => queryRows(db, filter, sort, 0, 100)));
  put('Halaman 100 baris, filter+cari+urut, akhir', 15, size, time(() => queryRows(db, filter, sort, lastOffset, 100)));
  put('Jumlah + total (filter yang sama)', 30, size, time(() => summarise(db, filter)));
  put('Halaman 100 baris tanpa filter, awal', 15, size, time(() => queryRows(db, {}, [], 0, 100)));
  put('Halaman 100 baris tanpa filter, akhir', 15, size, time(() => queryRows(db, {}, [], size - 100, 100)));
  const byInvestment: IkmSort = [{ field: 'investment_idr', desc: false }];
  put('Halaman 100 baris tanpa filter, urut investasi, akhir', 15, size, time(() => queryRows(db, {}, byInvestment, size - 100, 100)));
  put('Jumlah + total seluruh registri', 30, size, time(() => summarise(db, {})));
  let n = 0;
  put('Ubah satu sel + baris audit', 5, size, time(() => {
    const r = applyChanges(db, [{ id: 1 + ((n++ * 7919) % size), field: 'production_value_idr', value: 1000 + n }]);
    if (!r.ok) throw new Error('edit failed');
  }));
  console.error(`  ${size.toLocaleString('id-ID')} baris: ${total} baris cocok dengan filter`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

const peakMb = process.resourceUsage().maxRSS / 1024;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
const header = `| Operasi (median dari ${runs}) | ${sizes.map((s) => `${s.toLocaleString('id-ID')} baris`).join(' | ')} | Target (100.000) | Target (1.000.000) |`;
const lines = [
  header,
  `|${'---|'.repeat(sizes.length + 3)}`,
  ...rows.map((r) => {
    const cells = sizes.map((s) => (r.results[s] == null ? '–' : fmt(r.results[s]!)));
    const ok100 = r.target100k == null ? '–' : `≤ ${r.target100k} ms ${r.results[100000]! <= r.target100k ? '✓' : '✗'}`;
    const ok1m = r.target100k == null || r.results[1000000] == null ? '–' : `≤ ${r.target100k * 10} ms ${r.results[1000000]! <= r.target100k * 10 ? '✓' : '✗'}`;
    return `| ${r.op} | ${cells.join(' | ')} | ${ok100} | ${ok1m} |`;
  }),
  '',
  `Puncak RSS proses inti: ${peakMb.toFixed(0)} MB. Mesin: ${cpus().length} inti (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
];
const table = lines.join('\n');
console.log(table);

if (!process.argv.includes('--no-readme')) writeReadmeSection('registry', table);

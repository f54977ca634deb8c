/**
 * Robustness run (not part of `npm test`): every file of ../shared/corpus/robustness (541 odd
 * spreadsheets from other projects' test suites; sources in its SOURCES.json, never copied into
 * the project) through the importer's dry run, each in a child process of its own, limited to
 * 60 s and 1 GB. Each must be read, or refused with a clear Indonesian message — never a crash, a
 * hang, or a parser's own text. Prints the counts (read / refused by reason / failures).
 *
 *   npx tsx scripts/robustness.ts [--dir <folder>] [--jobs 2] [--json out.json]
 *   (one file: npx tsx scripts/robustness.ts --one <file>)
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Outcome {
  file: string;
  status: 'imported' | 'refused' | 'crash' | 'timeout' | 'memory';
  message?: string;
  accepted?: number;
  refusedRows?: number;
  rssMb?: number;
  ms: number;
}

/** One file, in this process: the importer's dry run into an empty in-memory registry. */
async function one(path: string): Promise<void> {
  const { openDatabase } = await import('../electron/core/db/open');
  const { importFiles } = await import('../electron/core/import/run');
  const db = openDatabase(':memory:');
  // A district is given: files without a district column are read as far as they go.
  const r = await importFiles(db, [{ name: basename(path), path, district: '6202' }], { dryRun: true, inlineReader: process.env.ROBUSTNESS_WORKER !== '1' });
  const f = r.files[0]!;
  const out = { status: f.status, message: f.message, accepted: f.accepted, refusedRows: f.refused.length, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  process.stdout.write(`\n@@RESULT${JSON.stringify(out)}\n`);
  db.close();
}

const LIMIT_MS = 60_000;
const LIMIT_MB = 1024;

function child(path: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((done) => {
    const p = spawn(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/robustness.ts', '--one', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${LIMIT_MB}` },
    });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', () => {});
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, LIMIT_MS);
    p.on('close', (code) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const file = basename(path);
      if (timedOut) return done({ file, status: 'timeout', ms });
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT'));
      if (!line) return done({ file, status: 'crash', message: `exit ${code}: ${out.slice(-300)}`, ms });
      const r = JSON.parse(line.slice(8)) as Omit<Outcome, 'file' | 'ms'>;
      done({ file, ...r, status: (r.rssMb ?? 0) > LIMIT_MB ? 'memory' : r.status, ms });
    });
  });
}

/** A message a parser wrote, not the importer: English internals, stack fragments, JSON. */
const RAW = /\b(Error|undefined|null|Cannot|Unexpected|Invalid|unsupported|is not|at position|offset|token|TypeError|ENOENT|NaN)\b|[{}]/;

/** A refusal's reason, for counting: its first clause. */
const reason = (m: string) => m.replace(/"[^"]*"/g, '"…"').replace(/\(.*?\)/g, '').split(/[:.;]/)[0]!.trim();

async function main(): Promise<void> {
  const one_ = opt('one');
  if (one_) return one(one_);
  const dir = resolve(opt('dir') ?? fileURLToPath(new URL('../../shared/corpus/robustness', import.meta.url)));
  const jobs = Number(opt('jobs') ?? 2);
  const files = readdirSync(dir)
    .filter((f) => f !== 'SOURCES.json')
    .sort()
    .map((f) => join(dir, f));
  const results: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < files.length) {
        const path = files[next++]!;
        const r = await child(path);
        results.push(r);
        if (results.length % 25 === 0) console.error(`${results.length}/${files.length}`);
      }
    }),
  );
  results.sort((a, b) => a.file.localeCompare(b.file));
  const raw = results.filter((r) => r.status === 'refused' && RAW.test(r.message ?? ''));
  const failures = results.filter((r) => r.status === 'crash' || r.status === 'timeout' || r.status === 'memory');
  const byReason = new Map<string, number>();
  for (const r of results) if (r.status === 'refused') byReason.set(reason(r.message ?? ''), (byReason.get(reason(r.message ?? '')) ?? 0) + 1);
  console.log(`files: ${results.length}`);
  console.log(`read: ${results.filter((r) => r.status === 'imported').length} (with records: ${results.filter((r) => r.status === 'imported' && (r.accepted ?? 0) > 0).length})`);
  console.log(`refused: ${results.filter((r) => r.status === 'refused').length}`);
  for (const [k, n] of [...byReason].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
  console.log(`failures: ${failures.length} (crash ${failures.filter((r) => r.status === 'crash').length}, over 60 s ${failures.filter((r) => r.status === 'timeout').length}, over 1 GB ${failures.filter((r) => r.status === 'memory').length})`);
  for (const r of failures) console.log(`  ${r.status}\t${r.file}\t${r.message ?? ''}`);
  console.log(`raw parser text in a refusal: ${raw.length}`);
  for (const r of raw) console.log(`  ${r.file}\t${r.message}`);
  const slow = [...results].sort((a, b) => b.ms - a.ms)[0];
  const big = [...results].sort((a, b) => (b.rssMb ?? 0) - (a.rssMb ?? 0))[0];
  console.log(`slowest: ${slow?.file} ${slow?.ms} ms; most memory: ${big?.file} ${big?.rssMb} MB`);
  const json = opt('json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 1));
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

/**
 * `npm run corpus`: imports every district-like file of test/fixtures/corpus (each with its
 * answer key, <file>.key.json, written by make_corpus.py / make_exceljs.ts) into a fresh registry
 * and prints, per file: field fidelity (expected values that arrived exactly), records found,
 * junk rows skipped (sub-totals, group rows, notes: neither imported nor refused), bad rows
 * flagged (the rows that must be refused, refused), and columns with data listed as not imported.
 * `--markdown` prints the README's table.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../electron/core/db/open';
import { importFiles } from '../electron/core/import/run';

const DIR = resolve(fileURLToPath(new URL('../test/fixtures/corpus', import.meta.url)));

interface Key {
  file: string;
  district: string | null;
  records: Record<string, string | number | null>[];
  refused: number[];
  junk: number[];
  unmapped: string[];
}

interface Row {
  file: string;
  fields: [number, number];
  records: [number, number];
  junk: [number, number];
  bad: [number, number];
  unmapped: [number, number];
  note: string;
}

async function one(key: Key): Promise<Row> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'corpus-')), 'registry.db'));
  try {
    const r = await importFiles(db, [{ name: key.file, path: join(DIR, key.file), district: key.district }]);
    const f = r.files[0]!;
    const got = db.prepare('SELECT * FROM ikm WHERE deleted_at IS NULL').all() as Record<string, unknown>[];
    const byName = new Map(got.map((g) => [String(g.business_name), g]));
    let fieldsOk = 0;
    let fieldsAll = 0;
    let found = 0;
    for (const want of key.records) {
      const g = byName.get(String(want.business_name));
      if (g) found++;
      for (const [k, v] of Object.entries(want)) {
        fieldsAll++;
        if (g && (g[k] ?? null) === v) fieldsOk++;
      }
    }
    const refusedRows = new Set(f.refused.map((p) => p.row));
    // Where each record came from (import_source): a junk row is skipped when it is neither refused nor a record.
    const importedRows = new Set((db.prepare('SELECT row FROM import_source').all() as { row: number }[]).map((s) => s.row));
    const junkSkipped = key.junk.filter((n) => !refusedRows.has(n) && !importedRows.has(n)).length;
    const bad = key.refused.filter((n) => refusedRows.has(n)).length;
    const listed = new Set((f.unmapped ?? []).map((u) => u.column));
    const unmapped = key.unmapped.filter((c) => listed.has(c)).length;
    const extra = [...refusedRows].filter((n) => !key.refused.includes(n));
    const note = f.status === 'refused' ? `refused: ${f.message}` : extra.length ? `also refused rows ${extra.join(', ')}` : '';
    return { file: key.file, fields: [fieldsOk, fieldsAll], records: [found, key.records.length], junk: [junkSkipped, key.junk.length], bad: [bad, key.refused.length], unmapped: [unmapped, key.unmapped.length], note };
  } finally {
    db.close();
  }
}

const pct = ([a, b]: [number, number]) => (b === 0 ? '–' : `${a}/${b}`);

async function main(): Promise<void> {
  const keys = readdirSync(DIR).filter((n) => n.endsWith('.key.json')).sort().map((n) => JSON.parse(readFileSync(join(DIR, n), 'utf8')) as Key);
  const rows: Row[] = [];
  for (const k of keys) rows.push(await one(k));
  const sum = (pick: (r: Row) => [number, number]): [number, number] => rows.reduce<[number, number]>((s, r) => [s[0] + pick(r)[0], s[1] + pick(r)[1]], [0, 0]);
  const total: Row = { file: 'all', fields: sum((r) => r.fields), records: sum((r) => r.records), junk: sum((r) => r.junk), bad: sum((r) => r.bad), unmapped: sum((r) => r.unmapped), note: '' };
  const head = ['file', 'field fidelity', 'records found', 'junk rows skipped', 'bad rows flagged', 'unmapped columns listed'];
  const line = (r: Row) => [r.file, `${pct(r.fields)} (${r.fields[1] ? Math.round((100 * r.fields[0]) / r.fields[1]) : 100} %)`, pct(r.records), pct(r.junk), pct(r.bad), pct(r.unmapped)];
  if (process.argv.includes('--markdown')) {
    console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
    for (const r of [...rows, total]) console.log(`| ${line(r).join(' | ')} |`);
  } else {
    for (const r of [...rows, total]) console.log(line(r).join('  ·  ') + (r.note ? `\n    ${r.note}` : ''));
  }
  const perfect = total.fields[0] === total.fields[1] && total.records[0] === total.records[1] && total.bad[0] === total.bad[1] && total.junk[0] === total.junk[1];
  process.exitCode = perfect ? 0 : 1;
}

void main();

// `npm test`: typecheck, lint, unit tests (vitest) and end-to-end tests (Playwright in Chromium),
// then one closing line with the totals: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [];
const step = (name, cmd, args) => {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  steps.push({ name, ok: r.status === 0, seconds: Math.round((Date.now() - t) / 1000) });
  return r.status === 0;
};
const only = process.argv[2]; // optional: typecheck | lint | unit | e2e

mkdirSync('test-results', { recursive: true });
rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.json', { force: true });
if (!only || only === 'typecheck') step('typecheck', 'npx', ['tsc', '-b', 'tsconfig.json']);
if (!only || only === 'lint') step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (!only || only === 'unit')
  step('unit (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
if (!only || only === 'e2e') step('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test']);

let passed = 0, failed = 0, skipped = 0;
if (existsSync('test-results/unit.json')) {
  const u = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += u.numPassedTests;
  failed += u.numFailedTests;
  skipped += u.numPendingTests + (u.numTodoTests ?? 0);
}
if (existsSync('test-results/e2e.json')) {
  const s = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
}
// A step that failed without a failing test (typecheck, lint, a crashed runner) still counts.
const report = { 'unit (vitest)': 'test-results/unit.json', 'e2e (Playwright, Chromium)': 'test-results/e2e.json' };
failed += steps.filter((s) => !s.ok && !(report[s.name] && existsSync(report[s.name]))).length;
const broken = steps.filter((s) => !s.ok);
console.log('\n' + steps.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`).join('\n'));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(broken.length === 0 && failed === 0 ? 0 : 1);

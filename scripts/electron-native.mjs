// Builds better-sqlite3 for Electron's ABI into node_modules/.electron-native, leaving the Node
// build (used by tests, CLI and the browser host) untouched. The main process loads it through
// better-sqlite3's `nativeBinding` option in development; packaged builds get their own rebuild
// from electron-builder (npmRebuild). Needs Electron's headers (downloaded by node-gyp once).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const outDir = join(root, 'node_modules/.electron-native');
const stamp = join(outDir, 'electron-version.txt');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

const work = join(outDir, 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(`${'build'}/Release`) });
console.log(`Membangun better-sqlite3 untuk Electron ${electronVersion}…`);
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${electronVersion}`, '--arch=' + process.arch, '--dist-url=https://electronjs.org/headers'],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
if (r.status !== 0) {
  console.error('Gagal membangun better-sqlite3 untuk Electron (perlu header Electron dari internet dan kompilator C++).');
  process.exit(1);
}
cpSync(join(work, 'build/Release/better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, electronVersion);

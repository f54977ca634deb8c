// `npm start`: builds and launches the desktop app. Where the Electron binary cannot be had
// (it is downloaded at install time), says so in one line and serves the same UI through the
// browser host instead.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function findElectron() {
  try {
    const pathFile = join(root, 'node_modules/electron/path.txt');
    const candidate = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null; // electron's binary was not downloaded
  }
}
// Electron fetches its binary on first use; try once (quietly) unless told not to.
let electronBinary = findElectron();
if (!electronBinary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { stdio: 'ignore', timeout: 300_000 });
  electronBinary = findElectron();
}

run('npx', ['electron-vite', 'build']);
if (electronBinary) {
  spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log('Program Electron tidak tersedia di mesin ini; tampilan yang sama dibuka lewat peramban (browser host) — buka URL di bawah.');
  const db = process.argv.includes('--db') ? [] : ['--db', join(root, '.tmp', 'pangkalan-ikm.db')];
  spawn(process.execPath, [require.resolve('tsx/cli'), 'electron/web-host/index.ts', ...db, ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
  }).on('exit', (c) => process.exit(c ?? 0));
}

/**
 * The desktop app as built and as packaged for Windows, without an Electron binary: electron-vite
 * builds out/, electron-builder lays out `--win dir` offline from a stand-in Electron zip
 * (fake-electron-dist.ts: a real PE32+ x64 exe with Electron's fuse wire), and the built main
 * process is run under Node with a stub `electron` (test/support/electron-stub.mjs) and driven as
 * Electron would (drive-main.mjs): in the development layout (project folder) and in the packaged
 * one (app.asar extracted in its place, resources/ beside it). Only Windows runs the real exe:
 * .github/workflows/windows.yml.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import ExcelJS from 'exceljs';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFuses, writeFakeElectronDist } from '../support/fake-electron-dist';

const ROOT = process.cwd();
const NODE = process.execPath;
const FIXTURE = join(ROOT, 'test/fixtures/kotim_2025_libreoffice.xlsx');
const work = join(tmpdir(), `pangkalan-packaged-${process.pid}`);
const appOut = join(work, 'dist', 'win-unpacked');

/** What drive-main.mjs wrote (JSON, read as it comes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON of a child process
type Run = Record<string, any>;

interface Layout {
  name: string;
  main: string;
  env: Record<string, string>;
  resources: string;
}
let dev: Layout;
let packaged: Layout;
let nativeFiles: string[] = [];
let asarFiles: string[] = [];
/** What each run of the main process saw (drive-main.mjs), by layout and case. */
const runs: Record<string, Run> = {};
const damagedDb = () => join(work, 'damaged', 'Pangkalan IKM', 'pangkalan-ikm.db');
let damagedBefore = '';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
/** The environment without the variables that would point the app elsewhere. */
function withoutOverrides(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['PANGKALAN_DB', 'PANGKALAN_RESOURCES', 'ELECTRON_RENDERER_URL']) delete env[k];
  return env;
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs drive-main.mjs; `onReady` is called when a `full` run waits for its second instance. */
function drive(layout: Layout, scenario: 'full' | 'startup', userData: string, onReady?: () => Promise<void>): Promise<Run> {
  mkdirSync(userData, { recursive: true });
  const outFile = join(userData, `..`, `${layout.name}-${scenario}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['--import', join(ROOT, 'test/support/electron-hooks.mjs'), join(ROOT, 'test/support/drive-main.mjs'), layout.main, scenario, outFile, FIXTURE], {
      cwd: ROOT,
      env: { ...withoutOverrides(), ...layout.env, STUB_USER_DATA: userData },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready') && onReady) void onReady().then(() => child.stdin.write('go\n'), reject);
    });
    child.on('exit', (code) => {
      if (code !== 0 || !existsSync(outFile)) return reject(new Error(`drive ${layout.name} ${scenario} exited ${code}: ${stderr.slice(-3000)}`));
      resolve(JSON.parse(readFileSync(outFile, 'utf8')));
    });
  });
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // The shipped configuration (package.json "build"), only the Electron zip and the output folder given.
  const eb = spawnSync(
    NODE,
    [join(ROOT, 'node_modules/electron-builder/cli.js'), '--win', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${writeFakeElectronDist(join(work, 'electron-dist'))}`, `-c.directories.output=${join(work, 'dist')}`],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  expect(eb.status, `${eb.stdout}\n${eb.stderr}`).toBe(0);
  expect(eb.stdout + eb.stderr).not.toMatch(/downloading/);

  nativeFiles = walk(appOut).filter((f) => f.endsWith('.node'));
  asarFiles = listPackage(join(appOut, 'resources/app.asar'), { isPack: false });

  dev = { name: 'development', main: join(ROOT, 'out/main/index.js'), resources: join(ROOT, 'resources'), env: { STUB_APP_PATH: ROOT, STUB_PACKAGED: '0' } };
  // The packaged layout as Electron sees it: app.asar read as a folder (Electron's fs does that),
  // its unpacked files in place. One substitution: this Linux Node cannot load the Windows
  // better-sqlite3 the package carries (checked below to be PE x64), so Linux's prebuild is put beside it.
  const run = join(work, 'run');
  cpSync(appOut, run, { recursive: true });
  const asar = join(run, 'resources/app.asar');
  extractAll(asar, `${asar}.extracted`);
  rmSync(asar);
  renameSync(`${asar}.extracted`, asar);
  cpSync(join(ROOT, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'), join(asar, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'));
  packaged = {
    name: 'packaged',
    main: join(asar, 'out/main/index.js'),
    resources: join(run, 'resources/resources'),
    env: { STUB_APP_PATH: asar, STUB_PACKAGED: '1', STUB_RESOURCES_PATH: join(run, 'resources') },
  };

  // The runs, side by side (each `full` run starts its own second instance while it waits).
  mkdirSync(join(work, 'damaged', 'Pangkalan IKM'), { recursive: true });
  writeFileSync(damagedDb(), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 0x5a)]));
  damagedBefore = sha(damagedDb());
  const full = (layout: Layout) => {
    const userData = join(work, `${layout.name}-user`, 'Pangkalan IKM');
    return drive(layout, 'full', userData, async () => {
      runs[`${layout.name}:second`] = await drive(layout, 'startup', userData);
    }).then((r) => (runs[`${layout.name}:full`] = { ...r, userData }));
  };
  // A broken install: resources/ beside app.asar is gone.
  const broken = { ...packaged, name: 'broken', env: { ...packaged.env, STUB_RESOURCES_PATH: join(work, 'no-resources') } };
  mkdirSync(join(work, 'no-resources'), { recursive: true });
  await Promise.all([
    full(dev),
    full(packaged),
    drive(packaged, 'startup', join(work, 'damaged', 'Pangkalan IKM')).then((r) => (runs.damaged = r)),
    drive(broken, 'startup', join(work, 'broken-user', 'Pangkalan IKM')).then((r) => (runs.broken = r)),
  ]);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe('the Windows package (electron-builder --win dir, offline)', () => {
  it('carries only Windows x64 native code: every .node is a PE file for x64', () => {
    expect(nativeFiles.map((f) => relative(appOut, f).split(sep).join('/'))).toEqual(['resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/win32-x64.node']);
    for (const f of nativeFiles) {
      const b = readFileSync(f);
      expect(b.subarray(0, 2).toString('latin1')).toBe('MZ');
      const pe = b.readUInt32LE(0x3c);
      expect(b.subarray(pe, pe + 4).toString('latin1')).toBe('PE\0\0');
      expect(b.readUInt16LE(pe + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
    }
    // The archive lists it as unpacked: Windows loads it from app.asar.unpacked, not from inside the asar.
    expect(asarFiles.filter((f) => f.endsWith('.node')).map((f) => f.split(sep).join('/'))).toEqual(['/node_modules/better-sqlite3/prebuilds/win32-x64.node']);
  });

  it('leaves out source maps, native build leftovers and what the app bundles itself', () => {
    const all = [...asarFiles, ...walk(join(appOut, 'resources/app.asar.unpacked')).map((f) => relative(join(appOut, 'resources/app.asar.unpacked'), f))].map((f) => f.split(sep).join('/'));
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(all.filter((f) => /better-sqlite3\/(deps|src|build)\/|binding\.gyp$/.test(f))).toEqual([]);
    expect(all.filter((f) => /node_modules\/(echarts|zrender|zod|@e965\/xlsx|exceljs\/dist)\//.test(f))).toEqual([]);
    expect(all.some((f) => f.endsWith('/out/main/index.js'))).toBe(true);
    expect(all.some((f) => f.endsWith('/out/main/import-reader.js'))).toBe(true);
    expect(readdirSync(join(appOut, 'resources/resources')).sort()).toEqual(['icon.png', 'negara.csv', 'wilayah_kalimantan.csv']);
    expect(readdirSync(join(appOut, 'locales')).sort()).toEqual(['en-US.pak', 'id.pak']);
  });

  it('has its fuses set, the asar integrity, icon and version written into the exe', () => {
    const exe = readFileSync(join(appOut, 'Pangkalan IKM.exe'));
    expect(readFuses(exe)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    const res = NtExecutableResource.from(NtExecutable.from(exe));
    const integrity = res.entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
    const list = JSON.parse(Buffer.from(integrity!.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
    expect(list).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(res.entries.filter((e) => e.type === 3).length).toBeGreaterThanOrEqual(7); // RT_ICON: the seven sizes of icon.ico
    const strings = Resource.VersionInfo.fromEntries(res.entries)[0]!.getStringValues({ lang: 1033, codepage: 1200 });
    expect(strings.ProductName).toBe('Pangkalan IKM');
    expect(strings.FileVersion).toBe('0.1.0');
  });

  it('size of what the app adds to Electron (README: "The Windows package")', () => {
    const size = (p: string) => (statSync(p).isDirectory() ? walk(p).reduce((n, f) => n + statSync(f).size, 0) : statSync(p).size);
    const mb = (size(join(appOut, 'resources/app.asar')) + size(join(appOut, 'resources/app.asar.unpacked')) + size(join(appOut, 'resources/resources'))) / 1e6;
    // Measured 19.1 MB (README); a dependency that brings its sources or maps again would show here.
    expect(mb).toBeGreaterThan(5);
    expect(mb).toBeLessThan(30);
  });
});

for (const which of ['development', 'packaged'] as const) {
  describe(`the main process in the ${which} layout, driven as Electron would`, () => {
    const layout = () => (which === 'development' ? dev : packaged);
    let full: Run;
    let second: Run;
    let userData: string;
    beforeAll(() => {
      full = runs[`${which}:full`]!;
      second = runs[`${which}:second`]!;
      userData = full.userData;
    });

    it('starts one sandboxed window on app:// with the preload, the icon and the database in userData', () => {
      const s = full.started;
      expect(s.errorBoxes).toEqual([]);
      expect(s.privileges).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      expect(s.privilegesBeforeReady).toBe(true);
      expect(s.windows).toBe(1);
      expect(s.loadedUrl).toBe('app://pangkalan/index.html');
      const wp = s.windowOptions.webPreferences;
      expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
      expect(existsSync(wp.preload)).toBe(true);
      expect(existsSync(s.windowOptions.icon)).toBe(true);
      expect(s.windowOptions.icon.startsWith(layout().resources)).toBe(true);
      expect(full.ipc.info.result.dbPath).toBe(join(userData, 'pangkalan-ikm.db'));
      expect(existsSync(join(userData, 'pangkalan-ikm.db'))).toBe(true);
      expect(full.closed.quit).toBe(true);
    });

    it('serves the renderer with its CSP, nothing outside it; loads, permits and navigates nothing else', () => {
      const l = full.locks;
      expect(l.index.status).toBe(200);
      expect(l.index.body).toContain('<div id="root">');
      expect(l.index.csp).toContain("script-src 'self'");
      expect(l.traversal).toEqual([404, 404, 404, 404]);
      expect(l.printUnknown).toBe(404);
      expect(l.requests).toEqual({
        'app://pangkalan/assets/x.js': 'allow',
        'https://contoh.example/': 'cancel',
        'http://localhost:5173/': 'cancel',
        'file:///etc/passwd': 'cancel',
        'data:image/png;base64,AA': 'allow',
        'blob:app://pangkalan/1': 'allow',
      });
      expect(l.permissions).toEqual({ clipboardApp: true, clipboardOther: false, mediaApp: false, checkClipboard: true, checkGeolocation: false });
      expect(l.navigation).toEqual({ willNavigate: true, willRedirect: true, willFrameNavigate: true, willAttachWebview: true });
      expect(l.windowOpen).toEqual({ action: 'deny' });
      expect(l.openedExternal).toEqual([]);
    });

    it('answers IPC only from app://pangkalan', () => {
      for (const r of Object.values(full.refused)) expect(r).toEqual({ ok: false, error: { code: 'unauthorized', key: 'err.unauthorized', message: 'Akses ditolak.' } });
      expect(full.ipc.info.ok).toBe(true);
    });

    it('previews an import in the reader worker (out/main/import-reader.js of this layout)', () => {
      const p = full.ipc.preview;
      expect(p.ok, JSON.stringify(p.error)).toBe(true);
      const f = p.result.files[0];
      expect(f.status).not.toBe('refused');
      expect(f.sheets[0].columns.some((c: { field: string }) => c.field === 'business_name')).toBe(true);
      const reader = full.workers.find((w: { messages: string[] }) => w.messages.includes('rows'));
      expect(reader.file).toBe(`file://${join(layout().main, '..', 'import-reader.js')}`);
      expect(reader.messages).toContain('done');
    });

    it('lists the countries and edits a shipment (a country by its Indonesian name)', () => {
      expect(full.ipc.countries.ok).toBe(true);
      expect(full.ipc.countries.result.find((c: { code: string }) => c.code === 'JP').name).toBe('Jepang');
      expect(full.ipc.shipmentCreate.ok).toBe(true);
      const edit = full.ipc.shipmentEdit;
      expect(edit.ok && edit.result.ok, JSON.stringify(edit)).toBe(true);
      expect(edit.result.records[0]).toMatchObject({ country_code: 'JP', fob_usd: 12500.5 });
    });

    it('writes a report .xlsx with the emblem from resources/', async () => {
      const x = full.ipc.xlsx;
      expect(x.ok, JSON.stringify(x.error)).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(x.result.dataBase64, 'base64') as unknown as ArrayBuffer);
      const media = (wb.model as unknown as { media: { buffer: Buffer }[] }).media;
      expect(media.some((m) => Buffer.compare(Buffer.from(m.buffer), readFileSync(join(layout().resources, 'icon.png'))) === 0)).toBe(true);
    });

    it('prints the PDF in a hidden window without JavaScript, from app://pangkalan/print/ with its own CSP', () => {
      expect(full.ipc.pdf.ok, JSON.stringify(full.ipc.pdf.error)).toBe(true);
      const pdf = Buffer.from(full.ipc.pdf.result.dataBase64, 'base64');
      const file = join(work, `${which}.pdf`);
      writeFileSync(file, pdf);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Halaman 1 dari');
      expect(full.print.printed).toEqual([{ url: expect.stringMatching(/^app:\/\/pangkalan\/print\/[0-9a-f-]{36}$/), status: 200, csp: expect.stringContaining("default-src 'none'") }]);
      expect(full.print.windowOptions).toEqual({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
      expect(full.print.destroyed).toBe(true);
      expect(full.print.servedAfter).toBe(404); // the page is served once
    });

    it('is the one instance: a second launch quits at once; the first comes to the front with the file', () => {
      expect(second.started).toMatchObject({ quit: true, windows: 0, ipcChannels: [], protocols: [], errorBoxes: [] });
      expect(full.sentAtStartup).toEqual([{ channel: 'pangkalan:open-file', name: 'kotim_2025_libreoffice.xlsx', bytes: statSync(FIXTURE).size }]);
      expect(full.secondInstance.windowCalls).toEqual(['restore', 'show', 'focus']);
      const [handed, missing, ...rest] = full.secondInstance.sent;
      expect(handed).toEqual({ channel: 'pangkalan:open-file', name: 'kotim_2025_libreoffice.xlsx', bytes: statSync(FIXTURE).size, error: null });
      expect(missing.error).toMatch(/^Berkas ".*tidak-ada\.xlsx" tidak dapat dibaca/);
      expect(rest).toEqual([]); // bukan-berkas.txt and the switch are not workbooks
    });

    it('exposes exactly call and onOpenFile to the renderer', () => {
      expect(full.preload.exposed).toEqual(['api']);
      expect(full.preload.api.sort()).toEqual(['call', 'onOpenFile']);
      expect(full.preload.invoked).toEqual([{ channel: 'pangkalan:call', args: ['app.info', {}] }]);
    });
  });
}

describe('bad input at startup: said in Indonesian, nothing overwritten', () => {
  it('a damaged database file', () => {
    const r = runs.damaged!;
    expect(r.started.errorBoxes).toEqual([{ title: 'Pangkalan IKM tidak dapat dibuka', content: expect.stringMatching(/rusak|bukan basis data/) }]);
    expect(r.started.exitCode).toBe(1);
    expect(r.started.windows).toBe(0);
    expect(sha(damagedDb())).toBe(damagedBefore);
    expect(readdirSync(join(damagedDb(), '..')).filter((f) => f.startsWith('pangkalan-ikm.db'))).toEqual(['pangkalan-ikm.db']);
  });

  it('a missing resources folder (a broken install)', () => {
    const r = runs.broken!;
    expect(r.started.errorBoxes).toEqual([{ title: 'Pangkalan IKM tidak dapat dibuka', content: expect.stringMatching(/^Folder data referensi tidak ditemukan.*Pasang ulang Pangkalan IKM/) }]);
    expect(r.started.exitCode).toBe(1);
    expect(r.started.windows).toBe(0);
    expect(existsSync(join(work, 'broken-user', 'Pangkalan IKM', 'pangkalan-ikm.db'))).toBe(false);
  });
});

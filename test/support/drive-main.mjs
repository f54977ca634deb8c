// Drives a built main process (out/main/index.js, from the project or from a package) under
// Node as Electron would: loads it with the stub `electron` (electron-hooks.mjs), fires `ready`,
// then exercises what the scenario asks and writes what it saw as JSON (argv[4]). The asserting
// is done by test/unit/packaged-app.test.ts.
//   node --import ./electron-hooks.mjs drive-main.mjs <main.js> <scenario> <out.json> [fixture]
// Scenarios: full (started with a workbook; the locks; one IPC call of each kind; a second launch
// handing over a workbook, once the test says so on stdin; the window closed), startup (what
// starting did — a second instance, a damaged database, a missing resources/ — then stop).
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { app, emitReady, ipcRenderer, stub } from './electron-stub.mjs';

const [mainPath, scenario, outPath, fixture] = process.argv.slice(2);
const out = { scenario };
const done = (extra = {}) => {
  writeFileSync(outPath, JSON.stringify({ ...out, ...extra }, null, 1));
  process.exit(0);
};
const tick = () => new Promise((r) => setTimeout(r, 20));

await import(pathToFileURL(mainPath).href);
emitReady();
for (let i = 0; i < 50 && stub.windows.length === 0 && stub.exitCode == null && !stub.quit; i++) await tick();
await tick();

const win = stub.windows[0];
out.started = {
  privileges: stub.privileges,
  privilegesBeforeReady: stub.readyBeforePrivileges === false,
  windows: stub.windows.length,
  windowOptions: win?.options ?? null,
  loadedUrl: win?.webContents.url ?? null,
  ipcChannels: [...stub.ipcHandlers.keys()],
  protocols: [...stub.protocolHandlers.keys()],
  errorBoxes: stub.errorBoxes,
  messageBoxes: stub.messageBoxes.map((m) => ({ title: m.title, message: m.message, detail: m.detail })),
  exitCode: stub.exitCode,
  quit: stub.quit,
  menu: stub.menu?.template?.map((m) => m.label) ?? null,
};
if (scenario !== 'full') done();

// --- The window's locks, called as Electron calls them. ---------------------------------------
const APP = 'app://pangkalan';
const page = await stub.protocolHandlers.get('app')(new Request(`${APP}/index.html`));
const fetchStatus = async (url) => (await stub.protocolHandlers.get('app')(new Request(url))).status;
const request = (url) => new Promise((r) => stub.session.onBeforeRequest({ url }, (res) => r(res.cancel ? 'cancel' : 'allow')));
const permission = (permission, requestingUrl) => new Promise((r) => stub.session.permissionRequest(win.webContents, permission, r, { requestingUrl }));
const prevented = (event, extra = {}) => {
  let p = false;
  win.webContents.emit(event, { preventDefault: () => (p = true), url: 'https://contoh.example/', isMainFrame: true, ...extra });
  return p;
};
out.locks = {
  index: { status: page.status, csp: page.headers.get('content-security-policy'), type: page.headers.get('content-type'), body: (await page.text()).slice(0, 2000) },
  traversal: [await fetchStatus(`${APP}/../package.json`), await fetchStatus(`${APP}/%2e%2e/%2e%2e/package.json`), await fetchStatus(`${APP}/..%2f..%2fpackage.json`), await fetchStatus('app://lain/index.html')],
  printUnknown: await fetchStatus(`${APP}/print/tidak-ada`),
  requests: Object.fromEntries(
    await Promise.all(['app://pangkalan/assets/x.js', 'https://contoh.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'data:image/png;base64,AA', 'blob:app://pangkalan/1'].map(async (u) => [u, await request(u)])),
  ),
  permissions: {
    clipboardApp: await permission('clipboard-sanitized-write', `${APP}/index.html`),
    clipboardOther: await permission('clipboard-sanitized-write', 'https://contoh.example/'),
    mediaApp: await permission('media', `${APP}/index.html`),
    checkClipboard: stub.session.permissionCheck(win.webContents, 'clipboard-sanitized-write', APP),
    checkGeolocation: stub.session.permissionCheck(win.webContents, 'geolocation', APP),
  },
  navigation: { willNavigate: prevented('will-navigate'), willRedirect: prevented('will-redirect'), willFrameNavigate: prevented('will-frame-navigate'), willAttachWebview: prevented('will-attach-webview') },
  windowOpen: win.webContents.windowOpenHandler?.({ url: 'https://contoh.example/' }) ?? null,
  openedExternal: stub.openedExternal,
};

// --- IPC, through the registered handler, from the app's origin and from others. ---------------
const handler = stub.ipcHandlers.get('pangkalan:call');
const call = (method, args, url = `${APP}/index.html`) => handler({ senderFrame: { url }, sender: win.webContents }, method, args);
out.refused = {
  https: await call('app.info', {}, 'https://contoh.example/'),
  file: await call('app.info', {}, 'file:///C:/Users/budi/index.html'),
  otherHost: await call('app.info', {}, 'app://lain/index.html'),
  devServer: await call('app.info', {}, 'http://localhost:5173/'),
  noFrame: await handler({ senderFrame: null }, 'app.info', {}),
};

const fixtureBase64 = readFileSync(fixture).toString('base64');
out.ipc = {};
out.ipc.info = await call('app.info', {});
out.ipc.preview = await call('import.preview', { files: [{ name: 'kotim_2025_libreoffice.xlsx', dataBase64: fixtureBase64, district: null }] });
out.workers = globalThis.__workersStarted ?? [];
out.ipc.countries = await call('countries.list', {});
const created = await call('shipments.create', {});
out.ipc.shipmentCreate = created;
out.ipc.shipmentEdit = created.ok ? await call('shipments.update', { changes: [{ id: created.result.id, field: 'country_code', value: 'Jepang' }, { id: created.result.id, field: 'fob_usd', value: 'USD 12.500,50' }] }) : null;
out.ipc.xlsx = await call('reports.xlsx', { name: 'rekap-ikm-kabupaten', params: { year: 2025 } });

// printToPDF, as Electron's: Chromium prints the page the hidden window loaded over app://.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const printed = [];
stub.printer = async (html, o, loaded) => {
  printed.push({ url: loaded.url, csp: loaded.headers['content-security-policy'], status: loaded.status });
  const p = await browser.newPage({ javaScriptEnabled: false });
  try {
    await p.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await p.setContent(html);
    const m = o.margins ?? {};
    return await p.pdf({
      format: o.pageSize,
      landscape: o.landscape,
      printBackground: o.printBackground,
      displayHeaderFooter: o.displayHeaderFooter,
      headerTemplate: o.headerTemplate,
      footerTemplate: o.footerTemplate,
      margin: { top: `${m.top}in`, bottom: `${m.bottom}in`, left: `${m.left}in`, right: `${m.right}in` },
    });
  } finally {
    await p.close();
  }
};
out.ipc.pdf = await call('reports.pdf', { name: 'rekap-ikm-kabupaten', params: { year: 2025 } });
await browser.close();
const printWindow = stub.windows[1];
out.print = { printed, windowOptions: printWindow?.options ?? null, destroyed: printWindow?.destroyed ?? null, servedAfter: printed[0] ? await fetchStatus(printed[0].url) : null };

// --- A second launch hands over a workbook; then the user closes the window. ------------------
out.sentAtStartup = win.webContents.sent.splice(0).map((s) => ({ channel: s.channel, name: s.args[0]?.name, bytes: s.args[0]?.dataBase64 ? Buffer.from(s.args[0].dataBase64, 'base64').length : null }));
writeFileSync(outPath, JSON.stringify(out)); // the test starts the second instance now
process.stdout.write('ready\n');
await new Promise((r) => createInterface({ input: process.stdin }).once('line', r));
win.minimized = true;
app_emit_second_instance();
await tick();
out.secondInstance = { windowCalls: win.calls, sent: win.webContents.sent.map((s) => ({ channel: s.channel, name: s.args[0]?.name, bytes: s.args[0]?.dataBase64 ? Buffer.from(s.args[0].dataBase64, 'base64').length : null, error: s.args[0]?.error ?? null })) };
win.close();
out.closed = { quit: stub.quit };

// The preload, as the sandboxed renderer loads it (CommonJS, `electron` only).
createRequire(import.meta.url)(win.options.webPreferences.preload);
const bridge = stub.exposed.api;
await bridge.call('app.info', {});
out.preload = { exposed: Object.keys(stub.exposed), api: Object.keys(bridge), invoked: ipcRenderer.invoked, listens: [...ipcRenderer.listeners.keys()] };
done();

function app_emit_second_instance() {
  // Electron: the first instance's `second-instance` event, with the second launch's argv and cwd.
  app.emit('second-instance', {}, ['C:\\Program Files\\Pangkalan IKM\\Pangkalan IKM.exe', '--allow-file-access-from-files', fixture, 'bukan-berkas.txt', 'tidak-ada.xlsx'], '/tmp');
}

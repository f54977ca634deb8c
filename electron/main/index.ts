/**
 * Electron glue only: the window, its security settings, and one loop that registers every
 * contract method on a single IPC channel. All logic lives in electron/core.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc';
import { createDispatcher } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { DatabaseError, openDatabase, type DB } from '../core/db/open';
import { prestartReader } from '../core/import/reader';
import { resourcesDir, setResourcesDir } from '../core/paths';
import { printPdf } from './print-pdf';

const RENDERER = join(import.meta.dirname, '../renderer/index.html');

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  return process.env.PANGKALAN_DB ?? join(app.getPath('userData'), 'pangkalan-ikm.db');
}

function lockDown(): void {
  // No remote content, no navigation, no new windows, no permissions.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !/^(file|devtools|data|blob):/.test(details.url) && !details.url.startsWith(process.env.ELECTRON_RENDERER_URL ?? '\0') }),
  );
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 820,
    minWidth: 1000,
    minHeight: 600,
    title: 'Pangkalan IKM',
    icon: join(resourcesDir(), 'icon.png'),
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(RENDERER);
  return win;
}

app.whenReady().then(() => {
  lockDown();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
      { label: 'Tampilan', submenu: [{ role: 'reload', label: 'Muat ulang' }, { role: 'togglefullscreen', label: 'Layar penuh' }, { role: 'zoomIn', label: 'Perbesar' }, { role: 'zoomOut', label: 'Perkecil' }, { role: 'resetZoom', label: 'Ukuran normal' }] },
    ]),
  );
  const dbPath = dbPathFromArgs();
  let db: DB;
  try {
    // The packaged app keeps resources/ beside app.asar; told to the core once, for every connection.
    setResourcesDir(app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'));
    db = openDatabase(dbPath);
  } catch (e) {
    dialog.showErrorBox('Pangkalan IKM tidak dapat dibuka', e instanceof DatabaseError ? e.message : String(e));
    app.exit(1);
    return;
  }
  const dispatch = createDispatcher(db, createHandlers({ dbPath, version: app.getVersion(), printPdf }));
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://') && !(process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL)))
      return { ok: false, error: { code: 'unauthorized', key: 'err.unauthorized', message: 'Akses ditolak.' } };
    return dispatch(method, args);
  });
  createWindow();
  // The import's reader thread is started now, so an import starts reading at once.
  void prestartReader();
  app.on('window-all-closed', () => {
    db.close();
    app.quit();
  });
});

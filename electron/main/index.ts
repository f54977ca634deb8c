/**
 * Electron glue only: one instance, the window and its locks (security.ts), and one loop that
 * registers every contract method on a single IPC channel. All logic lives in electron/core.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { IPC_CHANNEL, OPEN_FILE_CHANNEL } from '../../shared/ipc';
import { createDispatcher } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { networkFolder, type NetworkFolder } from '../core/db/network-folder';
import { DatabaseError, type OpenOptions } from '../core/db/open';
import { RegistrySession } from '../core/db/session';
import { dailyBackup, newestBackup } from '../core/backup/backups';
import { restoreClosed } from '../core/backup/restore';
import { prestartReader } from '../core/import/reader';
import { resourcesDir, setResourcesDir } from '../core/paths';
import { filesInArgs, readOpenedFile } from './open-file';
import { printPdf } from './print-pdf';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler, devOrigin, isAppUrl, lockContents, lockSession } from './security';

const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');

// Before `ready`: app:// is a standard, secure origin (its own storage, fetch, CSP 'self').
protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

let win: BrowserWindow | null = null;
let rendererLoaded = false;
/** Files handed over before the page could take them. */
const waiting: string[] = [];

function dbPathFromArgs(): string {
  const i = process.argv.indexOf('--db');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1]!;
  return process.env.PANGKALAN_DB || join(app.getPath('userData'), 'pangkalan-ikm.db');
}

/** The import wizard opens each file with its preview (renderer: window.api.onOpenFile). */
function openFiles(paths: string[]): void {
  waiting.push(...paths);
  if (!win || !rendererLoaded) return;
  for (const path of waiting.splice(0)) win.webContents.send(OPEN_FILE_CHANNEL, readOpenedFile(path));
}

function bringToFront(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function createWindow(dev: string | null): BrowserWindow {
  const w = new BrowserWindow({
    width: 1366,
    height: 820,
    minWidth: 1000,
    minHeight: 600,
    title: 'Pangkalan IKM',
    icon: join(resourcesDir(), 'icon.png'),
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  w.webContents.on('did-finish-load', () => {
    rendererLoaded = true;
    openFiles([]);
  });
  w.on('closed', () => {
    win = null;
    rendererLoaded = false;
  });
  void w.loadURL(dev ?? APP_URL);
  return w;
}

function warnNetworkFolder(w: BrowserWindow, dbPath: string, share: NetworkFolder): void {
  void dialog.showMessageBox(w, {
    type: 'warning',
    title: 'Basis data di folder jaringan',
    message: 'Basis data Pangkalan IKM berada di folder jaringan.',
    detail:
      `${dbPath}\n(${share.share})\n\n` +
      'Mode WAL SQLite tidak bekerja di folder jaringan, jadi berkas ini dibuka dengan jurnal biasa: data aman, ' +
      'tetapi lebih lambat, dan layar dapat menunggu selama impor besar. Jangan membuka berkas yang sama dari dua komputer sekaligus. ' +
      'Sebaiknya simpan basis data di laptop ini: minta petugas TI agar folder AppData tidak dialihkan ke server, ' +
      'atau jalankan Pangkalan IKM dengan --db C:\\Data\\pangkalan-ikm.db.',
    buttons: ['Mengerti'],
  });
}

function menu(): Menu {
  return Menu.buildFromTemplate([
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    { label: 'Tampilan', submenu: [{ role: 'reload', label: 'Muat ulang' }, { role: 'togglefullscreen', label: 'Layar penuh' }, { role: 'zoomIn', label: 'Perbesar' }, { role: 'zoomOut', label: 'Perkecil' }, { role: 'resetZoom', label: 'Ukuran normal' }] },
  ]);
}

/**
 * Opens the registry; a damaged one is refused by the core, and here the user is offered the
 * newest verified backup (the damaged file is kept in cadangan/, never deleted).
 */
async function openRegistry(dbPath: string, opts: OpenOptions): Promise<RegistrySession> {
  try {
    return RegistrySession.open(dbPath, opts);
  } catch (e) {
    const newest = e instanceof DatabaseError && e.kind === 'damaged' ? newestBackup(dbPath) : null;
    if (!newest) throw e;
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Registri rusak',
      message: 'Berkas registri rusak dan tidak dibuka.',
      detail: `${(e as Error).message}\n\nPulihkan cadangan "${newest.name}"? Registri yang rusak disimpan di folder cadangan.`,
      buttons: ['Pulihkan cadangan terakhir', 'Keluar'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) throw e;
    await restoreClosed(dbPath, newest.name);
    return RegistrySession.open(dbPath, opts);
  }
}

/** "Salin ke folder…" on the Cadangan screen: the folder is chosen here, in the main process. */
async function chooseFolder(): Promise<string | null> {
  const r = await dialog.showOpenDialog({ title: 'Pilih folder tujuan (misalnya flash disk)', properties: ['openDirectory', 'createDirectory'] });
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function start(): Promise<void> {
  const dev = devOrigin(app.isPackaged);
  Menu.setApplicationMenu(menu());
  const dbPath = dbPathFromArgs();
  let registry: RegistrySession;
  let share: NetworkFolder | null;
  try {
    // Told to the core once, for every connection: the packaged app keeps resources/ beside app.asar.
    setResourcesDir(app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'));
    share = networkFolder(dbPath);
    registry = await openRegistry(dbPath, { rollbackJournal: share != null, check: 'auto' });
  } catch (e) {
    // A damaged or foreign database, a missing resources/: said in Indonesian, nothing touched.
    dialog.showErrorBox('Pangkalan IKM tidak dapat dibuka', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR));
  lockSession(session.defaultSession, dev);
  app.on('web-contents-created', (_e, contents) => lockContents(contents));

  const dispatch = createDispatcher(registry, createHandlers({ dbPath, version: app.getVersion(), printPdf, chooseFolder }));
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '', dev))
      return { ok: false, error: { code: 'unauthorized', key: 'err.unauthorized', message: 'Akses ditolak.' } };
    return dispatch(method, args);
  });
  win = createWindow(dev);
  if (share) warnNetworkFolder(win, dbPath, share);
  openFiles(filesInArgs(process.argv, process.cwd()));
  // The import's reader thread is started now, so an import starts reading at once.
  void prestartReader();
  dailyBackup(registry.db, dbPath).catch((e: unknown) => console.error(`Cadangan harian gagal: ${(e as Error).message}`));
  app.on('window-all-closed', () => {
    registry.db.close();
    app.quit();
  });
}

// One instance per user: a second launch would open the same database beside this one.
if (!app.requestSingleInstanceLock()) {
  // The first instance comes to the front (with the file this launch was given, if any).
  app.quit();
} else {
  app.on('second-instance', (_e, argv, workingDirectory) => {
    bringToFront();
    openFiles(filesInArgs(argv, workingDirectory));
  });
  void app.whenReady().then(start);
}

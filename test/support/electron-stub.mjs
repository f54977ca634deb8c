// A stand-in for the `electron` module, for running the built main process under Node (the
// Electron binary cannot be had here). It implements what electron/main uses — app, BrowserWindow,
// ipcMain, protocol, session, dialog, Menu, shell, contextBridge/ipcRenderer for the preload —
// and records every call in `stub` for the driver (drive-main.mjs) and the test to read. It
// decides nothing for the app: the app's own handlers (protocol, requests, permissions, IPC,
// navigation) are called as Electron would call them.
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
export const stub = {
  ready: false,
  readyBeforePrivileges: null,
  privileges: null,
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  errorBoxes: [],
  messageBoxes: [],
  exitCode: null,
  quit: false,
  openedExternal: [],
  menu: null,
  session: { onBeforeRequest: null, permissionRequest: null, permissionCheck: null },
  exposed: {},
  /** Prints HTML to PDF as printToPDF would; set by the driver (Chromium). */
  printer: null,
};

if (env.STUB_PACKAGED === '1') process.resourcesPath = env.STUB_RESOURCES_PATH;

let fireReady;
const readyPromise = new Promise((r) => (fireReady = r));
let lockFile = null;

class App extends EventEmitter {
  get isPackaged() {
    return env.STUB_PACKAGED === '1';
  }
  getPath(name) {
    if (name !== 'userData') throw new Error(`stub: getPath(${name})`);
    return env.STUB_USER_DATA;
  }
  getAppPath() {
    return env.STUB_APP_PATH;
  }
  getVersion() {
    return JSON.parse(readFileSync(join(env.STUB_APP_PATH, 'package.json'), 'utf8')).version;
  }
  whenReady() {
    return readyPromise;
  }
  /** One lock file a userData, held while the process lives (Electron's is a named mutex/socket). */
  requestSingleInstanceLock() {
    const path = join(env.STUB_USER_DATA, 'stub-single-instance.lock');
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      lockFile = path;
      process.on('exit', () => rmSync(path, { force: true }));
      return true;
    } catch {
      return false;
    }
  }
  hasSingleInstanceLock() {
    return lockFile != null && existsSync(lockFile);
  }
  quit() {
    stub.quit = true;
    this.emit('will-quit');
  }
  exit(code = 0) {
    stub.exitCode = code;
  }
}
export const app = new App();

/** Called by the driver: Electron fires `ready` once the main script's first run is over. */
export function emitReady() {
  stub.ready = true;
  fireReady();
  app.emit('ready');
}

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.url = '';
    this.sent = [];
    this.windowOpenHandler = null;
    this.loaded = null;
  }
  getURL() {
    return this.url;
  }
  send(channel, ...args) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  /** Electron's printToPDF: the page the window loaded, printed by the driver's Chromium. */
  async printToPDF(options) {
    if (!this.loaded) throw new Error('stub: printToPDF before load');
    if (this.win.options.webPreferences?.javascript !== false) throw new Error('stub: the print window must run without JavaScript');
    return stub.printer(this.loaded.body, options, this.loaded);
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return stub.windows.filter((w) => !w.destroyed);
  }
  constructor(options = {}) {
    super();
    if (!stub.ready) throw new Error('stub: BrowserWindow before ready');
    this.options = options;
    this.destroyed = false;
    this.calls = [];
    this.minimized = false;
    this.webContents = new WebContents(this);
    stub.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  /** Loads through the app's own protocol handler, as Chromium would for app://. */
  async loadURL(url) {
    this.webContents.url = url;
    const scheme = url.split(':')[0];
    const handler = stub.protocolHandlers.get(scheme);
    if (handler) {
      const res = await handler(new Request(url));
      this.webContents.loaded = { url, status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
      if (res.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (${res.status}) ${url}`);
    } else if (!url.startsWith('http://localhost')) throw new Error(`stub: no handler for ${url}`);
    setImmediate(() => this.webContents.emit('did-finish-load'));
  }
  loadFile() {
    throw new Error('stub: loadFile (file://) is not used: the renderer is served from app://');
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
  close() {
    this.destroy();
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

export const ipcMain = {
  handle(channel, fn) {
    if (stub.ipcHandlers.has(channel)) throw new Error(`stub: second handler for ${channel}`);
    stub.ipcHandlers.set(channel, fn);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    stub.readyBeforePrivileges = stub.ready;
    stub.privileges = schemes;
  },
  handle(scheme, handler) {
    if (!stub.ready) throw new Error('stub: protocol.handle before ready');
    stub.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onBeforeRequest(fn) {
        stub.session.onBeforeRequest = fn;
      },
    },
    setPermissionRequestHandler(fn) {
      stub.session.permissionRequest = fn;
    },
    setPermissionCheckHandler(fn) {
      stub.session.permissionCheck = fn;
    },
  },
};

export const dialog = {
  showErrorBox(title, content) {
    stub.errorBoxes.push({ title, content });
  },
  async showMessageBox(_win, options) {
    stub.messageBoxes.push(options);
    return { response: 0 };
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    stub.menu = menu;
  },
};

export const shell = {
  async openExternal(url) {
    stub.openedExternal.push(url);
  },
};

// The preload's side.
export const contextBridge = {
  exposeInMainWorld(key, api) {
    stub.exposed[key] = api;
  },
};
export const ipcRenderer = {
  invoked: [],
  listeners: new Map(),
  invoke(channel, ...args) {
    this.invoked.push({ channel, args });
    return Promise.resolve({ ok: true, result: null });
  },
  on(channel, fn) {
    this.listeners.set(channel, fn);
  },
};

export default { app, BrowserWindow, ipcMain, protocol, session, dialog, Menu, shell, contextBridge, ipcRenderer };

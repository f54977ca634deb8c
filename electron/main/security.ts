/**
 * The window's locks (Electron's security checklist): the renderer comes from our own scheme,
 * app://pangkalan/, served by protocol.handle from out/renderer; the session loads nothing
 * else, grants no permission but writing to the clipboard, and IPC answers only a frame of that
 * origin. The Vite dev server (ELECTRON_RENDERER_URL) is trusted only when not packaged.
 * Electron objects come in as arguments, so this module imports nothing but types from it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Session, WebContents } from 'electron';
import { CONTENT_TYPES, RENDERER_CSP } from '../core/renderer-serving';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pangkalan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Privileges of app:// (registered before `ready`): a standard, secure origin with fetch. */
export const APP_SCHEME_PRIVILEGES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }];

/** A report page to print: its own CSS and inline styles, data: images, nothing to run or fetch. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** The dev server's origin, only in an unpackaged run that was given one. */
export function devOrigin(isPackaged: boolean, rendererUrl = process.env.ELECTRON_RENDERER_URL): string | null {
  if (isPackaged || !rendererUrl) return null;
  try {
    const u = new URL(rendererUrl);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1') ? u.origin : null;
  } catch {
    return null;
  }
}

/** Whether a URL is of the app's own origin (or the trusted dev server's). */
export function isAppUrl(url: string, dev: string | null = null): boolean {
  try {
    const u = new URL(url);
    // Node's URL gives "null" as the origin of a custom scheme: compare scheme and host.
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
    return dev != null && u.origin === dev;
  } catch {
    return false;
  }
}

/** Report pages waiting to be printed by print-pdf.ts, served at app://pangkalan/print/<id>. */
const printPages = new Map<string, string>();

export function addPrintPage(html: string): { url: string; remove(): void } {
  const id = randomUUID();
  printPages.set(id, html);
  return { url: `${APP_ORIGIN}/print/${id}`, remove: () => printPages.delete(id) };
}

const notFound = () => new Response('Tidak ditemukan', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** protocol.handle's handler for app://: files of out/renderer, and the print pages. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (url.pathname.startsWith('/print/')) {
      const html = printPages.get(url.pathname.slice('/print/'.length));
      return html == null ? notFound() : new Response(html, { headers: { ...common, 'Content-Type': CONTENT_TYPES['.html']!, 'Content-Security-Policy': PRINT_CSP } });
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(root + sep) || path.includes('\0')) return notFound();
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(body), { headers: { ...common, 'Content-Type': type, ...(type.startsWith('text/html') ? { 'Content-Security-Policy': RENDERER_CSP } : {}) } });
    } catch {
      return notFound();
    }
  };
}

/** What the session may load: our origin, DevTools, data:/blob: (images, downloads); the dev server in development. */
export function requestAllowed(url: string, dev: string | null): boolean {
  if (isAppUrl(url, dev) || /^(devtools|data|blob):/.test(url)) return true;
  // Vite's hot reload talks over a WebSocket to the dev server.
  return dev != null && url.startsWith(dev.replace(/^http/, 'ws'));
}

/** The one permission the renderer uses (copying cells), and only for our origin. */
export function permissionAllowed(permission: string, origin: string, dev: string | null): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin, dev);
}

/** Session-wide locks: requests, permission requests and permission checks. */
export function lockSession(session: Session, dev: string | null): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url, dev) }));
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl ?? wc?.getURL() ?? '', dev)),
  );
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, dev));
}

/**
 * Every web contents: no navigation, redirect or frame navigation away, no webviews, no new
 * windows. The app has no external links, so none is opened (no shell.openExternal at all).
 */
export function lockContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  // The app's own loads (loadURL) raise none of these: every navigation they report is refused.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The browser host: serves the built renderer and the API contract over HTTP on 127.0.0.1 only,
 * guarded by a random per-run token. The same dispatcher as Electron's IPC answers every call.
 * No request line can end it: a malformed escape, an odd method, a huge header or a path of any
 * length is answered with a 4xx (or the connection closed), never an uncaught throw.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatch } from '../core/api/dispatch';
import { CONTENT_TYPES, RENDERER_CSP } from '../core/renderer-serving';

const MAX_BODY = 64 * 1024 * 1024;
/** Longer request targets than any page or asset of ours are refused before parsing. */
const MAX_URL = 4096;
export interface WebHost {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startWebHost(opts: { dispatch: Dispatch; staticDir: string; port?: number; token?: string }): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const root = resolve(opts.staticDir);
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only this machine's pages may talk to us: refuse DNS-rebinding hosts and foreign origins.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, '{"error":"host"}');
    const target = req.url ?? '/';
    if (target.length > MAX_URL) return send(res, 414, '{"error":"uri"}');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(target, `http://${host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, '{"error":"uri"}');
    }

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, '{"error":"method"}');
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, '{"error":"origin"}');
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token))
        return send(res, 401, JSON.stringify({ ok: false, error: { code: 'unauthorized', key: 'err.unauthorized', message: 'Akses ditolak: token tidak cocok.' } }));
      let payload: { method?: unknown; args?: unknown };
      try {
        payload = JSON.parse(await readBody(req)) as typeof payload;
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', key: 'err.badRequest', message: 'Permintaan tidak valid: badan permintaan bukan JSON.' } }));
      }
      const envelope = await opts.dispatch(payload?.method, payload?.args);
      return send(res, 200, JSON.stringify(envelope));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{"error":"method"}');
    if (pathname.includes('\0')) return send(res, 400, '{"error":"path"}');
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) && file !== root) return send(res, 403, '{"error":"path"}');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 500, 'Renderer belum dibangun: jalankan "npm run build".', 'text/plain; charset=utf-8');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    pipeline(createReadStream(file), res, () => {}); // a file gone mid-read ends that response only
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[pangkalan] permintaan gagal:', e);
      send(res, 500, '{"error":"internal"}');
    });
  });
  // Unparseable requests (bad request line, headers over Node's 16 KB limit): a 400/431, then closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'HPE_URI_OVERFLOW' ? '414 URI Too Long' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 5 * 60_000; // an import's upload of 50 files may take a while

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      resolvePromise({
        server,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections(); // keep-alive connections would hold close() open
          }),
      });
    });
  });
}

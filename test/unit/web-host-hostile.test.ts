/**
 * The browser host as a separate process, fed hostile request lines over raw sockets: after each,
 * the process must still be alive and answer a normal request. (`GET /%` used to end it.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
let child: ChildProcess;
let port = 0;
let token = '';
let dir = '';

/** Sends raw bytes, returns whatever comes back before the server closes (or 2 s pass). */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
    socket.setTimeout(2000, () => socket.destroy());
    socket.write(bytes);
  });
}

const get = (path: string, extra = '') => raw(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pangkalan-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  child = spawn(process.execPath, [TSX, 'electron/web-host/index.ts', '--db', join(dir, 'r.db'), '--static', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\w+)/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const u = new URL(url);
  port = Number(u.port);
  token = u.searchParams.get('token')!;
}, 60_000);

afterAll(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser host against hostile request lines', () => {
  const alive = async () => {
    expect(child.exitCode, 'the host process ended').toBeNull();
    expect(await get('/')).toMatch(/^HTTP\/1\.1 200/);
  };

  it('answers a malformed %-escape with 400 and keeps running', async () => {
    expect(await get('/%')).toMatch(/^HTTP\/1\.1 400/);
    expect(await get('/%E0%A4%A')).toMatch(/^HTTP\/1\.1 400/);
    expect(await get('/assets/%zz.js')).toMatch(/^HTTP\/1\.1 400/);
    await alive();
  });

  it('survives odd methods, absurd paths, NULs and traversal', async () => {
    expect(await raw(`BREW / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|405)/);
    expect(await raw(`DELETE /api/call HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 405/);
    expect(await raw(`OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|405)/);
    expect(await get(`/${'a'.repeat(100_000)}`)).toMatch(/^HTTP\/1\.1 (414|431|400)/);
    expect(await get('/%00')).toMatch(/^HTTP\/1\.1 400/);
    expect(await get('/..%2f..%2f..%2fetc%2fpasswd')).not.toContain('root:');
    expect(await get('http://evil.example/etc/passwd')).not.toContain('root:'); // absolute-form: the Host header still rules
    expect(await raw('\x00\x01\x02 garbage\r\n\r\n')).toMatch(/^(HTTP\/1\.1 400|)/);
    expect(await raw(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00]))).toMatch(/^(HTTP\/1\.1 400|)/); // a TLS hello
    await alive();
  });

  it('survives huge headers and a body sent without its promised length', async () => {
    expect(await get('/', `X-Big: ${'b'.repeat(200_000)}\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`).join('\r\n');
    expect(await get('/', `${many}\r\n`)).toMatch(/^HTTP\/1\.1 (431|400|200)/);
    await raw(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{"meth`);
    const junk = await raw(`POST /api/call HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\nContent-Length: 4\r\n\r\nnull`);
    expect(junk).toMatch(/^HTTP\/1\.1 200/);
    expect(junk).toContain('unknown_method');
    await alive();
  });
});

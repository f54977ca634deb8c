import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { startWebHost } from '../../electron/web-host/server';
import { METHODS } from '../../shared/contract';
import { tempDb, tempDir } from './helpers';

function setup() {
  const { db, path } = tempDb();
  return { db, dispatch: createDispatcher(db, createHandlers({ dbPath: path, version: 'test' })) };
}

describe('contract entry layer', () => {
  it('implements every method of the contract', () => {
    const handlers = createHandlers({ dbPath: 'x', version: 'test' });
    for (const m of METHODS) expect(typeof handlers[m], m).toBe('function');
  });

  it('answers an unknown method or a bad shape with a typed error, never a throw', async () => {
    const { dispatch, db } = setup();
    expect(await dispatch('ikm.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await dispatch('ikm.query', { filter: {}, sort: [{ field: 'id; DROP TABLE ikm', desc: false }], offset: 0, limit: 10 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('ikm.query', { filter: { search: 'x', extra: 1 }, sort: [], offset: 0, limit: 10 })).toMatchObject({ ok: false });
    expect(await dispatch('ikm.query', { filter: {}, sort: [], offset: -1, limit: 10 })).toMatchObject({ ok: false });
    expect(await dispatch('ikm.get', { id: 12345 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('ikm.query', null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    db.close();
  });

  it('round-trips a seed, a query, an edit and settings', async () => {
    const { dispatch, db } = setup();
    expect(await dispatch('demo.seed', { rows: 50 })).toEqual({ ok: true, result: { inserted: 50 } });
    const q = await dispatch('ikm.query', { filter: {}, sort: [], offset: 0, limit: 5 });
    if (!q.ok) throw new Error(q.error.message);
    const { rows, total } = q.result as { rows: { id: number }[]; total: number };
    expect(total).toBe(50);
    const e = await dispatch('ikm.update', { changes: [{ id: rows[0]!.id, field: 'kbli', value: 1629 }] });
    expect(e).toMatchObject({ ok: true, result: { ok: true, records: [{ kbli: '01629' }] } });
    await dispatch('settings.set', { key: 'ui.lang', value: 'en' });
    expect(await dispatch('settings.get', { key: 'ui.lang' })).toEqual({ ok: true, result: 'en' });
    db.close();
  });
});

describe('browser host', () => {
  it('serves the renderer with a CSP and answers the contract only with the token, on loopback', async () => {
    const { dispatch, db } = setup();
    const dir = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startWebHost({ dispatch, staticDir: dir });
    try {
      const base = new URL(host.url).origin;
      const page = await fetch(`${base}/registri`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const traversal = await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`);
      expect(await traversal.text()).not.toContain("root:");
      const body = JSON.stringify({ method: 'app.info', args: {} });
      const noToken = await fetch(`${base}/api/call`, { method: 'POST', body });
      expect(noToken.status).toBe(401);
      const wrong = await fetch(`${base}/api/call`, { method: 'POST', body, headers: { Authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const ok = await fetch(`${base}/api/call`, { method: 'POST', body, headers: { Authorization: `Bearer ${host.token}` } });
      expect(await ok.json()).toMatchObject({ ok: true, result: { schemaVersion: expect.any(Number), ikmCount: 0 } });
      const foreign = await fetch(`${base}/api/call`, { method: 'POST', body, headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' } });
      expect(foreign.status).toBe(403);
      const junk = await fetch(`${base}/api/call`, { method: 'POST', body: '{not json', headers: { Authorization: `Bearer ${host.token}` } });
      expect(await junk.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    } finally {
      await host.close();
      db.close();
    }
  });
});

describe('add row', () => {
  it('accepts partial values for a new record and refuses bad ones', async () => {
    const { dispatch, db } = setup();
    expect(await dispatch('ikm.create', { values: { district_code: '6209' } })).toMatchObject({ ok: true, result: { district_code: '6209', business_name: 'IKM baru' } });
    expect(await dispatch('ikm.create', {})).toMatchObject({ ok: true });
    expect(await dispatch('ikm.create', { values: { nib: '123' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    db.close();
  });
});

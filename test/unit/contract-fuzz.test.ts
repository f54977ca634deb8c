/**
 * Fuzz over the whole contract (issue 13): 2,000 seeded calls of random methods with random
 * shapes — mostly shaped by each method's own schema, some hostile (wrong types, extra keys,
 * wildcards, NUL, impossible dates) — against a real SQLite file with demo data. Every answer is
 * an envelope and never `internal`; every call that changed a data table wrote an audit row;
 * the file ends with integrity_check ok and no foreign-key violation.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { seedDemoWorld } from '../../electron/core/seed/world';
import { contract, METHODS, type Method } from '../../shared/contract';
import { prng } from '../../electron/core/seed/demo';
import { tempDb } from './helpers';

const CALLS = 2000;
/** Slow by nature (Chromium, workbooks, backups), covered by their own tests. */
const SKIPPED = new Set<string>(['reports.pdf', 'reports.xlsx', 'import.commit', 'import.preview', 'import.errorReports', 'goekspor.exportXlsx']);
const DATA_TABLES = ['ikm', 'shipment', 'trade_stat', 'settings', 'ge_decree', 'ge_featured', 'ge_certificate', 'ge_certificate_step', 'ge_activity', 'ge_participant', 'ge_stage', 'import_batch', 'demo_range'];
const AUDIT_TABLES = ['audit_log', 'shipment_audit', 'ge_audit', 'change_log'];

const STRINGS = [
  '', ' ', 'x', 'UD Maju Jaya', 'Rotan', 'halal', 'pirt', 'terbit', 'proses', 'pelatihan', '62', '61', '63', '6201', '6209', '6102', '6371',
  'MY', 'JP', 'SG', '0901', '46021200', '1234567890123', '9120000000017', '10750', '2024-02-29', '2024-02-30', '2023-12-31', '1899-01-01',
  '3000-01-01', '12/03/2025', 'Rp 1.500.000', '1.500.000', '-5', '%', '_', '%%', '\\', "'; DROP TABLE ikm; --", '=HYPERLINK("http://x")',
  'A\u0000B', '\u001b[31m', 'ü ñ 漢字', 'a'.repeat(300), 'ui.lang', 'registry.columns', 'nib', 'business_name', 'fob_usd', 'en', 'id',
];

type Json = Record<string, unknown>;
function generator(rnd: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const junk = (depth = 0): unknown => {
    const r = rnd();
    if (r < 0.2) return pick(STRINGS);
    if (r < 0.35) return pick([0, -1, 1, 2.5, 1e12, NaN, Infinity, 2024]);
    if (r < 0.45) return pick([null, undefined, true, false]);
    if (r < 0.6 && depth < 2) return Array.from({ length: Math.floor(rnd() * 3) }, () => junk(depth + 1));
    if (depth < 2) return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [pick(STRINGS), junk(depth + 1)]));
    return {};
  };
  const int = (s: Json): number => {
    const lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -5;
    const hi = typeof s.maximum === 'number' ? Math.min(s.maximum, 1e9) : 1e9;
    const near = [lo, lo + 1, hi, 1, 2, 3, 5, 12, 40, 2024, 2025, 1 + Math.floor(rnd() * 60), lo + Math.floor(rnd() * Math.min(200, hi - lo + 1))];
    const fits = near.filter((n) => n >= lo && n <= hi);
    return fits.length ? pick(fits) : lo;
  };
  const value = (s: Json, depth = 0): unknown => {
    if (rnd() < 0.03) return junk(depth);
    if (Array.isArray(s.anyOf)) return value(pick(s.anyOf as Json[]), depth);
    if (Array.isArray(s.enum)) return pick(s.enum as unknown[]);
    if (s.const !== undefined) return s.const;
    const type = Array.isArray(s.type) ? pick(s.type as string[]) : (s.type as string | undefined);
    switch (type) {
      case 'string': {
        if (typeof s.pattern === 'string') {
          const re = new RegExp(s.pattern);
          const fits = STRINGS.filter((x) => re.test(x));
          if (fits.length && rnd() < 0.9) return pick(fits);
        }
        return pick(STRINGS);
      }
      case 'integer':
        return int(s);
      case 'number':
        return rnd() < 0.5 ? int(s) : Math.round(rnd() * 1e6) / 100;
      case 'boolean':
        return rnd() < 0.5;
      case 'null':
        return null;
      case 'array': {
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        const n = min + Math.floor(rnd() * 3);
        return depth > 4 ? [] : Array.from({ length: n }, () => value((s.items as Json) ?? {}, depth + 1));
      }
      case 'object': {
        const out: Json = {};
        const props = (s.properties as Record<string, Json> | undefined) ?? {};
        const required = new Set((s.required as string[] | undefined) ?? []);
        for (const [k, p] of Object.entries(props)) if (required.has(k) ? rnd() > 0.02 : rnd() < 0.6) out[k] = value(p, depth + 1);
        if (s.additionalProperties && typeof s.additionalProperties === 'object')
          for (let i = Math.floor(rnd() * 3); i > 0; i--) out[pick(STRINGS)] = value(s.additionalProperties as Json, depth + 1);
        if (rnd() < 0.02) out[pick(STRINGS)] = junk(depth + 1);
        return out;
      }
      default:
        return junk(depth);
    }
  };
  return { pick, value, junk };
}

describe('contract fuzz', () => {
  it(`${CALLS} random calls: typed answers, an audit row for every change, integrity_check ok`, async () => {
    const { db, path } = tempDb();
    seedDemoWorld(db, 60, 30);
    const dispatch = createDispatcher(db, createHandlers({ dbPath: path, version: 'test' }));
    const rnd = prng(2026);
    const g = generator(rnd);
    const schemas = new Map<Method, Json>();
    const methods = METHODS.filter((m) => !SKIPPED.has(m));
    for (const m of methods) schemas.set(m, z.toJSONSchema(contract[m], { unrepresentable: 'any', io: 'input' }) as Json);
    // Temporary triggers note every row of a data table that really changed (a value differs,
    // updated_at aside): cheap enough to check after every call.
    db.exec(`CREATE TEMP TABLE fz_change (tbl TEXT)`);
    for (const t of DATA_TABLES) {
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'updated_at');
      const same = cols.map((c) => `OLD.${c} IS NEW.${c}`).join(' AND ');
      db.exec(`CREATE TEMP TRIGGER fz_${t}_i AFTER INSERT ON main.${t} BEGIN INSERT INTO fz_change VALUES ('${t}'); END;
        CREATE TEMP TRIGGER fz_${t}_d AFTER DELETE ON main.${t} BEGIN INSERT INTO fz_change VALUES ('${t}'); END;
        CREATE TEMP TRIGGER fz_${t}_u AFTER UPDATE ON main.${t} WHEN NOT (${same}) BEGIN INSERT INTO fz_change VALUES ('${t}'); END;`);
    }
    const changedTables = () => (db.prepare(`SELECT DISTINCT tbl FROM fz_change`).all() as { tbl: string }[]).map((r) => r.tbl);
    const audits = () => AUDIT_TABLES.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);

    const internal: string[] = [];
    const unaudited: string[] = [];
    const outcomes = { ok: 0, refused: 0, changed: 0 };
    let auditBefore = audits();
    for (let i = 0; i < CALLS; i++) {
      const method = rnd() < 0.02 ? g.pick(['ikm.drop', '__proto__', 'constructor', '']) : g.pick(methods);
      const args = rnd() < 0.05 || !schemas.has(method as Method) ? g.junk() : g.value(schemas.get(method as Method)!);
      const env = await dispatch(method, args);
      expect(env && typeof env === 'object' && 'ok' in env, method).toBe(true);
      if (env.ok) outcomes.ok++;
      else {
        outcomes.refused++;
        if (env.error.code === 'internal') internal.push(`${method} ${JSON.stringify(args).slice(0, 200)} → ${env.error.message.slice(0, 200)}`);
        expect(env.error.message, method).not.toMatch(/SQLITE_|constraint failed|no such|syntax error/);
      }
      const changed = changedTables();
      const auditAfter = audits();
      if (changed.length > 0) {
        outcomes.changed++;
        if (auditAfter === auditBefore) unaudited.push(`${method} (${changed.join(', ')}) ${JSON.stringify(args).slice(0, 300)}`);
      }
      db.exec('DELETE FROM fz_change');
      auditBefore = auditAfter;
    }
    expect(internal).toEqual([]);
    expect(unaudited).toEqual([]);
    // The fuzz did exercise the core: many calls answered, many refused, many wrote.
    expect(outcomes.ok).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
    expect(outcomes.changed).toBeGreaterThan(30);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { queryPage, summarise } from '../../electron/core/registry/query';
import { applyChanges, createRecord, deleteRecords, recordHistory, restoreRecords } from '../../electron/core/registry/write';
import { seedDemo } from '../../electron/core/seed/demo';
import type { IkmRecord } from '../../shared/fields';
import { tempDb } from './helpers';

function withRecords() {
  const { db } = tempDb();
  const a = createRecord(db, { business_name: 'UD Rotan Katingan', owner_name: 'Ahmad', district_code: 'Katingan', nib: '0815908301661', commodity: 'Anyaman rotan', workers_male: 3, workers_female: 4, investment_idr: 'Rp 150.000.000' }) as IkmRecord;
  const b = createRecord(db, { business_name: 'Kelompok Tenun Éndah', owner_name: 'Siti', district_code: 'Kotim', commodity: 'Tenun ikat Dayak', workers_male: 1, workers_female: 9, investment_idr: 20_000_000 }) as IkmRecord;
  return { db, a, b };
}

describe('registry writes', () => {
  it('creates records from typed values, computing total workers and the scale', () => {
    const { a, db } = withRecords();
    expect(a).toMatchObject({ district_code: '6209', workers_total: 7, investment_idr: 150_000_000, scale: 'kecil', nib: '0815908301661' });
    db.close();
  });

  it('edits a cell, records old and new value with the OS user in the audit log', () => {
    const { db, a } = withRecords();
    const r = applyChanges(db, [{ id: a.id, field: 'production_value_idr', value: '1.500.000,00' }]);
    expect(r).toMatchObject({ ok: true, records: [{ id: a.id, production_value_idr: 1_500_000 }] });
    const h = recordHistory(db, a.id);
    expect(h[0]).toMatchObject({ action: 'update', field: 'production_value_idr', old_value: null, new_value: '1500000' });
    expect(h[0]!.os_user.length).toBeGreaterThan(0);
    db.close();
  });

  it('keeps total workers in step with L + P and refuses a contradicting total', () => {
    const { db, a } = withRecords();
    expect(applyChanges(db, [{ id: a.id, field: 'workers_female', value: 10 }])).toMatchObject({ ok: true, records: [{ workers_total: 13 }] });
    const bad = applyChanges(db, [{ id: a.id, field: 'workers_total', value: 99 }]);
    expect(bad).toMatchObject({ ok: false, errors: [{ key: 'err.workersTotal' }] });
    db.close();
  });

  it('applies a pasted range all-or-nothing and names every bad cell', () => {
    const { db, a, b } = withRecords();
    const before = recordHistory(db, a.id).length;
    const r = applyChanges(db, [
      { id: a.id, field: 'owner_name', value: 'Budi' },
      { id: a.id, field: 'kbli', value: '123' },
      { id: b.id, field: 'nib', value: '0815908301661' }, // a's NIB
      { id: b.id, field: 'year_established', value: '2999' },
      { id: b.id, field: 'district_code', value: 'Kab. Bogor' },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.index, e.key])).toEqual([[1, 'err.kbli'], [2, 'err.nibDuplicate'], [3, 'err.yearFuture'], [4, 'err.district']]);
    expect(r.errors[1]!.message).toContain('UD Rotan Katingan');
    expect(queryPage(db, {}, [], 0, 10).rows.find((x) => x.id === a.id)?.owner_name).toBe('Ahmad');
    expect(recordHistory(db, a.id).length).toBe(before);
    db.close();
  });

  it('refuses an empty business name and an empty district', () => {
    const { db, a } = withRecords();
    expect(applyChanges(db, [{ id: a.id, field: 'business_name', value: '  ' }])).toMatchObject({ ok: false, errors: [{ key: 'err.required' }] });
    expect(applyChanges(db, [{ id: a.id, field: 'district_code', value: null }])).toMatchObject({ ok: false, errors: [{ key: 'err.required' }] });
    db.close();
  });

  it('soft-deletes and restores, both audited', () => {
    const { db, a } = withRecords();
    expect(deleteRecords(db, [a.id])).toBe(1);
    expect(summarise(db, {}).count).toBe(1);
    expect(restoreRecords(db, [a.id])).toBe(1);
    expect(summarise(db, {}).count).toBe(2);
    expect(recordHistory(db, a.id).map((h) => h.action).slice(0, 2)).toEqual(['restore', 'delete']);
    db.close();
  });
});

describe('registry queries', () => {
  it('searches case- and accent-insensitively across name, owner, NIB and commodity', () => {
    const { db } = withRecords();
    expect(queryPage(db, { search: 'endah' }, [], 0, 10).rows.map((r) => r.business_name)).toEqual(['Kelompok Tenun Éndah']);
    expect(queryPage(db, { search: 'TENUN éNDAH' }, [], 0, 10).total).toBe(1);
    expect(queryPage(db, { search: '08159083' }, [], 0, 10).total).toBe(1);
    expect(queryPage(db, { search: 'rotan ahmad' }, [], 0, 10).total).toBe(1);
    expect(queryPage(db, { search: '100%_' }, [], 0, 10).total).toBe(0);
    db.close();
  });

  it('filters, sorts and pages on the server; the summary sums the same filter', () => {
    const { db } = tempDb();
    seedDemo(db, 3000);
    const filter = { province: '62', ranges: [{ field: 'workers_total' as const, min: 5, max: 20 }] };
    const all = db
      .prepare(`SELECT * FROM ikm WHERE deleted_at IS NULL AND district_code LIKE '62%' AND workers_total BETWEEN 5 AND 20`)
      .all() as IkmRecord[];
    const page = queryPage(db, filter, [{ field: 'investment_idr', desc: true }], 0, 50);
    expect(page.total).toBe(all.length);
    const sorted = [...all].sort((x, y) => Number(y.investment_idr) - Number(x.investment_idr) || x.id - y.id);
    expect(page.rows.map((r) => r.id)).toEqual(sorted.slice(0, 50).map((r) => r.id));
    const last = queryPage(db, filter, [{ field: 'investment_idr', desc: true }], all.length - 7, 50);
    expect(last.rows.map((r) => r.id)).toEqual(sorted.slice(-7).map((r) => r.id));
    const s = summarise(db, filter);
    expect(s.count).toBe(all.length);
    expect(s.investment_idr).toBe(all.reduce((t, r) => t + Number(r.investment_idr), 0));
    expect(s.workers_female).toBe(all.reduce((t, r) => t + Number(r.workers_female), 0));
    db.close();
  });

  it('sorts on several columns with empty values last', () => {
    const { db } = tempDb();
    seedDemo(db, 500);
    const rows = queryPage(db, {}, [{ field: 'district_code', desc: false }, { field: 'business_name', desc: true }], 0, 500).rows;
    for (let i = 1; i < rows.length; i++) {
      const [p, c] = [rows[i - 1]!, rows[i]!];
      expect(p.district_code <= c.district_code).toBe(true);
      if (p.district_code === c.district_code) expect(p.business_name.toLowerCase() >= c.business_name.toLowerCase()).toBe(true);
    }
    const byNib = queryPage(db, {}, [{ field: 'nib', desc: false }], 0, 500).rows;
    const firstNull = byNib.findIndex((r) => r.nib == null);
    expect(firstNull).toBeGreaterThan(0);
    expect(byNib.slice(firstNull).every((r) => r.nib == null)).toBe(true);
    db.close();
  });
});

describe('cached counts', () => {
  it('a count cached for scrolling is refreshed by the next write', async () => {
    const { queryPage: page } = await import('../../electron/core/registry/query');
    const { db, a } = withRecords();
    expect(page(db, { search: 'katingan' }, [], 0, 10).total).toBe(1);
    deleteRecords(db, [a.id]);
    expect(page(db, { search: 'katingan' }, [], 0, 10).total).toBe(0);
    restoreRecords(db, [a.id]);
    expect(page(db, { search: 'katingan' }, [], 0, 10).total).toBe(1);
    applyChanges(db, [{ id: a.id, field: 'business_name', value: 'UD Purun' }]);
    expect(page(db, { search: 'katingan' }, [], 0, 10).total).toBe(0);
    db.close();
  });
});

/**
 * Go Ekspor on a real SQLite file through the contract's dispatcher: decrees and featured products
 * (and the registry's "produk unggulan" filter), certificates with steps and warnings, activities
 * and attendance, the pipeline board with its audit log, readiness, dashboard, .xlsx and CLI export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Args, Method, Result } from '../../shared/contract';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import type { DB } from '../../electron/core/db/open';
import { dashboard } from '../../electron/core/goekspor/dashboard';
import { board, moveStage, programIkm } from '../../electron/core/goekspor/readiness';
import { kesiapanEksporBody } from '../../electron/core/goekspor/report';
import { saveCertificate } from '../../electron/core/goekspor/store';
import { goEksporWorkbook } from '../../electron/core/goekspor/xlsx';
import { queryPage, summarise } from '../../electron/core/registry/query';
import { createRecord } from '../../electron/core/registry/write';
import { ShipmentWriter } from '../../electron/core/shipments/write';
import type { IkmRecord } from '../../shared/fields';
import { cli, tempDb, tempDir } from './helpers';

function setup() {
  const { db, path } = tempDb();
  const dispatch = createDispatcher(db, createHandlers({ dbPath: path, version: 'test' }));
  const call = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
    const env = await dispatch(method, args);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as Result<M>;
  };
  const ikm = (values: Record<string, string | number>) => createRecord(db, values) as IkmRecord;
  const sari = ikm({ business_name: 'Keripik Kelakai Ibu Sari', nib: '9120001000001', district_code: '6202', kbli: '10794' });
  const rotan = ikm({ business_name: 'Rotan Jaya Abadi', district_code: '6201', kbli: '16293' });
  const madu = ikm({ business_name: 'Madu Kelulut Lestari', nib: '9120001000003', district_code: '6203', kbli: '10799' });
  ikm({ business_name: 'Tidak Ikut Program', district_code: '6203' });
  return { db, path, dispatch, call, sari, rotan, madu };
}

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - n);
  return d.toLocaleDateString('en-CA');
};

function ship(db: DB, ikmId: number, nib: string) {
  new ShipmentWriter(db).insert({ date: '2025-06-01', exporter_nib: nib, exporter_name: 'Keripik Kelakai Ibu Sari', district_code: '6202', country_code: 'MY', fob_usd: 1200 }, ikmId);
}

describe('featured products per governor decree', () => {
  it('records a decree and its products; the registry filters "produk unggulan"', async () => {
    const { db, call, sari, rotan } = setup();
    const d = await call('goekspor.saveDecree', { number: '188.44/123/2025', date: '2025-02-10', province_code: '62', title: 'Penetapan Produk Unggulan Daerah' });
    await call('goekspor.addFeatured', { decree_id: d.id, ikm_id: sari.id, product: 'Keripik kelakai', commodity: 'Makanan ringan' });
    await call('goekspor.addFeatured', { decree_id: d.id, ikm_id: rotan.id, product: 'Tas rotan anyam' });
    const list = await call('goekspor.decrees', {});
    expect(list).toHaveLength(1);
    expect(list[0]!.products.map((p) => p.business_name)).toEqual(['Rotan Jaya Abadi', 'Keripik Kelakai Ibu Sari']);
    expect(queryPage(db, { featured: true }, [], 0, 100).rows.map((r) => r.id).sort()).toEqual([sari.id, rotan.id].sort());
    expect(queryPage(db, {}, [], 0, 100).total).toBe(4);
    expect(summarise(db, { featured: true }).count).toBe(2);
    expect(summarise(db, { featured: true, districts: ['6201'] }).count).toBe(1);
    // The decree number is unique; an unknown province is refused.
    await expect(call('goekspor.saveDecree', { number: '188.44/123/2025', date: '2025-03-01', province_code: '62' })).rejects.toThrow(/sudah tercatat/);
    await expect(call('goekspor.saveDecree', { number: 'X', date: '2025-03-01', province_code: '11' })).rejects.toThrow(/provinsi/);
    // Featuring an IKM put it on the board at "terdaftar".
    expect(board(db).columns[0]!.cards.map((c) => c.business_name).sort()).toEqual(['Keripik Kelakai Ibu Sari', 'Rotan Jaya Abadi']);
    // Removing the decree removes its products from the filter.
    await call('goekspor.deleteDecree', { id: d.id });
    expect(queryPage(db, { featured: true }, [], 0, 100).total).toBe(0);
  });
});

describe('certificates', () => {
  it('keeps the date each step started and the days in it; flags stuck and expiring ones', async () => {
    const { call, sari, madu } = setup();
    const started = monthsAgo(11);
    const halal = await call('goekspor.saveCertificate', { ikm_id: madu.id, type: 'halal', status: 'proses', status_since: started });
    expect(halal.flags).toEqual(['stuck']);
    expect(halal.days_in_status).toBeGreaterThan(300);
    const soon = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-CA');
    const pirt = await call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'pirt', number: 'P-IRT 123', issued_on: '2021-01-05', expires_on: soon, status: 'terbit' });
    expect(pirt.flags).toEqual(['expiring']);
    expect(pirt.status_since).toBe('2021-01-05');
    expect((await call('goekspor.certificates', { flagged: true })).map((c) => c.id).sort()).toEqual([halal.id, pirt.id].sort());

    // The halal certificate is issued: a new step; the proses step keeps its length.
    const issued = await call('goekspor.saveCertificate', { id: halal.id, ikm_id: madu.id, type: 'halal', number: 'ID62110000999', issued_on: monthsAgo(1), status: 'terbit' });
    expect(issued.flags).toEqual([]);
    const steps = await call('goekspor.certificateSteps', { id: halal.id });
    expect(steps.map((s) => s.status)).toEqual(['proses', 'terbit']);
    expect(steps[0]!.started_on).toBe(started);
    expect(steps[0]!.days).toBeGreaterThan(250);

    // The stuck threshold is configurable.
    const other = await call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'halal', status: 'proses', status_since: monthsAgo(7) });
    expect(other.flags).toEqual([]);
    expect((await call('goekspor.stuckMonths', {})).halal).toBe(10);
    await call('goekspor.setStuckMonths', { months: { halal: 6 } });
    expect((await call('goekspor.certificates', { ikm_id: sari.id, type: 'halal' }))[0]!.flags).toEqual(['stuck']);

    // Refusals: expiry before issue, a step starting in the future, a bad type.
    await expect(call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'sni', issued_on: '2024-01-01', expires_on: '2023-01-01', status: 'terbit' })).rejects.toThrow(/lebih awal/);
    await expect(call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'sni', status: 'proses', status_since: '2199-01-01' })).rejects.toThrow(/masa depan/);
    await expect(call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'iso' as never, status: 'proses' })).rejects.toThrow();
  });
});

describe('activities and attendance', () => {
  it('records participants and attendance per IKM; attendance feeds the score', async () => {
    const { call, sari, madu } = setup();
    const a = await call('goekspor.saveActivity', { kind: 'pameran', title: 'Pangan Nusa 2025', date: '2025-09-10', place: 'Jakarta', organiser: 'Kemenperin' });
    await call('goekspor.setParticipant', { activity_id: a.id, ikm_id: sari.id, attended: true });
    await call('goekspor.setParticipant', { activity_id: a.id, ikm_id: madu.id, attended: false, note: 'batal berangkat' });
    const [listed] = await call('goekspor.activities', {});
    expect(listed).toMatchObject({ participants: 2, attended: 1, title: 'Pangan Nusa 2025' });
    const parts = await call('goekspor.participants', { activity_id: a.id });
    expect(parts.map((p) => [p.business_name, p.attended])).toEqual([
      ['Keripik Kelakai Ibu Sari', true],
      ['Madu Kelulut Lestari', false],
    ]);
    expect((await call('goekspor.readiness', { ikm_id: sari.id })).items.find((i) => i.key === 'pameran')!.state).toBe('ok');
    expect((await call('goekspor.readiness', { ikm_id: madu.id })).items.find((i) => i.key === 'pameran')!.state).toBe('missing');
  });
});

describe('pipeline board', () => {
  it('moves IKM through the stages, each move in the audit log; "ekspor pertama" needs a shipment', async () => {
    const { db, call, sari } = setup();
    await call('goekspor.enrol', { ikm_id: sari.id });
    let card = await call('goekspor.move', { ikm_id: sari.id, stage: 'legalitas', note: 'NIB sudah ada' });
    expect(card.stage).toBe('legalitas');
    await call('goekspor.move', { ikm_id: sari.id, stage: 'sertifikasi' });
    await expect(call('goekspor.move', { ikm_id: sari.id, stage: 'ekspor' })).rejects.toThrow(/belum punya pengapalan/);
    ship(db, sari.id, '9120001000001');
    card = await call('goekspor.move', { ikm_id: sari.id, stage: 'ekspor' });
    expect(card).toMatchObject({ stage: 'ekspor', shipments: 1 });
    const h = await call('goekspor.history', { ikm_id: sari.id });
    expect(h.filter((e) => e.action === 'move').map((e) => `${e.old_value}→${e.new_value}`)).toEqual(['sertifikasi→ekspor', 'legalitas→sertifikasi', 'terdaftar→legalitas']);
    expect(h.find((e) => e.new_value === 'legalitas')!.note).toBe('NIB sudah ada');
    expect(h.every((e) => e.os_user.length > 0)).toBe(true);
    const b = await call('goekspor.board', {});
    expect(b.columns.map((c) => c.stage)).toEqual(['terdaftar', 'legalitas', 'sertifikasi', 'pendampingan', 'pameran', 'ekspor']);
    expect(b.columns[5]!.cards.map((c) => c.business_name)).toEqual(['Keripik Kelakai Ibu Sari']);
    // Not-yet-enrolled IKM are not on the board; a move enrols them.
    expect(b.columns.reduce((s, c) => s + c.total, 0)).toBe(1);
    await expect(call('goekspor.move', { ikm_id: 99999, stage: 'legalitas' })).rejects.toThrow();
  });
});

describe('readiness, report, dashboard and exports', () => {
  async function program() {
    const s = setup();
    const { db, call, sari, rotan, madu } = s;
    const d = await call('goekspor.saveDecree', { number: 'SK-1', date: '2025-01-02', province_code: '62' });
    await call('goekspor.addFeatured', { decree_id: d.id, ikm_id: sari.id, product: 'Keripik kelakai' });
    await call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'halal', number: 'H-1', issued_on: '2025-03-10', status: 'terbit' });
    await call('goekspor.saveCertificate', { ikm_id: sari.id, type: 'pirt', number: 'P-1', issued_on: '2024-02-05', status: 'terbit' });
    await call('goekspor.saveCertificate', { ikm_id: madu.id, type: 'halal', status: 'proses', status_since: monthsAgo(11) });
    await call('goekspor.saveCertificate', { ikm_id: rotan.id, type: 'merek', number: '=HYPERLINK("x")', status: 'terbit', issued_on: '2023-01-12' });
    ship(db, sari.id, '9120001000001');
    moveStage(db, sari.id, 'ekspor');
    moveStage(db, madu.id, 'sertifikasi');
    return s;
  }

  it('scores each program IKM with its missing items', async () => {
    const { db, sari, rotan, madu } = await program();
    const all = programIkm(db);
    const by = (id: number) => all.find((p) => p.ikm_id === id)!;
    // Sari: NIB 15 + izin edar 10 + halal 15 + unggulan 5 + ekspor 10 = 55.
    expect(by(sari.id).score).toBe(55);
    expect(by(sari.id).missing).toEqual(['Merek/HKI', 'Standar mutu (SNI/lainnya)', 'Pelatihan/sosialisasi ekspor', 'Pendampingan', 'Pameran/temu bisnis']);
    // Madu: NIB 15 + halal proses 7,5 = 22,5 → 23.
    expect(by(madu.id).score).toBe(23);
    expect(by(madu.id).next).toBe('Ajukan SPP-IRT atau izin edar BPOM');
    // Rotan (non-food, no NIB): merek 10 of 75.
    expect(by(rotan.id).score).toBe(13);
    expect(by(rotan.id).next).toBe('Urus NIB melalui OSS');
  });

  it('the "Kesiapan ekspor IKM" body lists stage, score, missing items and next step', async () => {
    const { db } = await program();
    const body = kesiapanEksporBody(db, { province: '62' }, { area: { id: 'Provinsi Kalimantan Tengah', en: 'Kalimantan Tengah Province' }, districtName: (c) => `Kab ${c}` });
    expect(body.columns.map((c) => c.header)).toEqual(['No', 'NIB', 'Nama Usaha', 'Kabupaten/Kota', 'Tahap', 'Skor', 'Yang belum', 'Langkah berikut']);
    expect(body.rows.map((r) => [r.business_name, r.stage, r.score])).toEqual([
      ['Keripik Kelakai Ibu Sari', 'Ekspor pertama', 55],
      ['Madu Kelulut Lestari', 'Sertifikasi', 23],
      ['Rotan Jaya Abadi', 'Terdaftar', 13],
    ]);
    expect(body.rows[1]!.missing).toContain('Sertifikat halal (proses)');
    expect(kesiapanEksporBody(db, { district: '6201' }, { area: { id: 'x', en: 'x' }, districtName: String }).rows).toHaveLength(1);
  });

  it('dashboard: counts per stage and district, issued per month, halal pipeline', async () => {
    const { db, madu } = await program();
    const d = dashboard(db, undefined, new Date().toLocaleDateString('en-CA'));
    expect(d.inProgram).toBe(3);
    expect(d.exported).toBe(1);
    expect(d.stageCounts).toMatchObject({ terdaftar: 1, sertifikasi: 1, ekspor: 1, legalitas: 0 });
    expect(d.flagged.stuck).toBe(1);
    expect(d.halal).toEqual([expect.objectContaining({ ikm_id: madu.id, status: 'proses', stuck: true })]);
    expect(d.charts.map((c) => c.title)).toEqual(['IKM per tahap', 'IKM per kabupaten/kota dan tahap', 'Sertifikat terbit per bulan', 'Pendampingan halal: lama dalam proses', 'Produk unggulan per kabupaten/kota']);
    expect(d.charts[1]!.labels).toHaveLength(3);
    expect(d.charts[4]!.series[0]!.values).toEqual([1]);
  });

  it('.xlsx export: every sheet, text as text (openpyxl reads it back)', async () => {
    const { db } = await program();
    const out = join(tempDir(), 'ge.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, await goEksporWorkbook(db));
    const py = `import json,sys\nfrom openpyxl import load_workbook\nwb=load_workbook(sys.argv[1])\nprint(json.dumps({ws.title:[[c.value if c.value is None or isinstance(c.value,(int,float,str)) else str(c.value) for c in r] for r in ws.iter_rows()] for ws in wb.worksheets}))`;
    const wb = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, out], { encoding: 'utf8' })) as Record<string, (string | number | null)[][]>;
    expect(Object.keys(wb)).toEqual(['Kesiapan ekspor', 'Sertifikat', 'Kegiatan', 'Peserta', 'Produk unggulan']);
    expect(wb['Kesiapan ekspor']![0]).toEqual(['NIB', 'Nama Usaha', 'Kabupaten/Kota', 'Tahap', 'Sejak', 'Skor', 'Yang belum', 'Langkah berikut']);
    expect(wb['Kesiapan ekspor']!.find((r) => r[1] === 'Keripik Kelakai Ibu Sari')!.slice(0, 6)).toEqual(['9120001000001', 'Keripik Kelakai Ibu Sari', 'Kab. Kotawaringin Timur', 'Ekspor pertama', expect.any(String), 55]);
    const merek = wb['Sertifikat']!.find((r) => r[3] === 'Merek/HKI')!;
    expect(merek[4]).toBe('=HYPERLINK("x")'); // a string cell, not a formula
    expect(wb['Produk unggulan']![1]).toContain('Keripik kelakai');
  });

  it('CLI: export readiness as CSV and JSON with missing items joined by semicolons', async () => {
    const { db, path } = await program();
    db.close();
    const dir = tempDir();
    const csv = cli('export', 'readiness', '--db', path, '--format', 'csv', '--out', join(dir, 'r.csv'));
    expect(csv.status, csv.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('nib,business_name,district_code,stage,score,missing');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('9120001000001'))).toBe(
      '9120001000001,Keripik Kelakai Ibu Sari,6202,ekspor,55,"Merek/HKI;Standar mutu (SNI/lainnya);Pelatihan/sosialisasi ekspor;Pendampingan;Pameran/temu bisnis"',
    );
    const json = cli('export', 'readiness', '--db', path, '--format', 'json', '--out', join(dir, 'r.json'));
    expect(json.status, json.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Record<string, unknown>[];
    expect(rows.find((r) => r.business_name === 'Madu Kelulut Lestari')).toEqual({
      nib: '9120001000003', business_name: 'Madu Kelulut Lestari', district_code: '6203', stage: 'sertifikasi', score: 23,
      missing: 'Izin edar (PIRT/BPOM);Sertifikat halal (proses);Merek/HKI;Standar mutu (SNI/lainnya);Pelatihan/sosialisasi ekspor;Pendampingan;Pameran/temu bisnis;Produk unggulan (SK Gubernur);Ekspor pertama',
    });
    const bad = cli('export', 'readines', '--db', path, '--format', 'csv', '--out', join(dir, 'x.csv'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/readiness/);
  });

  it('a certificate of a deleted IKM disappears from lists', async () => {
    const { db, call, rotan } = await program();
    await call('ikm.delete', { ids: [rotan.id] });
    expect((await call('goekspor.certificates', {})).some((c) => c.ikm_id === rotan.id)).toBe(false);
    expect(programIkm(db).some((p) => p.ikm_id === rotan.id)).toBe(false);
    expect(() => saveCertificate(db, { ikm_id: rotan.id, type: 'sni', status: 'proses' })).toThrow();
  });
});

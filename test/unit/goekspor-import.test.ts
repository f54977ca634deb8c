/**
 * Go Ekspor imports on files written by openpyxl (test/fixtures/goekspor/make_fixtures.py):
 * participant lists and certificate lists matched to the registry by NIB or name + district, bad
 * rows refused with sheet/row/column/reason, dry runs that save nothing, re-imports that change nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGoEkspor, parseAttended, parseCertStatus, parseCertType } from '../../electron/core/goekspor/import';
import { certificateSteps, listCertificates, listDecrees, listParticipants, saveActivity, saveDecree } from '../../electron/core/goekspor/store';
import { board } from '../../electron/core/goekspor/readiness';
import { createRecord } from '../../electron/core/registry/write';
import type { IkmRecord } from '../../shared/fields';
import { tempDb } from './helpers';

const FIX = join(process.cwd(), 'test/fixtures/goekspor');
const TODAY = '2025-11-20';

function setup() {
  const { db } = tempDb();
  const ikm = (values: Record<string, string>) => createRecord(db, values) as IkmRecord;
  const sari = ikm({ business_name: 'Keripik Kelakai Ibu Sari', nib: '9120001000001', district_code: '6202', kbli: '10794' });
  const rotan = ikm({ business_name: 'Rotan Jaya Abadi', district_code: '6201', kbli: '16293' });
  const madu = ikm({ business_name: 'Madu Kelulut Lestari', nib: '9120001000003', district_code: '6203', kbli: '10799' });
  ikm({ business_name: 'Rotan Jaya Abadi', district_code: '6203' }); // same name, another district
  return { db, sari, rotan, madu };
}

describe('cell readers', () => {
  it('certificate types as districts write them', () => {
    expect(parseCertType('Sertifikat Halal')).toEqual({ type: 'halal', label: null });
    expect(parseCertType('SPP-IRT')).toEqual({ type: 'pirt', label: null });
    expect(parseCertType('P-IRT')).toEqual({ type: 'pirt', label: null });
    expect(parseCertType('BPOM MD')).toEqual({ type: 'bpom_md', label: null });
    expect(parseCertType('Izin edar BPOM ML')).toEqual({ type: 'bpom_ml', label: null });
    expect(parseCertType('HKI / Merek')).toEqual({ type: 'merek', label: null });
    expect(parseCertType('SNI 01-2891')).toEqual({ type: 'sni', label: null });
    expect(parseCertType('NIB')).toEqual({ type: 'nib', label: null });
    expect(parseCertType('ISO 22000')).toEqual({ type: 'lainnya', label: 'ISO 22000' });
    expect(parseCertType('  ')).toBeNull();
  });
  it('statuses and attendance', () => {
    expect(parseCertStatus('Sudah terbit')).toBe('terbit');
    expect(parseCertStatus('dalam proses')).toBe('proses');
    expect(parseCertStatus('Belum')).toBe('belum');
    expect(parseCertStatus('Kadaluarsa')).toBe('kedaluwarsa');
    expect(parseCertStatus('???')).toBeNull();
    expect(parseAttended(null)).toBe(true);
    expect(parseAttended('Hadir')).toBe(true);
    expect(parseAttended('v')).toBe(true);
    expect(parseAttended('Tidak hadir')).toBe(false);
    expect(parseAttended('-')).toBe(false);
    expect(parseAttended('mungkin')).toBeNull();
  });
});

describe('participant list', () => {
  it('matches by NIB or name + district, refuses the rest with their row and reason', async () => {
    const { db, sari, rotan, madu } = setup();
    const act = saveActivity(db, { kind: 'pelatihan', title: 'Pelatihan ekspor', date: '2025-03-12' });
    const input = { name: 'peserta-pelatihan.xlsx', path: join(FIX, 'peserta-pelatihan.xlsx') };
    const dry = await importGoEkspor(db, input, { kind: 'participants', activityId: act.id, dryRun: true, today: TODAY });
    expect(dry.files[0]!.accepted).toBe(3);
    expect(listParticipants(db, act.id)).toEqual([]);

    const r = (await importGoEkspor(db, input, { kind: 'participants', activityId: act.id, today: TODAY })).files[0]!;
    expect(r.status).toBe('imported');
    expect(r.sheets[0]).toMatchObject({ name: 'Peserta', headerRow: 4 });
    expect([r.accepted, r.updated, r.unchanged]).toEqual([3, 0, 0]);
    expect(r.refused.map((p) => [p.row, p.column, p.reason])).toEqual([
      [8, 'B', expect.stringContaining('"Usaha Tak Terdaftar"')],
      [10, 'D', 'Kabupaten/kota "Kabupaten Entah" tidak dikenal.'],
      [11, 'E', expect.stringContaining('"mungkin"')],
    ]);
    expect(r.duplicates.map((d) => d.row)).toEqual([9]);
    const parts = listParticipants(db, act.id);
    expect(parts.map((p) => [p.ikm_id, p.attended, p.note])).toEqual([
      [sari.id, true, null],
      [madu.id, false, 'sakit'],
      [rotan.id, true, 'perwakilan'],
    ]);
    // They are on the board now; re-importing changes nothing.
    expect(board(db).columns[0]!.total).toBe(3);
    const again = (await importGoEkspor(db, input, { kind: 'participants', activityId: act.id, today: TODAY })).files[0]!;
    expect([again.accepted, again.updated, again.unchanged]).toEqual([0, 0, 3]);
  });

  it('needs an activity, and a file with a recognisable table', async () => {
    const { db } = setup();
    await expect(importGoEkspor(db, { name: 'x.xlsx', path: join(FIX, 'peserta-pelatihan.xlsx') }, { kind: 'participants' })).rejects.toThrow(/kegiatan/);
    const act = saveActivity(db, { kind: 'pelatihan', title: 'x', date: '2025-03-12' });
    const csv = Buffer.from('Judul,Isi\nsatu,dua\n', 'utf8');
    const r = await importGoEkspor(db, { name: 'kosong.csv', data: csv }, { kind: 'participants', activityId: act.id });
    expect(r.files[0]).toMatchObject({ status: 'refused', message: expect.stringContaining('daftar peserta') });
  });
});

describe('featured products of a decree', () => {
  it('imports an SK attachment: products tied to IKM, the same product once, unknown IKM and empty products refused', async () => {
    const { db, sari, rotan, madu } = setup();
    const sk = saveDecree(db, { number: '188.44/123/2025', date: '2025-02-01', province_code: '62' });
    const input = { name: 'produk-unggulan.xlsx', path: join(FIX, 'produk-unggulan.xlsx') };
    await expect(importGoEkspor(db, input, { kind: 'featured' })).rejects.toThrow(/SK Gubernur/);
    const r = (await importGoEkspor(db, input, { kind: 'featured', decreeId: sk.id, today: TODAY })).files[0]!;
    expect([r.status, r.accepted, r.unchanged]).toEqual(['imported', 3, 0]);
    expect(r.refused.map((p) => [p.row, p.column, p.reason])).toEqual([
      [8, 'B', 'Nama produk kosong.'],
      [10, 'C', expect.stringContaining('"Tenun Tak Terdaftar"')],
    ]);
    expect(r.duplicates.map((d) => d.row)).toEqual([9]); // "Keripik Kelakai" again, other case
    const products = listDecrees(db).find((d) => d.id === sk.id)!.products;
    expect(products.map((p) => [p.ikm_id, p.product, p.commodity])).toEqual(
      expect.arrayContaining([
        [sari.id, 'Keripik kelakai', 'Makanan ringan'],
        [rotan.id, 'Tas anyaman rotan', 'Kerajinan rotan'],
        [madu.id, 'Madu kelulut', null],
      ]),
    );
    const again = (await importGoEkspor(db, input, { kind: 'featured', decreeId: sk.id, today: TODAY })).files[0]!;
    expect([again.accepted, again.unchanged]).toEqual([0, 3]);
  });
});

describe('certificate list', () => {
  it('imports certificates with their dates and steps; refuses unknown IKM and bad dates', async () => {
    const { db, sari, rotan, madu } = setup();
    const input = { name: 'sertifikat.xlsx', path: join(FIX, 'sertifikat.xlsx') };
    const r = (await importGoEkspor(db, input, { kind: 'certificates', today: TODAY })).files[0]!;
    expect(r.refused.map((p) => [p.row, p.column, p.reason])).toEqual([
      [8, 'B', expect.stringContaining('tidak ditemukan')],
      [9, 'G', expect.stringContaining('31/02/2024')],
    ]);
    expect(r.accepted).toBe(5);
    const certs = listCertificates(db, {}, TODAY);
    const of = (id: number, type: string) => certs.find((c) => c.ikm_id === id && c.type === type)!;
    expect(of(sari.id, 'halal')).toMatchObject({ number: 'ID62110000123450325', issued_on: '2025-03-10', status: 'terbit', status_since: '2025-03-10' });
    // The application date became the "proses" step before "terbit".
    expect(certificateSteps(db, of(sari.id, 'halal').id, TODAY).map((s) => [s.status, s.started_on, s.days])).toEqual([
      ['proses', '2024-08-01', 221],
      ['terbit', '2025-03-10', 255],
    ]);
    expect(of(sari.id, 'pirt')).toMatchObject({ issued_on: '2024-02-05', expires_on: '2029-02-05', status: 'terbit' });
    expect(of(madu.id, 'halal')).toMatchObject({ status: 'proses', status_since: '2024-06-03', flags: ['stuck'] });
    expect(of(rotan.id, 'merek')).toMatchObject({ number: 'IDM000987654', issued_on: '2023-01-12', expires_on: '2033-01-12', status: 'terbit' });
    // Past its expiry date: recorded as kedaluwarsa.
    expect(of(madu.id, 'lainnya')).toMatchObject({ label: 'ISO 22000', status: 'kedaluwarsa' });

    const again = (await importGoEkspor(db, input, { kind: 'certificates', today: TODAY })).files[0]!;
    expect([again.accepted, again.updated, again.unchanged]).toEqual([0, 0, 5]);
  });
});

describe('a list of one certificate type', () => {
  it('takes the type from the number column or the title; "No" is the row number; the owner column is listed as not imported', async () => {
    const { db, sari, madu } = setup();
    const input = { name: 'sertifikat-halal-satu-jenis.xlsx', path: join(FIX, 'sertifikat-halal-satu-jenis.xlsx') };
    const r = (await importGoEkspor(db, input, { kind: 'certificates', today: TODAY })).files[0]!;
    expect([r.status, r.accepted, r.refused.length]).toEqual(['imported', 2, 0]);
    const cols = r.sheets[0]!.columns;
    expect(cols.find((c) => c.header === 'No')!.field).toBe('');
    expect(cols.find((c) => c.header === 'No. Sertifikat Halal')).toMatchObject({ field: 'number', why: expect.arrayContaining([{ key: 'map.certType', params: { from: 'No. Sertifikat Halal' } }]) });
    expect(r.unmapped).toEqual([expect.objectContaining({ column: 'C', header: 'Nama Pemilik', values: 2 })]);
    const certs = listCertificates(db, {}, TODAY);
    expect(certs.map((c) => [c.ikm_id, c.type, c.label, c.number])).toEqual(
      expect.arrayContaining([
        [sari.id, 'halal', null, 'ID62110000123450325'],
        [madu.id, 'halal', null, 'ID62110000123460725'],
      ]),
    );
    expect(certs).toHaveLength(2);
  });
});

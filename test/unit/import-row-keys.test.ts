/**
 * Every refused row, warning and in-file repeat of the four importers carries its reason as a
 * message key with parameters (built by import/problem.ts), so the English UI words it in English;
 * the Indonesian text (the CLI, the district's error report) is what it was.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importGoEkspor } from '../../electron/core/goekspor/import';
import { saveActivity } from '../../electron/core/goekspor/store';
import { writeErrorReports } from '../../electron/core/import/error-report';
import { importFiles } from '../../electron/core/import/run';
import { districtResolver } from '../../electron/core/reference/areas';
import { createRecord } from '../../electron/core/registry/write';
import { importShipments } from '../../electron/core/shipments/import';
import { noteText, problemText } from '../../shared/import';
import { tempDb } from './helpers';

async function xlsx(rows: (string | number | null)[][], sheet = 'IKM'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('IKM rows (rows.ts) through the one problem builder', () => {
  it('refusals and warnings have keys; Indonesian as before, English in English; the error report keeps the Indonesian and the row as written', async () => {
    const data = await xlsx([
      ['Nama Usaha', 'Kabupaten', 'Telp', 'Email', 'NIB'],
      ['Rotan Jaya', 'Katingan', '081250001111', 'rotan@contoh.id', null],
      [null, 'Katingan', '081250002222', 'tanpanama@contoh.id', null],
      ['Tenun Indah', null, '081250003333', 'tenun@contoh.id', null],
      ['Madu Hutan', 'Katingan', 'abc', 'madu@contoh.id', null],
      ['Kopi Kasongan', 'Katingan', '081250004444', 'kopi@contoh.id', '8,12E+12'],
    ]);
    const { db } = tempDb();
    const r = await importFiles(db, [{ name: 'katingan.xlsx', data, district: null }], { dryRun: true });
    const f = r.files[0]!;
    expect([f.status, f.accepted]).toEqual(['imported', 3]);
    expect(f.refused.map((p) => [p.row, p.column, p.key, p.reason, p.name ?? null])).toEqual([
      [3, 'A', 'imp.noName', 'Nama usaha kosong.', null],
      [4, 'B', 'imp.noDistrict', 'Kabupaten/kota tidak diisi dan berkas tidak menyebutkannya.', 'Tenun Indah'],
    ]);
    expect(f.refused.map((p) => problemText(p, 'en'))).toEqual(['Business name is empty.', 'The district (kabupaten/kota) is empty and the file does not name one.']);
    // Only refusals carry the row as written (the error report sends it back).
    expect(f.refused[0]!.original).toEqual({ 'Nama Usaha': '', Kabupaten: 'Katingan', Telp: '081250002222', Email: 'tanpanama@contoh.id', NIB: '' });

    const [phone, nib] = f.warnings;
    expect(phone).toMatchObject({ row: 5, column: 'C', name: 'Madu Hutan', key: 'err.phone', params: { value: 'abc' }, dropped: true, reason: 'Nomor telepon "abc" tidak valid. Nilai ini tidak diimpor.' });
    expect(problemText(phone!, 'en')).toBe('Phone number "abc" is invalid. This value was not imported.');
    expect(problemText(phone!, 'id')).toBe(phone!.reason);
    // An NIB Excel destroyed: the text says itself that the business came in without it.
    expect(nib).toMatchObject({ row: 6, column: 'E', name: 'Kopi Kasongan', key: 'err.nibLost' });
    expect(nib!.dropped).toBeUndefined();
    expect(problemText(nib!, 'en')).toMatch(/^NIB "8,12E\+12" was destroyed by Excel/);
    for (const w of f.warnings) expect(w.original).toBeUndefined();

    const reports = await writeErrorReports(r.files, districtResolver(db));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reports[0]!.data as unknown as ArrayBuffer);
    const reasons = wb.worksheets[0]!.getColumn(6).values.slice(5);
    expect(reasons).toEqual(['Nama usaha kosong.', 'Kabupaten/kota tidak diisi dan berkas tidak menyebutkannya.']);
    db.close();
  });
});

describe('in-file repeats', () => {
  it('a shipment listed twice is imported once; the note names the earlier row, in the UI language', async () => {
    const { db } = tempDb();
    const text = 'Tanggal;Eksportir;Uraian Barang;Kode HS;Negara Tujuan;Nilai FOB (US$)\n' +
      '05/02/2025;UD Sawit Kecil;Sabun;3401.11;Thailand;1.125,75\n07/02/2025;UD Ikan Asin;Ikan asin;0305.59;Singapura;310,4\n05/02/2025;UD Sawit Kecil;Sabun;3401.11;Thailand;1.125,75\n';
    const r = await importShipments(db, [{ name: 'seruyan.csv', data: Buffer.from(text, 'utf8'), district: '6207' }], { dryRun: true });
    const f = r.files[0]!;
    expect(f.accepted).toBe(2);
    expect(f.duplicates).toHaveLength(1);
    const d = f.duplicates[0]!;
    expect([d.row, d.messageKey]).toEqual([4, { key: 'imp.ship.same', params: { row: 2, sheet: 'seruyan' } }]);
    expect(d.reason).toBe('Pengapalan yang sama dengan baris 2 (seruyan); diimpor sekali.');
    expect(noteText(d, 'id')).toBe(d.reason);
    expect(noteText(d, 'en')).toBe('The same shipment as row 2 (seruyan); imported once.');
    db.close();
  });

  it('a Go Ekspor list: a row with only an NIB is matched, a repeat recorded once with its key, totals and signatures skipped', async () => {
    const { db } = tempDb();
    createRecord(db, { business_name: 'Keripik Kelakai Ibu Sari', nib: '9120001000001', district_code: '6202' });
    createRecord(db, { business_name: 'Rotan Jaya Abadi', district_code: '6201' });
    const act = saveActivity(db, { kind: 'pelatihan', title: 'Pelatihan ekspor', date: '2025-03-12' });
    const data = await xlsx(
      [
        ['DAFTAR HADIR PELATIHAN EKSPOR'],
        [],
        ['No', 'NIB', 'Nama Usaha', 'Kabupaten/Kota', 'Kehadiran'],
        [1, '9120001000001', null, null, null],
        [2, null, 'Rotan Jaya Abadi', 'Kotawaringin Barat', 'Hadir'],
        [3, null, 'Rotan Jaya Abadi', 'Kotawaringin Barat', 'Hadir'],
        ['Jumlah peserta', null, null, null, 3],
        [null, null, 'Mengetahui,', null, null],
        [null, null, 'Kepala Dinas', null, null],
      ],
      'Peserta',
    );
    const r = (await importGoEkspor(db, { name: 'peserta.xlsx', data }, { kind: 'participants', activityId: act.id, dryRun: true, today: '2025-11-20' })).files[0]!;
    expect([r.status, r.accepted, r.refused.length]).toEqual(['imported', 2, 0]);
    expect(r.duplicates.map((d) => [d.row, d.business_name, d.messageKey])).toEqual([[6, 'Rotan Jaya Abadi', { key: 'imp.ge.sameParticipant', params: { row: 5 } }]]);
    expect(r.duplicates[0]!.reason).toBe('IKM yang sama sudah ada di baris 5; dicatat sekali.');
    expect(noteText(r.duplicates[0]!, 'en')).toBe('The same IKM is already on row 5; recorded once.');
    db.close();
  });

  it('a Go Ekspor list without its activity, or without a table, is refused by key', async () => {
    const { db } = tempDb();
    await expect(importGoEkspor(db, { name: 'x.xlsx', data: Buffer.alloc(0) }, { kind: 'participants' })).rejects.toMatchObject({ key: 'imp.ge.chooseActivity' });
    const act = saveActivity(db, { kind: 'pelatihan', title: 'Pelatihan', date: '2025-03-12' });
    const data = await xlsx([['Sesuatu', 'Lain'], ['a', 'b']], 'Lembar1');
    const r = (await importGoEkspor(db, { name: 'bukan.xlsx', data }, { kind: 'participants', activityId: act.id, dryRun: true })).files[0]!;
    expect(r).toMatchObject({ status: 'refused', messageKey: { key: 'imp.ge.noParticipants' } });
    expect(r.message).toMatch(/^Tidak ditemukan daftar peserta/);
    db.close();
  });
});

/** The export recap a trade office really keeps, dated only by its PEB (issue 11 item 10). */
import { describe, expect, it } from 'vitest';
import { importShipments } from '../../electron/core/shipments/import';
import { tempDb } from './helpers';

describe('shipments dated by the PEB', () => {
  it('a recap whose only date is "Tgl PEB" imports, dated by it; a sub-total is skipped; columns left out are listed', async () => {
    const { db } = tempDb();
    const csv = 'REKAP EKSPOR KALIMANTAN TENGAH 2025\n\nNo;Tgl PEB;No. PEB;Nama Perusahaan;Kab/Kota;Negara Tujuan;Nilai FOB (US$);Catatan Petugas\n' +
      '1;12/03/2025;000123;CV Rotan Katingan;Katingan;Malaysia;12.500,50;sudah diverifikasi\n' +
      '2;14-03-2025;000124;UD Purun Jaya;Kapuas;Jepang;3.000;\n' +
      ';;;Jumlah;;;15.500,50;\n';
    const r = await importShipments(db, [{ name: 'rekap_peb.csv', data: Buffer.from(csv) }]);
    const f = r.files[0]!;
    expect(f).toMatchObject({ status: 'imported', accepted: 2, refused: [] });
    expect(f.sheets[0]!.columns.find((c) => c.header === 'Tgl PEB')).toMatchObject({ field: 'peb_date' });
    expect(f.unmapped).toEqual([{ sheet: 'rekap_peb', column: 'H', header: 'Catatan Petugas', values: 1, examples: ['sudah diverifikasi'] }]);
    expect(db.prepare('SELECT date, peb_date, exporter_name, fob_usd FROM shipment ORDER BY date').all()).toEqual([
      { date: '2025-03-12', peb_date: '2025-03-12', exporter_name: 'CV Rotan Katingan', fob_usd: 12500.5 },
      { date: '2025-03-14', peb_date: '2025-03-14', exporter_name: 'UD Purun Jaya', fob_usd: 3000 },
    ]);
    db.close();
  });

  it('a column mapped by hand in the preview is used ("Tanggal Dokumen" as the date)', async () => {
    const { db } = tempDb();
    const csv = 'Tanggal Dokumen;Eksportir;Kab/Kota;Negara Tujuan;Nilai FOB\n01/02/2025;CV A;Katingan;Jepang;10\n';
    const r = await importShipments(db, [{ name: 'b.csv', data: Buffer.from(csv), mapping: { 'Tanggal Dokumen': 'date' } }], { dryRun: true });
    expect(r.files[0]).toMatchObject({ status: 'imported', accepted: 1 });
    db.close();
  });
});

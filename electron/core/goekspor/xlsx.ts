/**
 * Everything of Go Ekspor as one .xlsx: readiness, certificates, activities with their
 * participants, featured products. Text from the data is written as text cells (never formulas),
 * NIB as text so its leading zeros survive; the sheets' headers match what the import reads back.
 */
import ExcelJS from 'exceljs';
import { ACTIVITY_LABELS, CERT_LABELS, STAGE_LABELS } from '../../../shared/goekspor';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { programIkm } from './readiness';
import { listActivities, listCertificates, listDecrees, listParticipants, localToday } from './store';

type Cell = string | number | null;

function sheet(wb: ExcelJS.Workbook, name: string, headers: [string, number][], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDFE7F1' } };
  for (const r of rows) ws.addRow(r.map((v) => (v == null ? null : v)));
  // Strings go in as string cells (exceljs writes formulas only from {formula}): "=1+1" or "0123" stay text.
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

export async function goEksporWorkbook(db: DB, today = localToday()): Promise<Buffer> {
  const resolver = districtResolver(db);
  const district = (code: string) => {
    const d = resolver.get(code);
    return d ? `${d.type === 'Kota' ? 'Kota' : 'Kab.'} ${d.name}` : code;
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pangkalan IKM';
  sheet(
    wb,
    'Kesiapan ekspor',
    [['NIB', 16], ['Nama Usaha', 30], ['Kabupaten/Kota', 22], ['Tahap', 16], ['Sejak', 12], ['Skor', 7], ['Yang belum', 50], ['Langkah berikut', 40]],
    programIkm(db, {}, today).map((p) => [p.nib, p.business_name, district(p.district_code), STAGE_LABELS[p.stage], p.since, p.score, p.missing.join('; '), p.next]),
  );
  sheet(
    wb,
    'Sertifikat',
    [['NIB', 16], ['Nama Usaha', 30], ['Kabupaten/Kota', 22], ['Jenis', 18], ['Nomor', 22], ['Tanggal terbit', 13], ['Berlaku sampai', 13], ['Status', 12], ['Tanggal mulai', 13], ['Hari dalam tahap', 10], ['Peringatan', 24], ['Keterangan', 30]],
    listCertificates(db, {}, today).map((c) => [
      c.nib, c.business_name, district(c.district_code), c.type === 'lainnya' && c.label ? c.label : CERT_LABELS[c.type], c.number, c.issued_on, c.expires_on, c.status, c.status_since, c.days_in_status,
      c.flags.map((f) => (f === 'stuck' ? 'macet' : f === 'expiring' ? 'segera kedaluwarsa' : 'kedaluwarsa')).join(', ') || null, c.notes,
    ]),
  );
  const activities = listActivities(db);
  sheet(
    wb,
    'Kegiatan',
    [['Tanggal', 12], ['Jenis', 14], ['Nama kegiatan', 40], ['Tempat', 24], ['Penyelenggara', 28], ['Peserta', 9], ['Hadir', 9]],
    activities.map((a) => [a.date, ACTIVITY_LABELS[a.kind], a.title, a.place, a.organiser, a.participants, a.attended]),
  );
  sheet(
    wb,
    'Peserta',
    [['Tanggal', 12], ['Nama kegiatan', 36], ['NIB', 16], ['Nama Usaha', 30], ['Kabupaten/Kota', 22], ['Hadir', 8], ['Keterangan', 24]],
    activities.flatMap((a) => listParticipants(db, a.id).map((p) => [a.date, a.title, p.nib, p.business_name, district(p.district_code), p.attended ? 'hadir' : 'tidak', p.note])),
  );
  sheet(
    wb,
    'Produk unggulan',
    [['Nomor SK', 26], ['Tanggal SK', 12], ['NIB', 16], ['Nama Usaha', 30], ['Kabupaten/Kota', 22], ['Produk', 30], ['Komoditi', 20]],
    listDecrees(db).flatMap((d) => d.products.map((p) => [d.number, d.date, p.nib, p.business_name, district(p.district_code), p.product, p.commodity])),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

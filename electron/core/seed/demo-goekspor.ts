/**
 * Demo Go Ekspor program data on top of the demo registry: a governor's decree with featured
 * products, legality and certificates in every state (one halal file stuck for 11 months, one
 * certificate about to expire), a training, a mentoring and an expo with attendance, and IKM
 * spread over the pipeline. Deterministic, for the first run, the screenshots and the tests.
 */
import type { DB } from '../db/open';
import { addFeatured, saveActivity, saveCertificate, saveDecree, setParticipant } from '../goekspor/store';
import { moveStage } from '../goekspor/readiness';
import type { Stage } from '../../../shared/goekspor';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthsAgo = (today: Date, m: number) => iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - m, Math.min(today.getUTCDate(), 28))));

export function seedGoEksporDemo(db: DB, province = '62', today = new Date()): number {
  const ikm = db
    .prepare(`SELECT id, commodity FROM ikm WHERE deleted_at IS NULL AND nib IS NOT NULL AND substr(district_code, 1, 2) = ? ORDER BY id LIMIT 24`)
    .all(province) as { id: number; commodity: string | null }[];
  if (ikm.length < 12) return 0;
  const t = iso(today);
  const decree = saveDecree(db, { number: `188.44/${today.getUTCFullYear()}/PROD-UNGGULAN`, date: monthsAgo(today, 8), province_code: province, title: 'Penetapan Produk Unggulan Daerah' });
  ikm.slice(0, 10).forEach((x) => addFeatured(db, { decree_id: decree.id, ikm_id: x.id, product: x.commodity ?? 'Produk unggulan', commodity: x.commodity }));
  ikm.forEach((x, i) => {
    if (i % 3 !== 2) saveCertificate(db, { ikm_id: x.id, type: 'pirt', status: 'terbit', number: `P-IRT ${2060000000 + i}`, issued_on: monthsAgo(today, 20), expires_on: i === 0 ? iso(new Date(today.getTime() + 40 * 86_400_000)) : monthsAgo(today, -40), status_since: monthsAgo(today, 20) }, { today: t });
    if (i < 14) saveCertificate(db, { ikm_id: x.id, type: 'halal', status: i < 6 ? 'terbit' : 'proses', status_since: monthsAgo(today, i === 7 ? 11 : i < 6 ? 14 : 3), issued_on: i < 6 ? monthsAgo(today, 14) : null }, { today: t });
    if (i < 5) saveCertificate(db, { ikm_id: x.id, type: 'merek', status: 'terbit', issued_on: monthsAgo(today, 10), status_since: monthsAgo(today, 10) }, { today: t });
  });
  const training = saveActivity(db, { kind: 'pelatihan', title: 'Pelatihan Ekspor Produk Unggulan', date: monthsAgo(today, 6), place: 'Palangka Raya', organiser: 'Disperindag Provinsi' });
  const mentoring = saveActivity(db, { kind: 'pendampingan', title: 'Pendampingan Sertifikasi Halal', date: monthsAgo(today, 4), place: 'Palangka Raya', organiser: 'Disperindag Provinsi' });
  const expo = saveActivity(db, { kind: 'pameran', title: 'Trade Expo Indonesia', date: monthsAgo(today, 1), place: 'Tangerang', organiser: 'Kementerian Perdagangan' });
  ikm.slice(0, 16).forEach((x, i) => setParticipant(db, { activity_id: training.id, ikm_id: x.id, attended: i % 5 !== 4 }));
  ikm.slice(0, 10).forEach((x) => setParticipant(db, { activity_id: mentoring.id, ikm_id: x.id, attended: true }));
  ikm.slice(0, 5).forEach((x) => setParticipant(db, { activity_id: expo.id, ikm_id: x.id, attended: true }));
  const stages: Stage[] = ['pameran', 'pameran', 'pendampingan', 'pendampingan', 'pendampingan', 'sertifikasi', 'sertifikasi', 'sertifikasi', 'sertifikasi', 'legalitas', 'legalitas', 'legalitas'];
  // An IKM that already has a shipment of its own is at its first export (moveStage holds it there).
  const shipped = db.prepare(`SELECT 1 FROM shipment WHERE ikm_id = ? AND deleted_at IS NULL`);
  stages.forEach((s, i) => moveStage(db, ikm[i]!.id, shipped.get(ikm[i]!.id) ? 'ekspor' : s, 'Data contoh', t));
  return ikm.length;
}

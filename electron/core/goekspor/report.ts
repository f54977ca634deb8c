/**
 * "Kesiapan ekspor IKM": every IKM on the Go Ekspor board in the report's area, with its stage,
 * score, what is still missing and the next step. The body of a ReportModel, rendered with kop
 * surat and signature by the report catalogue (.xlsx, PDF, preview) like the other reports.
 */
import { READINESS_RULES, STAGE_LABELS, STAGES } from '../../../shared/goekspor';
import type { ReportColumn, ReportModel, ReportParams } from '../../../shared/reports';
import { bilingual, joined, subtitled, type Bilingual } from '../../../shared/reports';
import type { DB } from '../db/open';
import { programIkm } from './readiness';
import { localToday } from './store';

export function kesiapanEksporBody(
  db: DB,
  params: ReportParams,
  c: { area: Bilingual; districtName(code: string | null): string; today?: string },
): Omit<ReportModel, 'name' | 'title' | 'generatedAt'> {
  const today = c.today ?? localToday();
  const list = programIkm(db, { province: params.district ? undefined : params.province, district: params.district }, today).sort(
    (a, b) => STAGES.indexOf(b.stage) - STAGES.indexOf(a.stage) || b.score - a.score || a.business_name.localeCompare(b.business_name, 'id'),
  );
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'no', width: 5 },
    { key: 'nib', header: 'NIB', kind: 'code', width: 16 },
    { key: 'business_name', header: 'Nama Usaha', kind: 'text', width: 28 },
    { key: 'district', header: 'Kabupaten/Kota', kind: 'text', width: 20 },
    { key: 'stage', header: 'Tahap', kind: 'text', width: 17 },
    { key: 'score', header: 'Skor', kind: 'int', width: 7 },
    { key: 'missing', header: 'Yang belum', kind: 'text', width: 37 },
    { key: 'next', header: 'Langkah berikut', kind: 'text', width: 32 },
  ];
  const rows = list.map((p, i) => ({
    no: i + 1,
    nib: p.nib ?? '',
    business_name: p.business_name,
    district: c.districtName(p.district_code),
    stage: STAGE_LABELS[p.stage],
    score: p.score,
    missing: p.missing.join('; ') || '–',
    next: p.next,
  }));
  const counts = STAGES.map((s) => list.filter((p) => p.stage === s).length);
  const avg = list.length ? Math.round(list.reduce((s, p) => s + p.score, 0) / list.length) : 0;
  return {
    ...subtitled(joined(c.area, bilingual('sub.asOf', {}, { day: today }))),
    columns,
    rows,
    rowCount: rows.length,
    totals: null,
    charts: [{ kind: 'bar', id: 'geStagesReport', title: 'IKM per tahap Go Ekspor', labels: STAGES.map((s) => STAGE_LABELS[s]), labelKeys: STAGES.map((s) => `ge.stage.${s}`), series: [{ name: 'IKM', key: 'chart.s.ikm', values: counts }], unit: 'IKM' }],
    notes: [
      `Jumlah IKM dalam program: ${list.length}; rata-rata skor kesiapan ${avg}.`,
      `Skor 0–100 = poin yang dipenuhi dibagi bobot yang berlaku. Bobot: ${READINESS_RULES.map((r) => `${r.label} ${r.weight}`).join(', ')}.`,
      'Sertifikat dihitung bila terbit dan belum kedaluwarsa; masih proses = separuh bobot. Izin edar dan halal hanya wajib bagi IKM pangan (KBLI 10/11 atau KBLI kosong).',
    ],
  };
}

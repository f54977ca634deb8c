/**
 * The Go Ekspor dashboard: IKM per stage and per district, certificates issued per month, the halal
 * pipeline with time in stage, featured products per district — as ReportCharts the renderer's
 * offline Chart component draws.
 */
import type { GoEksporDashboard } from '../../../shared/goekspor-contract';
import { certificateFlags, daysBetween, STAGE_LABELS, STAGES, type CertStatus, type CertType, type Stage } from '../../../shared/goekspor';
import { shortMonth } from '../../../shared/locale';
import type { DB } from '../db/open';
import { districtResolver } from '../reference/areas';
import { programIkm } from './readiness';
import { localToday, stuckMonths } from './store';

export function dashboard(db: DB, province?: string, today = localToday()): GoEksporDashboard {
  const resolver = districtResolver(db);
  const name = (code: string) => {
    const d = resolver.get(code);
    return d ? `${d.type === 'Kota' ? 'Kota ' : ''}${d.name}` : code;
  };
  const prov = province ? ` AND substr(i.district_code, 1, 2) = '${province.replace(/\D/g, '')}'` : '';
  const list = programIkm(db, { province }, today);
  const stageCounts = Object.fromEntries(STAGES.map((s) => [s, list.filter((p) => p.stage === s).length])) as Record<Stage, number>;
  const districts = [...new Set(list.map((p) => p.district_code))].sort();

  // Certificates issued per month over the last 12 months (by issue date).
  const months: string[] = [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  const issued = new Map(
    (db
      .prepare(
        `SELECT substr(c.issued_on, 1, 7) AS ym, count(*) AS n FROM ge_certificate c JOIN ikm i ON i.id = c.ikm_id AND i.deleted_at IS NULL
         WHERE c.deleted_at IS NULL AND c.issued_on >= ? AND c.status IN ('terbit', 'kedaluwarsa')${prov} GROUP BY ym`,
      )
      .all(`${months[0]}-01`) as { ym: string; n: number }[]).map((r) => [r.ym, r.n]),
  );

  const stuck = stuckMonths(db);
  const certs = db
    .prepare(
      `SELECT c.ikm_id, c.type, c.status, c.status_since, c.expires_on, i.business_name, i.district_code FROM ge_certificate c
       JOIN ikm i ON i.id = c.ikm_id AND i.deleted_at IS NULL WHERE c.deleted_at IS NULL${prov}`,
    )
    .all() as { ikm_id: number; type: CertType; status: CertStatus; status_since: string; expires_on: string | null; business_name: string; district_code: string }[];
  const flagged = { expiring: 0, expired: 0, stuck: 0 };
  for (const c of certs) for (const f of certificateFlags(c, today, stuck)) flagged[f]++;
  const halal = certs
    .filter((c) => c.type === 'halal' && c.status !== 'terbit')
    .map((c) => ({ ikm_id: c.ikm_id, business_name: c.business_name, district_code: c.district_code, status: c.status, since: c.status_since, days: Math.max(0, daysBetween(c.status_since, today)), stuck: certificateFlags(c, today, stuck).includes('stuck') }))
    .sort((a, b) => b.days - a.days);

  const featured = db
    .prepare(
      `SELECT i.district_code, count(*) AS n FROM ge_featured f JOIN ge_decree d ON d.id = f.decree_id AND d.deleted_at IS NULL
       JOIN ikm i ON i.id = f.ikm_id AND i.deleted_at IS NULL WHERE f.deleted_at IS NULL${prov} GROUP BY i.district_code ORDER BY n DESC, i.district_code`,
    )
    .all() as { district_code: string; n: number }[];

  const halalBuckets = ['< 3 bulan', '3–6 bulan', '6–10 bulan', '≥ 10 bulan'];
  const bucket = (days: number) => (days < 91 ? 0 : days < 183 ? 1 : days < 304 ? 2 : 3);
  const inProses = halal.filter((h) => h.status === 'proses');
  return {
    inProgram: list.length,
    exported: list.filter((p) => p.shipments > 0).length,
    flagged,
    stageCounts,
    halal,
    charts: [
      { kind: 'bar', id: 'geStages', title: 'IKM per tahap', labels: STAGES.map((s) => STAGE_LABELS[s]), labelKeys: STAGES.map((s) => `ge.stage.${s}`), series: [{ name: 'IKM', key: 'chart.s.ikm', values: STAGES.map((s) => stageCounts[s]) }], unit: 'IKM' },
      {
        kind: 'bar',
        id: 'geDistrictStages',
        title: 'IKM per kabupaten/kota dan tahap',
        labels: districts.map(name),
        series: STAGES.map((s) => ({ name: STAGE_LABELS[s], key: `ge.stage.${s}`, values: districts.map((d) => list.filter((p) => p.district_code === d && p.stage === s).length) })),
        unit: 'IKM',
      },
      {
        kind: 'line',
        id: 'geCertificates',
        title: 'Sertifikat terbit per bulan',
        labels: months.map((ym) => shortMonth(ym)),
        labelsEn: months.map((ym) => shortMonth(ym, 'en')),
        series: [{ name: 'Sertifikat', key: 'chart.s.certificates', values: months.map((ym) => issued.get(ym) ?? 0) }],
        unit: 'sertifikat',
      },
      {
        kind: 'bar',
        id: 'geHalal',
        title: 'Pendampingan halal: lama dalam proses',
        labelKeys: ['chart.halal.lt3', 'chart.halal.3to6', 'chart.halal.6to10', 'chart.halal.ge10'],
        labels: halalBuckets,
        series: [{ name: 'IKM', key: 'chart.s.ikm', values: halalBuckets.map((_, i) => inProses.filter((h) => bucket(h.days) === i).length) }],
        unit: 'IKM',
      },
      { kind: 'bar', id: 'geFeatured', title: 'Produk unggulan per kabupaten/kota', labels: featured.map((f) => name(f.district_code)), series: [{ name: 'Produk', key: 'chart.s.products', values: featured.map((f) => f.n) }], unit: 'produk' },
    ],
  };
}

/** A report's period and area: the SQL range they mean and how the subtitle states them. */
import type { Bilingual, ReportParams } from '../../../shared/reports';
import { bilingual } from '../../../shared/reports';
import { localDay } from '../../../shared/parse';
import type { DistrictResolver, Province } from '../../../shared/areas';

export interface Scope {
  from: string | null;
  to: string | null;
  /** "Tahun 2025", "1 Januari 2025 s.d. 30 Juni 2025" (and in English), or null for all data. */
  period: Bilingual | null;
  /** "Kabupaten Seruyan, Provinsi Kalimantan Tengah" / "Provinsi Kalimantan Tengah" / "Seluruh Kalimantan" (and in English). */
  area: Bilingual;
  province?: string;
  district?: string;
  /** The day the figures are taken (for "keadaan per …"). */
  today: string;
}

export function resolveScope(p: ReportParams, districts: DistrictResolver, provinces: Province[], now = new Date()): Scope {
  let from = p.from ?? null;
  let to = p.to ?? null;
  if (p.year != null) {
    from = `${p.year}-01-01`;
    to = `${p.year}-12-31`;
  }
  const period =
    p.year != null ? bilingual('sub.year', { year: p.year })
    : from && to ? bilingual('sub.range', {}, { from, to })
    : from ? bilingual('sub.since', {}, { from })
    : to ? bilingual('sub.until', {}, { to })
    : null;
  const d = p.district ? districts.get(p.district) : undefined;
  const provinceCode = d?.provinceCode ?? p.province;
  const provinceName = provinces.find((x) => x.code === provinceCode)?.name;
  const area =
    d ? bilingual(d.type === 'Kota' ? 'sub.city' : 'sub.regency', { name: d.name, province: d.province })
    : provinceName ? bilingual('sub.province', { name: provinceName })
    : bilingual('sub.all');
  return { from, to, period, area, province: p.district ? undefined : p.province, district: p.district, today: localDay(now) };
}

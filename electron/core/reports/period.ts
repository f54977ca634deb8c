/** A report's period and area: the SQL range they mean and how the title states them. */
import type { ReportParams } from '../../../shared/reports';
import { indonesianDate } from '../../../shared/reports';
import { localDay } from '../../../shared/parse';
import type { DistrictResolver, Province } from '../../../shared/areas';

export interface Scope {
  from: string | null;
  to: string | null;
  /** "Tahun 2025", "1 Januari 2025 s.d. 30 Juni 2025", or null for all data. */
  period: string | null;
  /** "Kabupaten Seruyan, Provinsi Kalimantan Tengah" / "Provinsi Kalimantan Tengah" / "Seluruh Kalimantan". */
  area: string;
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
    p.year != null ? `Tahun ${p.year}`
    : from && to ? `${indonesianDate(from)} s.d. ${indonesianDate(to)}`
    : from ? `Sejak ${indonesianDate(from)}`
    : to ? `Sampai dengan ${indonesianDate(to)}`
    : null;
  const d = p.district ? districts.get(p.district) : undefined;
  const provinceCode = d?.provinceCode ?? p.province;
  const provinceName = provinces.find((x) => x.code === provinceCode)?.name;
  const area = d ? `${d.type} ${d.name}, Provinsi ${d.province}` : provinceName ? `Provinsi ${provinceName}` : 'Seluruh Kalimantan';
  return { from, to, period, area, province: p.district ? undefined : p.province, district: p.district, today: localDay(now) };
}

/** Province and district pickers, the same in the filters, the reports and the dashboard. */
import { useAreas } from '../areas';

interface Props {
  value: string | undefined;
  onChange(code: string | undefined): void;
  /** The first option, "all" (Semua provinsi / Seluruh Kalimantan); without it a province must be chosen. */
  all?: string;
  label?: string;
}

export function ProvinceSelect({ value, onChange, all, label }: Props) {
  const areas = useAreas();
  return (
    <select aria-label={label ?? all} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      {all != null && <option value="">{all}</option>}
      {areas.provinces.map((p) => (
        <option key={p.code} value={p.code}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

/** Districts of `province` (or all), by the names staff use ("Kota Palangka Raya", "Katingan"). */
export function DistrictSelect({ value, onChange, all, label, province }: Props & { province?: string }) {
  const areas = useAreas();
  return (
    <select aria-label={label ?? all} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{all}</option>
      {areas.districts
        .filter((d) => !province || d.provinceCode === province)
        .map((d) => (
          <option key={d.code} value={d.code}>
            {areas.name(d.code)}
          </option>
        ))}
    </select>
  );
}

/** A year picker, newest first: the reports and the dashboard look back over the same years. */
const YEARS_BACK = 12;

interface Props {
  value: number | undefined;
  onChange(year: number | undefined): void;
  /** The first option, "all years". */
  all: string;
  label?: string;
}

export function YearSelect({ value, onChange, all, label }: Props) {
  const now = new Date().getFullYear();
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
      <option value="">{all}</option>
      {Array.from({ length: YEARS_BACK }, (_, i) => now - i).map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

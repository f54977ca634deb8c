/** id-ID formats: 1.500.000, Rp 1.500.000, 23/11/2026. */
const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

export const formatNumber = (n: number | null | undefined): string => (n == null ? '' : number.format(n));
export const formatMoney = (n: number | null | undefined): string => (n == null ? '' : `Rp ${number.format(n)}`);

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}.${p(d.getMinutes())}`;
}

/**
 * Districts (kabupaten/kota) and how staff write them. The reference rows come from
 * resources/wilayah_kalimantan.csv through the core; this module only matches names to codes,
 * so the grid (renderer) and the importer (core) resolve "Kotim" the same way.
 */
import { fold } from './text';

export interface District {
  code: string; // 4-digit BPS code
  provinceCode: string; // 2-digit BPS code
  province: string;
  type: 'Kabupaten' | 'Kota';
  name: string;
  variants: string[];
}

export interface Province {
  code: string;
  name: string;
}

/** How staff and BPS titles shorten the Kalimantan provinces ("Kaltim", "Kalsel"), by BPS code. */
const PROVINCE_SHORT: Readonly<Record<string, string>> = { '61': 'kalbar', '62': 'kalteng', '63': 'kalsel', '64': 'kaltim', '65': 'kaltara' };

/**
 * The one province that texts (a table's title lines) name: "Nilai Ekspor dan Impor Provinsi
 * Kalimantan Timur", "EKSPOR KALTIM 2024". Null when they name none, or more than one.
 */
export function provinceNamed(texts: readonly string[], provinces: readonly Province[]): Province | null {
  const haystack = ` ${fold(texts.join(' ')).replace(/[^a-z0-9]+/g, ' ')} `;
  const named = provinces.filter((p) => [p.name, PROVINCE_SHORT[p.code]].some((n) => n && haystack.includes(` ${fold(n).replace(/[^a-z0-9]+/g, ' ').trim()} `)));
  return named.length === 1 ? named[0]! : null;
}

/** How a district reads in the grid and in exports: "Kota Banjarmasin", "Banjar". */
export const districtLabel = (d: Pick<District, 'type' | 'name'>): string => `${d.type === 'Kota' ? 'Kota ' : ''}${d.name}`;

/** Folded key of a district name with its administrative prefix removed. */
export function districtKey(text: string): string {
  return fold(text)
    .replace(/[.,()]/g, ' ')
    .replace(/^(kabupaten|kab|kota|kotamadya|kodya|pemkab|pemkot)\s+/, '')
    .replace(/\s+/g, '');
}

export class DistrictResolver {
  private readonly byKey = new Map<string, District>();
  private readonly byCode = new Map<string, District>();

  constructor(readonly districts: readonly District[]) {
    for (const d of districts) {
      this.byCode.set(d.code, d);
      for (const alias of [d.name, ...d.variants]) this.byKey.set(districtKey(alias), d);
    }
    // A kota and a kabupaten can share a name (Kota Banjarmasin has no kabupaten twin, but
    // Kotabaru is a kabupaten): "Kota X" must win for kota, so index the typed form too.
    for (const d of districts) this.byKey.set(fold(`${d.type} ${d.name}`).replace(/\s+/g, ''), d);
  }

  /** The district a typed name or BPS code means, or null. */
  resolve(text: unknown): District | null {
    if (text == null) return null;
    const s = String(text).trim();
    if (s === '') return null;
    if (/^\d{4}$/.test(s)) return this.byCode.get(s) ?? null;
    const typed = fold(s).replace(/[.,()]/g, ' ').replace(/^kab\s+/, 'kabupaten ').replace(/\s+/g, '');
    return this.byKey.get(typed) ?? this.byKey.get(districtKey(s)) ?? null;
  }

  get(code: string): District | undefined {
    return this.byCode.get(code);
  }
}

/** The district a file's name or title rows speak of ("DATA IKM KABUPATEN SERUYAN", "kotim_2025.xlsx"). */
import type { DistrictResolver } from '../../../shared/areas';
import { fold } from '../../../shared/text';

export function suggestDistrict(fileName: string, titles: string[], resolver: DistrictResolver): string | null {
  const haystack = ` ${fold([fileName.replace(/[_\-.]+/g, ' '), ...titles].join(' ')).replace(/[^a-z0-9]+/g, ' ')} `;
  let best: { code: string; len: number } | null = null;
  for (const d of resolver.districts) {
    for (const alias of [d.name, ...d.variants]) {
      const a = fold(alias).replace(/[^a-z0-9]+/g, ' ').trim();
      // The longest name wins: "Kotawaringin Timur" over "Kotawaringin".
      if (a.length >= 4 && haystack.includes(` ${a} `) && (!best || a.length > best.len)) best = { code: d.code, len: a.length };
    }
  }
  return best?.code ?? null;
}

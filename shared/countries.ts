/**
 * Countries (ISO 3166-1) and how shipment files write them: "Malaysia", "Tiongkok", "China",
 * "RRT", "MY", "MYS". The rows come from resources/negara.csv through the core; this module only
 * matches names to codes, so the grid (renderer) and the importer (core) agree.
 */
import type { Lang } from './messages';
import { fold } from './text';

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  alpha3: string;
  /** Indonesian name (what reports show). */
  name: string;
  /** English name. */
  nameEn: string;
  aliases: string[];
}

const key = (text: string) => fold(text).replace(/[^a-z0-9]+/g, '');

export class CountryResolver {
  private readonly byKey = new Map<string, Country>();
  private readonly byCode = new Map<string, Country>();

  /** `lang`: the language `name()` and `byName()` speak unless told otherwise (the screen's; reports stay 'id'). */
  constructor(
    readonly countries: readonly Country[],
    readonly lang: Lang = 'id',
  ) {
    for (const c of countries) {
      this.byCode.set(c.code, c);
      this.byCode.set(c.alpha3, c);
      for (const alias of [c.name, c.nameEn, ...c.aliases]) this.byKey.set(key(alias), c);
    }
  }

  /** The country a typed name or ISO code means, or null. Codes win over names ("AS" is American Samoa). */
  resolve(text: unknown): Country | null {
    if (text == null) return null;
    const s = String(text).trim();
    if (s === '') return null;
    if (/^[A-Za-z]{2,3}$/.test(s)) {
      const byCode = this.byCode.get(s.toUpperCase());
      if (byCode) return byCode;
    }
    // "Malaysia (MY)", "Jepang / Japan": try the whole text, then its parts.
    const whole = this.byKey.get(key(s));
    if (whole) return whole;
    for (const part of s.split(/[()/,;]+/)) {
      const p = part.trim();
      if (!p) continue;
      const c = /^[A-Za-z]{2,3}$/.test(p) ? this.byCode.get(p.toUpperCase()) : this.byKey.get(key(p));
      if (c) return c;
    }
    return null;
  }

  get(code: string): Country | undefined {
    return this.byCode.get(code);
  }

  /** The country's name in Indonesian (reports, the default) or English. */
  name(code: string | null | undefined, lang: Lang = this.lang): string {
    const c = code ? this.byCode.get(code) : undefined;
    return c ? (lang === 'en' ? c.nameEn : c.name) : (code ?? '');
  }

  /** Every country, in the alphabetical order of its name in `lang` (a dropdown's order). */
  byName(lang: Lang = this.lang): Country[] {
    return [...this.countries].sort((a, b) => this.name(a.code, lang).localeCompare(this.name(b.code, lang), lang));
  }
}

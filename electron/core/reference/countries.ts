/** Countries from resources/negara.csv (ISO 3166-1 with Indonesian names), read once per process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CountryResolver, type Country } from '../../../shared/countries';
import { resourcesDir } from '../paths';

let cached: CountryResolver | null = null;

export function readCountriesCsv(dir?: string): Country[] {
  const text = readFileSync(join(resourcesDir(dir), 'negara.csv'), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  lines.shift();
  return lines.map((line) => {
    const [code = '', alpha3 = '', name = '', nameEn = '', aliases = ''] = line.split(',');
    return { code, alpha3, name, nameEn, aliases: aliases.split(';').map((a) => a.trim()).filter(Boolean) };
  });
}

export function countryResolver(): CountryResolver {
  cached ??= new CountryResolver(readCountriesCsv());
  return cached;
}

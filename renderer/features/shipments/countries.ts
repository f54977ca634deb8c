/** The country list (ISO code, Indonesian and English names) from the core, loaded once per session; names in the UI language. */
import { useEffect, useMemo, useState } from 'react';
import { CountryResolver, type Country } from '../../../shared/countries';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

let cache: Promise<Country[]> | null = null;

export function useCountries(): CountryResolver {
  const { lang } = useI18n();
  const [list, setList] = useState<Country[]>([]);
  useEffect(() => {
    cache ??= api.call('countries.list', {});
    void cache.then(setList, () => (cache = null));
  }, []);
  return useMemo(() => new CountryResolver(list, lang), [list, lang]);
}

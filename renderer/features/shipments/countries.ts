/** The country list (ISO code, Indonesian name) from the core, loaded once per session. */
import { useEffect, useMemo, useState } from 'react';
import { CountryResolver, type Country } from '../../../shared/countries';
import { api } from '../../api/client';

let cache: Promise<Country[]> | null = null;

export function useCountries(): CountryResolver {
  const [list, setList] = useState<Country[]>([]);
  useEffect(() => {
    cache ??= api.call('countries.list', {});
    void cache.then(setList, () => (cache = null));
  }, []);
  return useMemo(() => new CountryResolver(list), [list]);
}

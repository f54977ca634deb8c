/** The reference districts, loaded once: names for the grid, a resolver for typed names. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DistrictResolver, type District, type Province } from '../shared/areas';
import { api } from './api/client';

interface Areas {
  provinces: Province[];
  districts: District[];
  resolver: DistrictResolver;
  name(code: string | null | undefined): string;
}

const Ctx = createContext<Areas | null>(null);

export function AreasProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<{ provinces: Province[]; districts: District[] } | null>(null);
  useEffect(() => {
    void api.call('areas.list', {}).then(setData);
  }, []);
  const value = useMemo<Areas | null>(() => {
    if (!data) return null;
    const byCode = new Map(data.districts.map((d) => [d.code, d]));
    return {
      ...data,
      resolver: new DistrictResolver(data.districts),
      name: (code) => {
        const d = code ? byCode.get(code) : undefined;
        return d ? `${d.type === 'Kota' ? 'Kota ' : ''}${d.name}` : (code ?? '');
      },
    };
  }, [data]);
  if (!value) return null;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAreas(): Areas {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAreas outside AreasProvider');
  return v;
}

/** The reference districts, loaded once: names for the grid, a resolver for typed names. */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DistrictResolver, districtLabel, type District, type Province } from '../shared/areas';
import { api } from './api/client';
import { useI18n } from './i18n/i18n';

interface Areas {
  provinces: Province[];
  districts: District[];
  resolver: DistrictResolver;
  name(code: string | null | undefined): string;
}

const Ctx = createContext<Areas | null>(null);

export function AreasProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [data, setData] = useState<{ provinces: Province[]; districts: District[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    api.call('areas.list', {}).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [attempt]);
  const value = useMemo<Areas | null>(() => {
    if (!data) return null;
    const byCode = new Map(data.districts.map((d) => [d.code, d]));
    return {
      ...data,
      resolver: new DistrictResolver(data.districts),
      name: (code) => {
        const d = code ? byCode.get(code) : undefined;
        return d ? districtLabel(d) : (code ?? '');
      },
    };
  }, [data]);
  // Never a blank window: say what is happening until the reference areas have arrived.
  if (!value)
    return (
      <div className="panel-note" role={error ? 'alert' : 'status'}>
        <p>{error ? t('error.generic', { message: error }) : t('grid.loading')}</p>
        {error && (
          <button type="button" onClick={() => (setError(null), setAttempt((a) => a + 1))}>
            {t('error.retry')}
          </button>
        )}
      </div>
    );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAreas(): Areas {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAreas outside AreasProvider');
  return v;
}

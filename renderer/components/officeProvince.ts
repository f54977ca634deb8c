/**
 * The office's own province: where the dashboard and the reports open (a provincial office reports
 * on its province, not on all of Kalimantan). Kept in Settings (`office.province`); until it is set,
 * the province named in the kop surat ("PEMERINTAH PROVINSI KALIMANTAN TENGAH") is taken.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Province } from '../../shared/areas';
import type { ReportParams } from '../../shared/reports';
import { fold } from '../../shared/text';
import { api } from '../api/client';
import { useAreas } from '../areas';

/** The province a kop surat's government line names, if any. */
export function provinceOfLetterhead(government: string, provinces: readonly Province[]): string | undefined {
  const g = fold(government);
  return provinces.find((p) => g.includes(fold(p.name)))?.code;
}

/** [province code or undefined for all of Kalimantan, loaded, save]. */
export function useOfficeProvince(): [string | undefined, boolean, (code: string | undefined) => void] {
  const areas = useAreas();
  const [value, setValue] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (areas.provinces.length === 0) return;
    let live = true;
    void Promise.all([api.call('settings.get', { key: 'office.province' }), api.call('reports.letterhead', {})]).then(
      ([saved, letterhead]) => {
        if (!live) return;
        setValue(saved === 'all' ? undefined : typeof saved === 'string' ? saved : provinceOfLetterhead(letterhead.government, areas.provinces));
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [areas.provinces]);
  const save = useCallback((code: string | undefined) => {
    setValue(code);
    void api.call('settings.set', { key: 'office.province', value: code ?? 'all' });
  }, []);
  return [value, loaded, save];
}

/**
 * A screen's report parameters: the office's province (null until that is known), then whatever
 * the user picks. Derived rather than copied in an effect, so a changed office province shows at once.
 */
export function useReportParams(office: string | undefined, loaded: boolean): [ReportParams | null, (p: ReportParams) => void] {
  const [chosen, setChosen] = useState<ReportParams | null>(null);
  const initial = useMemo<ReportParams | null>(() => (loaded ? (office ? { province: office } : {}) : null), [loaded, office]);
  return [chosen ?? initial, setChosen];
}

/** Small pieces shared by the Go Ekspor views: an IKM picker over the registry, dates, errors. */
import { localDay } from '../../../shared/parse';
import { useEffect, useState } from 'react';
import type { IkmRecord } from '../../../shared/fields';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';

/** 2025-03-10 → 10/03/2025 (id-ID). */
export const idDate = (iso: string | null | undefined): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
export const today = (): string => localDay();

/** Runs a core call, shows its error as a toast; resolves to undefined on failure. */
export function useRun() {
  const notify = useToast();
  return async <T,>(p: Promise<T>, ok?: string): Promise<T | undefined> => {
    try {
      const r = await p;
      if (ok) notify(ok);
      return r;
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { tone: 'error' });
      return undefined;
    }
  };
}

export interface PickedIkm {
  id: number;
  business_name: string;
  nib: string | null;
  district_code: string;
}

/** Type a name or NIB, pick one of the registry's matches (asked of the core, 8 at a time). */
export function IkmPicker({ value, onChange, label }: { value: PickedIkm | null; onChange(v: PickedIkm | null): void; label?: string }) {
  const { t } = useI18n();
  const areas = useAreas();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<IkmRecord[]>([]);
  useEffect(() => {
    if (!text.trim()) return setHits([]);
    let live = true;
    const h = setTimeout(() => void api.call('ikm.query', { filter: { search: text.trim() }, sort: [], offset: 0, limit: 8 }).then((r) => live && setHits(r.rows)), 200);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [text]);
  if (value)
    return (
      <span className="ge-picked">
        {t('ge.chosen', { name: value.business_name })} <span className="muted">{areas.name(value.district_code)}</span>
        <button type="button" className="link" onClick={() => onChange(null)}>
          {t('ge.change')}
        </button>
      </span>
    );
  return (
    <span className="ge-picker">
      <input type="search" aria-label={label ?? t('ge.pickIkmLabel')} placeholder={t('ge.pickIkm')} value={text} onChange={(e) => setText(e.target.value)} />
      {text.trim() && (
        <ul className="ge-hits" role="listbox" aria-label={label ?? t('ge.pickIkmLabel')}>
          {hits.length === 0 && <li className="muted">{t('ge.noMatch')}</li>}
          {hits.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                onClick={() => {
                  onChange({ id: r.id, business_name: String(r.business_name), nib: (r.nib as string | null) ?? null, district_code: String(r.district_code) });
                  setText('');
                }}
              >
                {String(r.business_name)} <span className="muted">{r.nib ? `· ${String(r.nib)} ` : ''}· {areas.name(String(r.district_code))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

/** The filter bar: search, province and districts, commodity, KBLI, scale and numeric ranges. */
import { useEffect, useRef, useState } from 'react';
import type { IkmFilter } from '../../../shared/contract';
import type { IkmFieldKey } from '../../../shared/fields';
import { parseIdNumber } from '../../../shared/parse';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { ProvinceSelect } from '../../components/AreaSelect';
import { Dropdown } from '../../components/Dropdown';

/** Drops empty entries so the filter (and the page cache key) stays minimal. */
const clean = (f: IkmFilter): IkmFilter =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as IkmFilter;

const RANGE_FIELDS: IkmFieldKey[] = ['workers_total', 'investment_idr', 'production_value_idr', 'year_established'];

/** Remounted (new `key`) when filters are reset, so its typed drafts start empty again. */
export function Filters({ filter, onChange, onReset }: { filter: IkmFilter; onChange(f: IkmFilter): void; onReset(): void }) {
  const { t } = useI18n();
  const areas = useAreas();
  const [search, setSearch] = useState(filter.search ?? '');
  const [commodities, setCommodities] = useState<string[]>([]);

  // Debounced: the server is asked once typing pauses.
  const latest = useRef({ filter, onChange });
  latest.current = { filter, onChange };
  useEffect(() => {
    const h = setTimeout(() => {
      const { filter: f, onChange: change } = latest.current;
      const next = search.trim() || undefined;
      if (f.search !== next) change(clean({ ...f, search: next }));
    }, 250);
    return () => clearTimeout(h);
  }, [search]);
  useEffect(() => {
    void api.call('ikm.distinct', { field: 'commodity' }).then(setCommodities);
  }, []);

  const set = (patch: Partial<IkmFilter>) => onChange(clean({ ...filter, ...patch }));
  const districts = filter.districts ?? [];
  const shownDistricts = areas.districts.filter((d) => !filter.province || d.provinceCode === filter.province);
  const range = (field: IkmFieldKey) => filter.ranges?.find((r) => r.field === field);
  const setRange = (field: IkmFieldKey, which: 'min' | 'max', text: string) => {
    const p = parseIdNumber(text);
    const value = p.ok ? p.value : null;
    const others = (filter.ranges ?? []).filter((r) => r.field !== field);
    const cur = { field, min: range(field)?.min ?? null, max: range(field)?.max ?? null, [which]: value };
    const ranges = cur.min == null && cur.max == null ? others : [...others, cur];
    set({ ranges: ranges.length ? ranges : undefined });
  };
  const active = Object.keys(filter).length > 0;

  return (
    <div className="filters" role="search">
      <input
        type="search"
        className="search"
        placeholder={t('filter.search')}
        aria-label={t('filter.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ProvinceSelect value={filter.province} all={t('filter.province')} onChange={(province) => set({ province, districts: undefined })} />
      <Dropdown summaryLabel={t('filter.districts')} summary={districts.length ? t('filter.districtsN', { n: districts.length }) : t('filter.districtsAll')}>
        <div className="dropdown-body district-list">
          {areas.provinces
            .filter((p) => !filter.province || p.code === filter.province)
            .map((p) => (
              <fieldset key={p.code}>
                <legend>{p.name}</legend>
                {shownDistricts
                  .filter((d) => d.provinceCode === p.code)
                  .map((d) => (
                    <label key={d.code}>
                      <input
                        type="checkbox"
                        checked={districts.includes(d.code)}
                        onChange={(e) =>
                          set({ districts: e.target.checked ? [...districts, d.code] : districts.filter((x) => x !== d.code).length ? districts.filter((x) => x !== d.code) : undefined })
                        }
                      />
                      {areas.name(d.code)}
                    </label>
                  ))}
              </fieldset>
            ))}
        </div>
      </Dropdown>
      <select aria-label={t('filter.commodity')} value={filter.commodity ?? ''} onChange={(e) => set({ commodity: e.target.value || undefined })}>
        <option value="">{t('filter.commodity')}</option>
        {commodities.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <input
        className="kbli"
        inputMode="numeric"
        placeholder={t('filter.kbli')}
        aria-label={t('filter.kbli')}
        value={filter.kbli ?? ''}
        onChange={(e) => set({ kbli: e.target.value.replace(/\D/g, '').slice(0, 5) || undefined })}
      />
      <select aria-label={t('filter.scale')} value={filter.scale ?? ''} onChange={(e) => set({ scale: (e.target.value || undefined) as IkmFilter['scale'] })}>
        <option value="">{t('filter.scale')}</option>
        {(['kecil', 'menengah', 'besar'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`scale.${s}`)}
          </option>
        ))}
      </select>
      <label className="inline-label">
        <input type="checkbox" checked={filter.featured ?? false} onChange={(e) => set({ featured: e.target.checked || undefined })} />
        {t('filter.featured')}
      </label>
      <Dropdown summary={`${t('filter.more')}${filter.ranges?.length ? ` (${filter.ranges.length})` : ''}`}>
        <div className="dropdown-body ranges">
          {RANGE_FIELDS.map((f) => (
            <div key={f} className="range-row">
              <span>{t(`field.${f}` as never)}</span>
              <input aria-label={`${t(`field.${f}` as never)} ${t('filter.min')}`} placeholder={t('filter.min')} defaultValue={range(f)?.min ?? ''} onBlur={(e) => setRange(f, 'min', e.target.value)} onKeyDown={(e) => e.key === 'Enter' && setRange(f, 'min', e.currentTarget.value)} />
              <input aria-label={`${t(`field.${f}` as never)} ${t('filter.max')}`} placeholder={t('filter.max')} defaultValue={range(f)?.max ?? ''} onBlur={(e) => setRange(f, 'max', e.target.value)} onKeyDown={(e) => e.key === 'Enter' && setRange(f, 'max', e.currentTarget.value)} />
            </div>
          ))}
        </div>
      </Dropdown>
      {active && (
        <button type="button" className="link" onClick={onReset}>
          {t('filter.reset')}
        </button>
      )}
    </div>
  );
}

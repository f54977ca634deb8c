/** Filters of the shipments grid: search, period, province/district, country, commodity, HS chapter. */
import { useEffect, useRef, useState } from 'react';
import type { ShipmentFilter } from '../../../shared/contract';
import type { CountryResolver } from '../../../shared/countries';
import { DistrictSelect, ProvinceSelect } from '../../components/AreaSelect';
import { useI18n } from '../../i18n/i18n';

const clean = (f: ShipmentFilter): ShipmentFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as ShipmentFilter;

export function ShipmentFilters({ filter, onChange, countries }: { filter: ShipmentFilter; onChange(f: ShipmentFilter): void; countries: CountryResolver }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState({ search: filter.search ?? '', commodity: filter.commodity ?? '', hs: filter.hs ?? '' });
  const latest = useRef({ filter, onChange });
  latest.current = { filter, onChange };
  // Typed filters are sent once typing pauses.
  useEffect(() => {
    const h = setTimeout(() => {
      const { filter: f, onChange: change } = latest.current;
      const next = clean({ ...f, search: texts.search.trim() || undefined, commodity: texts.commodity.trim() || undefined, hs: /^\d{1,10}$/.test(texts.hs.replace(/\./g, '')) ? texts.hs.replace(/\./g, '') : undefined });
      if (JSON.stringify(next) !== JSON.stringify(clean(f))) change(next);
    }, 250);
    return () => clearTimeout(h);
  }, [texts]);
  const set = (patch: Partial<ShipmentFilter>) => onChange(clean({ ...filter, ...patch }));
  return (
    <div className="filters" role="search">
      <input type="search" className="search" placeholder={t('ship.filter.search')} aria-label={t('ship.filter.search')} value={texts.search} onChange={(e) => setTexts({ ...texts, search: e.target.value })} />
      <label className="inline-label">
        {t('ship.filter.from')}
        <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="inline-label">
        {t('ship.filter.to')}
        <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      <ProvinceSelect value={filter.province} all={t('filter.province')} onChange={(province) => set({ province, districts: undefined })} />
      <DistrictSelect value={filter.districts?.[0]} province={filter.province} all={t('ship.filter.district')} onChange={(d) => set({ districts: d ? [d] : undefined })} />
      <select aria-label={t('ship.filter.country')} value={filter.countries?.[0] ?? ''} onChange={(e) => set({ countries: e.target.value ? [e.target.value] : undefined })}>
        <option value="">{t('ship.filter.country')}</option>
        {countries.byName().map((c) => (
          <option key={c.code} value={c.code}>
            {countries.name(c.code)}
          </option>
        ))}
      </select>
      <input className="short" placeholder={t('ship.filter.commodity')} aria-label={t('ship.filter.commodity')} value={texts.commodity} onChange={(e) => setTexts({ ...texts, commodity: e.target.value })} />
      <input className="tiny" placeholder={t('ship.filter.hs')} aria-label={t('ship.filter.hs')} value={texts.hs} onChange={(e) => setTexts({ ...texts, hs: e.target.value })} />
      {Object.keys(filter).length > 0 && (
        <button type="button" onClick={() => (setTexts({ search: '', commodity: '', hs: '' }), onChange({}))}>
          {t('filter.reset')}
        </button>
      )}
    </div>
  );
}

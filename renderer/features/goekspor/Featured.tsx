/** Featured products (produk unggulan) per governor's decree: the decree, then its products, each tied to an IKM. */
import { useEffect, useState } from 'react';
import type { Decree } from '../../../shared/goekspor-contract';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { ProvinceSelect } from '../../components/AreaSelect';
import { useI18n } from '../../i18n/i18n';
import { ImportButton } from './ImportButton';
import { IkmPicker, idDate, today, useRun, type PickedIkm } from './common';

export function Featured() {
  const { t } = useI18n();
  const areas = useAreas();
  const run = useRun();
  const [decrees, setDecrees] = useState<Decree[]>([]);
  const [draft, setDraft] = useState({ number: '', date: today(), province_code: areas.provinces[0]?.code ?? '62', title: '' });
  const load = () => void api.call('goekspor.decrees', {}).then(setDecrees);
  useEffect(load, []);

  return (
    <div className="ge-view">
      <form
        className="trade-form"
        aria-label={t('ge.decree.new')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(api.call('goekspor.saveDecree', { ...draft, title: draft.title || null }), t('ge.saved')).then((d) => {
            if (d) {
              setDraft({ ...draft, number: '', title: '' });
              load();
            }
          });
        }}
      >
        <label>
          {t('ge.decree.number')}
          <input required value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />
        </label>
        <label>
          {t('ge.decree.date')}
          <input type="date" required value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
        </label>
        <label>
          {t('ge.decree.province')}
          <ProvinceSelect value={draft.province_code} onChange={(code) => code && setDraft({ ...draft, province_code: code })} />
        </label>
        <label className="grow">
          {t('ge.decree.title')}
          <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t('ge.decree.new')}
        </button>
      </form>
      {decrees.length === 0 && <p className="muted">{t('ge.decree.empty')}</p>}
      {decrees.map((d) => (
        <DecreeCard key={d.id} decree={d} onChange={load} provinceName={areas.provinces.find((p) => p.code === d.province_code)?.name ?? d.province_code} districtName={areas.name} />
      ))}
    </div>
  );
}

function DecreeCard({ decree: d, onChange, provinceName, districtName }: { decree: Decree; onChange(): void; provinceName: string; districtName(c: string): string }) {
  const { t } = useI18n();
  const run = useRun();
  const [ikm, setIkm] = useState<PickedIkm | null>(null);
  const [product, setProduct] = useState('');
  const [commodity, setCommodity] = useState('');
  return (
    <section className="ge-card-box" aria-label={`SK ${d.number}`}>
      <header className="ge-box-head">
        <div>
          <h3>SK {d.number}</h3>
          <div className="muted">
            {idDate(d.date)} · {provinceName}
            {d.title ? ` · ${d.title}` : ''} · {t('ge.decree.products', { n: d.products.length })}
          </div>
        </div>
        <span className="ge-actions">
          <ImportButton kind="featured" decreeId={d.id} hint={t('ge.featured.importHint')} onDone={onChange} />
          <button type="button" onClick={() => void run(api.call('goekspor.deleteDecree', { id: d.id }), t('ge.deleted')).then(onChange)}>
            {t('ge.delete')}
          </button>
        </span>
      </header>
      {d.products.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('ge.featured.product')}</th>
              <th>{t('ge.featured.commodity')}</th>
              <th>{t('ge.name')}</th>
              <th>{t('ge.nib')}</th>
              <th>{t('ge.district')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.products.map((p) => (
              <tr key={p.id}>
                <td>{p.product}</td>
                <td>{p.commodity ?? ''}</td>
                <td>{p.business_name}</td>
                <td>{p.nib ?? ''}</td>
                <td>{districtName(p.district_code)}</td>
                <td className="actions">
                  <button type="button" onClick={() => void run(api.call('goekspor.removeFeatured', { id: p.id }), t('ge.deleted')).then(onChange)}>
                    {t('ge.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="trade-form"
        aria-label={`${t('ge.featured.add')} · SK ${d.number}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!ikm) return;
          void run(api.call('goekspor.addFeatured', { decree_id: d.id, ikm_id: ikm.id, product, commodity: commodity || null }), t('ge.saved')).then((r) => {
            if (r) {
              setIkm(null);
              setProduct('');
              setCommodity('');
              onChange();
            }
          });
        }}
      >
        <label>
          {t('ge.pickIkmLabel')}
          <IkmPicker value={ikm} onChange={setIkm} />
        </label>
        <label>
          {t('ge.featured.product')}
          <input required value={product} onChange={(e) => setProduct(e.target.value)} />
        </label>
        <label>
          {t('ge.featured.commodity')}
          <input value={commodity} onChange={(e) => setCommodity(e.target.value)} />
        </label>
        <button type="submit" disabled={!ikm || !product.trim()}>
          {t('ge.featured.add')}
        </button>
      </form>
    </section>
  );
}

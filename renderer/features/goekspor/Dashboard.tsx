/** Go Ekspor dashboard: program counts, warnings, charts drawn offline, and the halal pipeline with time in stage. */
import { useEffect, useState } from 'react';
import type { GoEksporDashboard } from '../../../shared/goekspor-contract';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { idDate } from './common';

export function Dashboard() {
  const { t } = useI18n();
  const areas = useAreas();
  const [province, setProvince] = useState('');
  const [d, setD] = useState<GoEksporDashboard | null>(null);
  useEffect(() => void api.call('goekspor.dashboard', province ? { province } : {}).then(setD), [province]);
  return (
    <div className="dashboard ge-dash">
      <div className="dash-filters">
        <select aria-label={t('ge.decree.province')} value={province} onChange={(e) => setProvince(e.target.value)}>
          <option value="">{t('ge.dash.province')}</option>
          {areas.provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="kpis">
        <div className="kpi">
          <span>{t('ge.dash.inProgram')}</span>
          <b data-testid="ge-kpi-program">{d ? formatNumber(d.inProgram) : '…'}</b>
        </div>
        <div className="kpi">
          <span>{t('ge.dash.exported')}</span>
          <b>{d ? formatNumber(d.exported) : '…'}</b>
        </div>
        <div className="kpi ge-kpi-warn">
          <span>{t('ge.dash.stuck')}</span>
          <b data-testid="ge-kpi-stuck">{d ? formatNumber(d.flagged.stuck) : '…'}</b>
        </div>
        <div className="kpi ge-kpi-warn">
          <span>{t('ge.dash.expiring')}</span>
          <b>{d ? formatNumber(d.flagged.expiring + d.flagged.expired) : '…'}</b>
        </div>
      </div>
      <div className="dash-charts">
        {d?.charts.map((c) => (
          <div key={c.title} className="dash-card">
            <Chart chart={c} height={280} />
          </div>
        ))}
      </div>
      {d && d.halal.length > 0 && (
        <section className="ge-card-box">
          <h3>{t('ge.dash.halal')}</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('ge.name')}</th>
                <th>{t('ge.district')}</th>
                <th>{t('ge.cert.status')}</th>
                <th>{t('ge.cert.since')}</th>
                <th className="num">{t('ge.dash.days')}</th>
              </tr>
            </thead>
            <tbody>
              {d.halal.map((h) => (
                <tr key={`${h.ikm_id}-${h.since}`} className={h.stuck ? 'ge-flagged' : undefined}>
                  <td>{h.business_name}</td>
                  <td>{areas.name(h.district_code)}</td>
                  <td>
                    {t(`ge.status.${h.status}`)}
                    {h.stuck && <span className="badge refused ge-flag-badge">{t('ge.cert.flag.stuck')}</span>}
                  </td>
                  <td>{idDate(h.since)}</td>
                  <td className="num">{t('ge.cert.days', { n: formatNumber(h.days) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

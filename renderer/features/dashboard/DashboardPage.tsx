/**
 * The dashboard: the reports' figures and charts, live — IKM per district, export destinations
 * and commodities, the trade balance over the years. Same models as the printed reports.
 */
import { useEffect, useState } from 'react';
import type { ReportModel, ReportName, ReportParams } from '../../../shared/reports';
import { api } from '../../api/client';
import { ProvinceSelect } from '../../components/AreaSelect';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { YearSelect } from '../../components/YearSelect';

const SHOWN: ReportName[] = ['rekap-ikm-kabupaten', 'ekspor-negara', 'ekspor-komoditi', 'neraca-perdagangan'];
const usd = (n: number) => `US$ ${new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 }).format(n)}`;

export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useState<ReportParams>({});
  const [models, setModels] = useState<Partial<Record<ReportName, ReportModel>>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(SHOWN.map((name) => api.call('reports.preview', { name, params }).then((m) => [name, m] as const))).then((list) => live && setModels(Object.fromEntries(list)));
    return () => {
      live = false;
    };
  }, [JSON.stringify(params)]);

  const ikm = models['rekap-ikm-kabupaten']?.totals;
  const exp = models['ekspor-negara'];
  const trade = models['neraca-perdagangan'];
  const lastYear = trade?.rows[trade.rows.length - 1];
  return (
    <div className="dashboard">
      <div className="dash-filters">
        <ProvinceSelect value={params.province} all={t('rep.allProvinces')} label={t('rep.province')} onChange={(province) => setParams({ ...params, province })} />
        <YearSelect label={t('dash.period')} all={t('rep.allYears')} value={params.year} onChange={(year) => setParams({ ...params, year })} />
      </div>
      <div className="kpis">
        <div className="kpi">
          <span>{t('dash.ikm')}</span>
          <b data-testid="kpi-ikm">{ikm ? formatNumber(Number(ikm.count)) : '…'}</b>
        </div>
        <div className="kpi">
          <span>{t('dash.workers')}</span>
          <b>{ikm ? formatNumber(Number(ikm.workers_total)) : '…'}</b>
        </div>
        <div className="kpi">
          <span>{t('dash.exports')}</span>
          <b data-testid="kpi-exports">{exp?.totals ? usd(Number(exp.totals.fob_usd ?? 0)) : '…'}</b>
        </div>
        <div className="kpi">
          <span>{t('dash.shipments')}</span>
          <b>{exp?.totals ? formatNumber(Number(exp.totals.shipments ?? 0)) : '…'}</b>
        </div>
        <div className="kpi">
          <span>{t('dash.balance')}</span>
          <b>{lastYear?.balance != null ? `${String(lastYear.year)}: ${usd(Number(lastYear.balance))}` : '–'}</b>
        </div>
      </div>
      <div className="dash-charts">
        {SHOWN.map((name) => {
          const m = models[name];
          const chart = m?.charts[0];
          return (
            <section key={name} className="dash-card">
              {m && chart && m.rowCount > 0 ? <Chart chart={chart} height={330} /> : <p className="muted">{m ? `${m.title}: ${name === 'neraca-perdagangan' && m.notes.length > 1 ? m.notes[0] : t('rep.empty')}` : t('grid.loading')}</p>}
              {m && <p className="muted dash-sub">{m.subtitle}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}

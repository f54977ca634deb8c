/**
 * The dashboard: the reports' figures and charts, live — IKM per district, export destinations
 * and commodities, the trade balance over the years. Same models as the printed reports; it opens
 * on the office's province, and a figure opens the rows behind it in the grid (drill-down).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { ReportDrill, ReportModel, ReportName } from '../../../shared/reports';
import { api } from '../../api/client';
import { ProvinceSelect } from '../../components/AreaSelect';
import { Chart } from '../../components/Chart';
import { useOfficeProvince, useReportParams } from '../../components/officeProvince';
import { YearSelect } from '../../components/YearSelect';
import { formatCompact, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useNavigate } from '../../navigate';

const SHOWN: ReportName[] = ['rekap-ikm-kabupaten', 'ekspor-negara', 'ekspor-komoditi', 'neraca-perdagangan'];
const usd = (n: number) => `US$ ${formatCompact(n)}`;

export function DashboardPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [office, officeLoaded] = useOfficeProvince();
  const [params, setParams] = useReportParams(office, officeLoaded);
  const [models, setModels] = useState<Partial<Record<ReportName, ReportModel>>>({});
  useEffect(() => {
    if (!params) return;
    let live = true;
    void Promise.all(SHOWN.map((name) => api.call('reports.preview', { name, params }).then((m) => [name, m] as const))).then((list) => live && setModels(Object.fromEntries(list)));
    return () => {
      live = false;
    };
  }, [params]);

  const rekap = models['rekap-ikm-kabupaten'];
  const ikm = rekap?.totals;
  const exp = models['ekspor-negara'];
  const trade = models['neraca-perdagangan'];
  const lastYear = trade?.rows.filter((r) => typeof r.balance === 'number').at(-1);
  /** A KPI figure; with rows behind it, a button that opens them in the grid. */
  const figure = (text: ReactNode, drill: ReportDrill | null | undefined, testId?: string) =>
    drill ? (
      <button type="button" className="kpi-value drill" data-testid={testId} title={t('dash.drill')} onClick={() => navigate(drill)}>
        {text}
      </button>
    ) : (
      <b data-testid={testId}>{text}</b>
    );
  const p = params ?? {};
  return (
    <div className="dashboard">
      <div className="dash-filters">
        <ProvinceSelect value={p.province} all={t('rep.allProvinces')} label={t('rep.province')} onChange={(province) => setParams({ ...p, province })} />
        <YearSelect label={t('dash.period')} all={t('rep.allYears')} value={p.year} onChange={(year) => setParams({ ...p, year })} />
      </div>
      <div className="kpis">
        <div className="kpi">
          <span>{t('dash.ikm')}</span>
          {figure(ikm ? formatNumber(Number(ikm.count)) : '…', ikm && rekap.drill?.totals, 'kpi-ikm')}
        </div>
        <div className="kpi">
          <span>{t('dash.workers')}</span>
          {figure(ikm ? formatNumber(Number(ikm.workers_total)) : '…', ikm && rekap.drill?.totals)}
        </div>
        <div className="kpi">
          <span>{t('dash.exports')}</span>
          {figure(exp?.totals ? usd(Number(exp.totals.fob_usd ?? 0)) : '…', exp?.totals && exp.drill?.totals, 'kpi-exports')}
        </div>
        <div className="kpi">
          <span>{t('dash.shipments')}</span>
          {figure(exp?.totals ? formatNumber(Number(exp.totals.shipments ?? 0)) : '…', exp?.totals && exp.drill?.totals)}
        </div>
        <div className="kpi">
          <span>{t('dash.balance')}</span>
          <b>{lastYear ? `${String(lastYear.year)}: ${usd(Number(lastYear.balance))}` : '–'}</b>
        </div>
      </div>
      <div className="dash-charts">
        {SHOWN.map((name) => {
          const m = models[name];
          const chart = m?.charts[0];
          return (
            <section key={name} className="dash-card">
              {m && chart && m.rowCount > 0 ? <Chart chart={chart} height={330} /> : <p className="muted">{m ? `${t(`report.${name}`)}: ${t('rep.empty')}` : t('grid.loading')}</p>}
              {m && <p className="muted dash-sub">{lang === 'en' ? m.subtitleEn : m.subtitle}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}

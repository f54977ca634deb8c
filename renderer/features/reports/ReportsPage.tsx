/**
 * The report catalogue: pick a report, its period and area, see it as it will print, and save it
 * as .xlsx or PDF — the same model, the same figures, as the CLI's `report` command.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_LETTERHEAD, REPORT_NAMES, REPORT_TITLES, type Letterhead, type ReportModel, type ReportName, type ReportParams } from '../../../shared/reports';
import { api } from '../../api/client';
import { DistrictSelect, ProvinceSelect } from '../../components/AreaSelect';
import { download } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { LetterheadForm } from './LetterheadForm';
import { ReportPreview } from './ReportPreview';
import { YearSelect } from '../../components/YearSelect';

export function ReportsPage() {
  const { t } = useI18n();
  const notify = useToast();
  const [name, setName] = useState<ReportName>('rekap-ikm-kabupaten');
  const [params, setParams] = useState<ReportParams>({});
  const [model, setModel] = useState<ReportModel | null>(null);
  const [letterhead, setLetterhead] = useState<Letterhead>(DEFAULT_LETTERHEAD);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => void api.call('reports.letterhead', {}).then(setLetterhead), []);
  useEffect(() => {
    let live = true;
    setModel(null);
    void api.call('reports.preview', { name, params }).then(
      (m) => live && setModel(m),
      (e: unknown) => notify(e instanceof Error ? e.message : String(e), { tone: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [name, JSON.stringify(params)]);

  const save = async (format: 'xlsx' | 'pdf') => {
    setBusy(format === 'pdf' ? 'PDF' : '.xlsx');
    try {
      const r = await api.call(format === 'pdf' ? 'reports.pdf' : 'reports.xlsx', { name, params });
      download(r.name, r.dataBase64);
      notify(t('rep.saved', { name: r.name }));
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { tone: 'error' });
    } finally {
      setBusy(null);
    }
  };
  const set = (patch: Partial<ReportParams>) => setParams(Object.fromEntries(Object.entries({ ...params, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as ReportParams);

  return (
    <div className="reports">
      <aside className="report-side">
        <nav aria-label={t('rep.choose')} className="report-list">
          {REPORT_NAMES.map((n) => (
            <button key={n} type="button" aria-pressed={n === name} className={n === name ? 'report-item active' : 'report-item'} onClick={() => setName(n)}>
              {REPORT_TITLES[n]}
            </button>
          ))}
        </nav>
        <div className="report-params">
          <label>
            {t('rep.year')}
            <YearSelect all={t('rep.allYears')} value={params.year} onChange={(year) => set({ year, from: undefined, to: undefined })} />
          </label>
          <label>
            {t('rep.from')}
            <input type="date" value={params.from ?? ''} disabled={params.year != null} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label>
            {t('rep.to')}
            <input type="date" value={params.to ?? ''} disabled={params.year != null} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
          <label>
            {t('rep.province')}
            <ProvinceSelect value={params.province} all={t('rep.allProvinces')} label={t('rep.province')} onChange={(province) => set({ province, district: undefined })} />
          </label>
          <label>
            {t('rep.district')}
            <DistrictSelect value={params.district} province={params.province} all={t('rep.allDistricts')} label={t('rep.district')} onChange={(district) => set({ district })} />
          </label>
          <div className="report-actions">
            <button type="button" className="primary" disabled={busy != null} onClick={() => void save('xlsx')}>
              {t('rep.xlsx')}
            </button>
            <button type="button" className="primary" disabled={busy != null} onClick={() => void save('pdf')}>
              {t('rep.pdf')}
            </button>
          </div>
          {busy && <p className="busy">{t('rep.making', { what: busy })}</p>}
        </div>
        <LetterheadForm value={letterhead} onSaved={setLetterhead} />
      </aside>
      <section className="report-main">{model ? <ReportPreview model={model} letterhead={letterhead} /> : <p className="muted">{t('grid.loading')}</p>}</section>
    </div>
  );
}

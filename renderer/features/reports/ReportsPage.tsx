/**
 * The report catalogue: pick a report, its period and area, see it as it will print, and save it
 * as .xlsx or PDF — the same model, the same figures, as the CLI's `report` command. It opens on
 * the office's own province; a figure in the preview opens the rows behind it in the grid.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_LETTERHEAD, isPlaceholderSigner, REPORT_NAMES, type Letterhead, type ReportModel, type ReportName, type ReportParams } from '../../../shared/reports';
import { api } from '../../api/client';
import { DistrictSelect, ProvinceSelect } from '../../components/AreaSelect';
import { useOfficeProvince, useReportParams } from '../../components/officeProvince';
import { YearSelect } from '../../components/YearSelect';
import { download } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { useNavigate } from '../../navigate';
import { useToast } from '../../toast';
import { LetterheadForm } from './LetterheadForm';
import { ReportPreview } from './ReportPreview';

export function ReportsPage() {
  const { t, lang } = useI18n();
  const notify = useToast();
  const navigate = useNavigate();
  const [office, officeLoaded, setOffice] = useOfficeProvince();
  const [name, setName] = useState<ReportName>('rekap-ikm-kabupaten');
  const [params, setParams] = useReportParams(office, officeLoaded);
  const [model, setModel] = useState<ReportModel | null>(null);
  const [letterhead, setLetterhead] = useState<Letterhead>(DEFAULT_LETTERHEAD);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => void api.call('reports.letterhead', {}).then(setLetterhead), []);
  useEffect(() => {
    if (!params) return;
    let live = true;
    setModel(null);
    void api.call('reports.preview', { name, params }).then(
      (m) => live && setModel(m),
      (e: unknown) => notify(e instanceof Error ? e.message : String(e), { tone: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [name, params, notify]);

  const placeholder = isPlaceholderSigner(letterhead);
  const save = async (format: 'xlsx' | 'pdf') => {
    if (!params) return;
    setBusy(format === 'pdf' ? 'PDF' : '.xlsx');
    try {
      const r = await api.call(format === 'pdf' ? 'reports.pdf' : 'reports.xlsx', { name, params });
      download(r.name, r.dataBase64);
      // Saved either way (a draft is a draft), but never without saying the signer is the example one.
      if (placeholder) notify(t('rep.placeholderSaved', { name: r.name }), { tone: 'error', action: { label: t('rep.fillSigner'), run: () => setSettingsOpen(true) } });
      else notify(t('rep.saved', { name: r.name }));
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { tone: 'error' });
    } finally {
      setBusy(null);
    }
  };
  const set = (patch: Partial<ReportParams>) => setParams(Object.fromEntries(Object.entries({ ...params, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as ReportParams);
  const p = params ?? {};

  return (
    <div className="reports">
      <aside className="report-side">
        <nav aria-label={t('rep.choose')} className="report-list">
          {REPORT_NAMES.map((n) => (
            <button key={n} type="button" aria-pressed={n === name} className={n === name ? 'report-item active' : 'report-item'} onClick={() => setName(n)}>
              {t(`report.${n}`)}
            </button>
          ))}
        </nav>
        <div className="report-params">
          <label>
            {t('rep.year')}
            <YearSelect all={t('rep.allYears')} value={p.year} onChange={(year) => set({ year, from: undefined, to: undefined })} />
          </label>
          <label>
            {t('rep.from')}
            <input type="date" value={p.from ?? ''} disabled={p.year != null} onChange={(e) => set({ from: e.target.value || undefined })} />
          </label>
          <label>
            {t('rep.to')}
            <input type="date" value={p.to ?? ''} disabled={p.year != null} onChange={(e) => set({ to: e.target.value || undefined })} />
          </label>
          <label>
            {t('rep.province')}
            <ProvinceSelect value={p.province} all={t('rep.allProvinces')} label={t('rep.province')} onChange={(province) => set({ province, district: undefined })} />
          </label>
          <label>
            {t('rep.district')}
            <DistrictSelect value={p.district} province={p.province} all={t('rep.allDistricts')} label={t('rep.district')} onChange={(district) => set({ district })} />
          </label>
          <div className="report-actions">
            <button type="button" className="primary" disabled={busy != null || !params} onClick={() => void save('xlsx')}>
              {t('rep.xlsx')}
            </button>
            <button type="button" className="primary" disabled={busy != null || !params} onClick={() => void save('pdf')}>
              {t('rep.pdf')}
            </button>
          </div>
          {busy && <p className="busy">{t('rep.making', { what: busy })}</p>}
          {lang !== 'id' && (
            <p className="muted" data-testid="report-in-english">
              {t('rep.printedInIndonesian')} {model && t('rep.inEnglish', { title: t(`report.${name}`), subtitle: model.subtitleEn })}
            </p>
          )}
        </div>
        <LetterheadForm value={letterhead} onSaved={setLetterhead} open={settingsOpen} onToggle={setSettingsOpen}>
          <label className="office-province">
            {t('rep.officeProvince')}
            <ProvinceSelect value={office} all={t('rep.allProvinces')} label={t('rep.officeProvince')} onChange={setOffice} />
          </label>
        </LetterheadForm>
      </aside>
      <section className="report-main">
        {placeholder && (
          <p className="warning-note" role="status" data-testid="placeholder-signer">
            ⚠ {t('rep.placeholderSigner', { signer: letterhead.signer, nip: letterhead.nip })}{' '}
            <button type="button" onClick={() => setSettingsOpen(true)}>
              {t('rep.fillSigner')}
            </button>
          </p>
        )}
        {model ? <ReportPreview model={model} letterhead={letterhead} onDrill={navigate} /> : <p className="muted">{t('grid.loading')}</p>}
      </section>
    </div>
  );
}

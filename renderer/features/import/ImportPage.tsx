/**
 * The import wizard: pick or drop files → preview per file (sheets, header row, column mapping,
 * district, refused rows, likely duplicates; a district can be chosen for files without one) →
 * import all in one batch → result with the error reports to send back, and the import history
 * with undo. Every step is the core's real import, run as a dry run until "Impor".
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { errorReportGroups } from '../../../shared/error-reports';
import { IKM_FIELD_KEYS } from '../../../shared/fields';
import type { FileReport, ImportBatch, ImportDecisions, ImportProgress, ImportResult } from '../../../shared/import';
import { api, onOpenFile } from '../../api/client';
import { useAreas } from '../../areas';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useConfirm } from '../../components/ConfirmDialog';
import { useToast } from '../../toast';
import { download, toBase64 } from '../../files';
import { FileMapping, FileMessage, Problems } from '../../components/ImportMapping';
import { MatchReview } from './MatchReview';

interface Picked {
  name: string;
  dataBase64: string;
  district: string | null;
  mapping?: Record<string, string>;
  fixes?: Record<string, string>;
  /** Choices on the review (merges, conflicts taken from the file). */
  decisions?: ImportDecisions;
}

/** `visible`: the tab is on screen (it stays mounted while hidden); the history is read again each time, as the other tabs import too. */
export function ImportPage({ onImported, onOpened, visible = true }: { onImported(): void; onOpened?(): void; visible?: boolean }) {
  const { t } = useI18n();
  const areas = useAreas();
  const notify = useToast();
  const confirm = useConfirm();
  const [files, setFiles] = useState<Picked[]>([]);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [history, setHistory] = useState<ImportBatch[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const loadHistory = () => void api.call('import.history', {}).then(setHistory);
  useEffect(() => {
    if (visible) loadHistory();
  }, [visible]);

  const runPreview = async (list: Picked[]) => {
    setFiles(list);
    setResult(null);
    if (list.length === 0) return setPreview(null);
    setBusy(t('import.reading', { n: list.length }));
    try {
      setPreview(await api.call('import.preview', { files: list }));
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const addPicked = (more: Picked[]) => runPreview([...files.filter((f) => !more.some((m) => m.name === f.name)), ...more]);
  const add = async (picked: FileList | null) => {
    if (!picked || picked.length === 0) return;
    await addPicked(await Promise.all([...picked].map(async (f) => ({ name: f.name, dataBase64: await toBase64(f), district: null }))));
  };
  // A workbook the desktop app was opened with joins the wizard and is previewed like a picked
  // one; nothing is imported until Impor is pressed.
  const addOpened = useRef(addPicked);
  addOpened.current = addPicked;
  useEffect(
    () =>
      onOpenFile((f) => {
        onOpened?.();
        if ('error' in f) notify(f.error, { tone: 'error' });
        else void addOpened.current([{ name: f.name, dataBase64: f.dataBase64, district: null }]);
      }),
    [notify, onOpened],
  );

  const commit = async () => {
    setBusy(t('import.busy'));
    // The core imports in chunks and answers other calls in between: poll for the bar.
    const poll = setInterval(() => void api.call('import.progress', {}).then(setProgress, () => {}), 300);
    try {
      const r = await api.call('import.commit', { files });
      setResult(r);
      setPreview(null);
      loadHistory();
      onImported();
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    } finally {
      clearInterval(poll);
      setProgress(null);
      setBusy(null);
    }
  };

  /** One district's report: one click, one file (a browser asked for several at once blocks all but the first). */
  const report = async (key: string) => {
    try {
      const [r] = await api.call('import.errorReports', { files, report: key });
      if (r) download(r.name, r.dataBase64);
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    }
  };

  const undo = async (b: ImportBatch) => {
    const id = b.id;
    const ok = await confirm({
      title: t('confirm.undoTitle', { id }),
      body: t('confirm.undoBody', { a: formatNumber(b.inserted), u: formatNumber(b.updated) }),
      confirm: t('confirm.undoAction', { id }),
      danger: true,
    });
    if (!ok) return;
    try {
      const r = await api.call('import.undo', { batchId: id });
      notify(t('import.undoDone', { id, d: r.deleted, r: r.reverted }));
      loadHistory();
      onImported();
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void add(e.dataTransfer.files);
  };
  const shown = result ?? preview;
  const reportGroups = result ? errorReportGroups(result.files, areas.resolver) : [];
  const totals = (r: ImportResult) => ({
    a: r.files.reduce((s, f) => s + f.accepted, 0),
    u: r.files.reduce((s, f) => s + f.updated, 0),
    c: r.files.reduce((s, f) => s + f.unchanged, 0),
    r: r.files.reduce((s, f) => s + f.refused.length, 0),
  });
  const importable = preview?.files.some((f) => f.status === 'imported' && f.accepted + f.updated > 0);
  const ready = preview?.files.filter((f) => f.status === 'imported').length ?? 0;

  return (
    <div className="import">
      <section className="import-pick" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <h1>{t('import.title')}</h1>
        <p className="muted">{t('import.intro')}</p>
        <label className="button primary file-button">
          {t('import.pick')}
          <input type="file" multiple accept=".xlsx,.xlsm,.xls,.xlsb,.ods,.csv,.txt" onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
        </label>
        <span className="muted"> {t('import.drop')}</span>
        {files.length > 0 && !result && (
          <button type="button" className="link" onClick={() => void runPreview([])}>
            {t('import.clear')}
          </button>
        )}
        {busy && <p className="busy" role="status">{busy}</p>}
        {busy && progress && (
          <div className="progress-row">
            <progress max={progress.total || 1} value={progress.done} aria-label={t('import.progress')} />
            <span>
              {progress.phase === 'read'
                ? t('import.phaseRead', { file: progress.file ?? '' })
                : progress.phase === 'finish'
                  ? t('import.phaseFinish', { total: formatNumber(progress.total) })
                  : t('import.phaseWrite', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}
            </span>
            <button type="button" onClick={() => void api.call('import.cancel', {})}>
              {t('import.cancel')}
            </button>
          </div>
        )}
      </section>

      {result && (
        <section className="import-result" role="status">
          <p className="done">
            {result.batchId ? t('import.done', { id: result.batchId, ...totals(result) }) : t('import.nothing')}
          </p>
          {reportGroups.length > 0 && (
            <div className="error-reports">
              <span>{t('import.reportsLead')}</span>
              <ul>
                {reportGroups.map((g) => (
                  <li key={g.key}>
                    <button type="button" onClick={() => void report(g.key)}>
                      {t('import.reportFor', { name: g.label })}
                    </button>{' '}
                    <span className="muted">
                      {g.refused + g.fixed > 0 ? t('import.reportCounts', { r: g.refused, f: g.fixed }) : t('import.reportFile')}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={() => void runPreview([])}>
              {t('import.again')}
            </button>
          </div>
        </section>
      )}

      {preview && (
        // Above the cards and sticky: the button is never below a long preview.
        <div className="import-go">
          <button type="button" className="primary" disabled={!importable || busy != null} onClick={() => void commit()}>
            {ready === 1 ? t('import.goOne') : t('import.go', { n: ready })}
          </button>
          {preview.files.some((f) => (f.unmapped ?? []).length > 0 || f.needsDistrict || f.needsMapping) && <span className="warn-text">{t('import.checkFirst')}</span>}
        </div>
      )}

      {shown?.files.map((f, i) => (
        <FileCard
          key={f.file}
          report={f}
          done={result != null}
          onDistrict={
            result
              ? undefined
              : (code) => void runPreview(files.map((x, j) => (j === i ? { ...x, district: code } : x)))
          }
          onMapping={
            result
              ? undefined
              : (header, field) => void runPreview(files.map((x, j) => (j === i ? { ...x, mapping: { ...x.mapping, [header]: field } } : x)))
          }
          onFix={
            result
              ? undefined
              : (address, value) => void runPreview(files.map((x, j) => (j === i ? { ...x, fixes: { ...x.fixes, [address]: value } } : x)))
          }
          decisions={files[i]?.decisions}
          onDecide={result ? undefined : (decisions) => void runPreview(files.map((x, j) => (j === i ? { ...x, decisions } : x)))}
          districtName={areas.name}
          districts={areas.districts.map((d) => ({ code: d.code, label: `${areas.name(d.code)} (${d.province})` }))}
        />
      ))}


      {history.length > 0 && (
        <section className="import-history">
          <h2>{t('import.history')}</h2>
          <table>
            <thead>
              <tr>
                <th>No</th>
                <th>{t('import.when')}</th>
                <th>{t('import.kind')}</th>
                <th>{t('import.who')}</th>
                <th>{t('import.files')}</th>
                <th>{t('import.result')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {history.map((b) => (
                <tr key={b.id} className={b.undone_at ? 'undone' : ''}>
                  <td>{b.id}</td>
                  <td>{formatDateTime(b.at)}</td>
                  <td>{t(`import.kind.${b.kind}`)}</td>
                  <td>{b.os_user}</td>
                  <td>{(JSON.parse(b.files) as string[]).join(', ')}</td>
                  <td>{t('import.counts', { a: formatNumber(b.inserted), u: formatNumber(b.updated), c: formatNumber(b.unchanged), r: formatNumber(b.refused), d: '–' })}</td>
                  <td>
                    {b.undone_at ? (
                      <span className="muted">{t('import.undone')}</span>
                    ) : (
                      <button type="button" onClick={() => void undo(b)}>
                        {t('import.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function FileCard(p: {
  report: FileReport;
  /** The import has run: the card says what happened, nothing is editable. */
  done: boolean;
  onDistrict?: (code: string | null) => void;
  onMapping?: (header: string, field: string) => void;
  onFix?: (address: string, value: string) => void;
  decisions?: ImportDecisions;
  onDecide?: (d: ImportDecisions) => void;
  districtName(code: string): string;
  districts: { code: string; label: string }[];
}) {
  const { t } = useI18n();
  const f = p.report;
  const chosen = f.district?.source === 'chosen' ? f.district.code : '';
  const suggested = f.district?.source === 'missing' ? f.district.suggested : null;
  const unmapped = f.unmapped ?? [];
  // Only a district to choose is not a refusal: the file was read and its rows are fine.
  const state = f.needsDistrict ? 'choose' : f.needsMapping ? 'map' : f.status === 'refused' ? 'refused' : p.done ? 'done' : unmapped.length > 0 || f.refused.length > 0 ? 'check' : 'imported';
  const label = (k: string) => t(`field.${k}` as never);
  return (
    <section className={`file-card ${state}`} aria-label={f.file}>
      <header>
        <h2>{f.file}</h2>
        <span className={`badge ${state}`} data-testid={`badge-${f.file}`}>{t(`import.state.${state}` as never)}</span>
      </header>
      {f.needsDistrict ? (
        <p className="file-message warn" role="status">
          {suggested ? t('import.needsDistrictSuggested', { name: p.districtName(suggested) }) : t('import.needsDistrict')}{' '}
          {suggested && p.onDistrict && (
            <button type="button" className="primary" onClick={() => p.onDistrict!(suggested)}>
              {t('import.useSuggested', { name: p.districtName(suggested) })}
            </button>
          )}
        </p>
      ) : (
        <FileMessage report={f} className={f.needsMapping ? 'file-message warn' : undefined} />
      )}
      {f.district && f.district.source !== 'column' && p.onDistrict && (
        <label className="district-choice">
          {t('import.district')}:{' '}
          <select aria-label={`${t('import.district')} ${f.file}`} value={chosen ?? ''} onChange={(e) => p.onDistrict!(e.target.value || null)}>
            <option value="">{t('import.districtPick')}</option>
            {suggested && (
              <option value={suggested}>
                ★ {p.districtName(suggested)} — {t('import.suggested')}
              </option>
            )}
            {p.districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {f.district?.source === 'column' && (
        <p className="muted">
          {t('import.district')}: {f.district.code ? t('import.districtColumnNamed', { name: p.districtName(f.district.code) }) : t('import.districtColumn')}
        </p>
      )}
      {f.status === 'imported' && (
        <p className="counts" data-testid={`counts-${f.file}`}>
          {t('import.counts', { a: f.accepted, u: f.updated, c: f.unchanged, r: f.refused.length, d: f.duplicates.length })}
        </p>
      )}
      <FileMapping report={f} fields={IKM_FIELD_KEYS} label={label} onMapping={p.onMapping} />
      <Problems title={t('import.refused')} rows={f.refused.map((r) => ({ ...r }))} tone="error" onFix={p.onFix} />
      <Problems
        title={t('import.fixedCells')}
        rows={(f.fixed ?? []).map((x) => ({ ...x, reason: t('import.fixedCell', { from: x.from === '' ? '∅' : String(x.from), to: x.to === '' ? '∅' : x.to }) }))}
        tone="info"
      />
      <MatchReview report={f} decisions={p.decisions} onDecide={p.onDecide} districtName={p.districtName} />
      <Problems title={t('import.warnings')} rows={f.warnings} tone="info" />
    </section>
  );
}

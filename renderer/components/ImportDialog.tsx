/**
 * The import of a table that is not the IKM registry (shipment lists, BPS trade tables): the
 * file is read by the core as a dry run first and shown file by file — counts, the district to
 * choose when the file names none, the column mapping with a field to pick for every column,
 * the columns with data that are not imported, every refused row (paged) — then imported on
 * "Impor sekarang" in one transaction. Each change of district or mapping reads the file again.
 */
import { useState } from 'react';
import { noteText, type ImportResult } from '../../shared/import';
import { useAreas } from '../areas';
import { toBase64 } from '../files';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../toast';
import { FileButton } from './FileButton';
import { FileMapping, FileMessage, Problems } from './ImportMapping';

export interface ImportFile {
  name: string;
  dataBase64: string;
  district: string | null;
  mapping?: Record<string, string>;
}

export function ImportDialog(p: {
  /** The button's text and the dialog's name. */
  label: string;
  accept: string;
  multiple?: boolean;
  /** The fields a column can be mapped to, and their names. */
  fields: readonly string[];
  fieldLabel(field: string): string;
  /** The core's import of these files: a dry run while previewing. */
  run(files: ImportFile[], dryRun: boolean): Promise<ImportResult>;
  /** After the import: the toast's text. */
  done(result: ImportResult): string;
  onImported(result: ImportResult): void;
}) {
  const { t, lang } = useI18n();
  const areas = useAreas();
  const provinceName = (code: string) => areas.provinces.find((x) => x.code === code)?.name ?? code;
  const notify = useToast();
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (list: ImportFile[], dryRun: boolean) => {
    setFiles(list);
    setBusy(true);
    try {
      const r = await p.run(list, dryRun);
      if (dryRun) setPreview(r);
      else {
        notify(p.done(r));
        setPreview(null);
        setFiles([]);
        p.onImported(r);
      }
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const pick = async (picked: FileList | null) => {
    if (!picked?.length) return;
    await run(await Promise.all([...picked].map(async (f) => ({ name: f.name, dataBase64: await toBase64(f), district: null }))), true);
  };
  const change = (i: number, edit: (f: ImportFile) => ImportFile) => void run(files.map((f, j) => (j === i ? edit(f) : f)), true);
  const importable = preview?.files.some((f) => f.status === 'imported' && f.accepted + f.updated > 0);

  return (
    <>
      <FileButton label={p.label} accept={p.accept} multiple={p.multiple} onFiles={pick} />
      {busy && <span className="busy">{t('ship.importing', { name: files.map((f) => f.name).join(', ') })}</span>}
      {preview && (
        <div className="import-dialog" role="dialog" aria-label={p.label}>
          {preview.files.map((f, i) => (
            // A file refused only for a column to name is a choice to make (amber), not a bad file (red).
            <section key={f.file} className={`file-card ${f.needsMapping ? 'map' : f.status === 'refused' ? 'refused' : ''}`} aria-label={f.file}>
              <strong>{f.file}</strong>
              {f.status === 'refused' ? (
                <FileMessage report={f} className={f.needsMapping ? 'file-message warn' : undefined} />
              ) : (
                <p className="counts" data-testid={`counts-${f.file}`}>
                  {t('ship.preview', { file: f.file, accepted: f.accepted, updated: f.updated, unchanged: f.unchanged, refused: f.refused.length })}
                </p>
              )}
              {/* BPS tables: which province's figures they become, and why (its title, the choice, the office's). */}
              {f.provinces?.map((x) => (
                <p key={x.sheet} className="province-note" data-testid={`province-${f.file}`}>
                  {t(`trade.provinceFrom.${x.source}`, { sheet: x.sheet, name: provinceName(x.code) })}
                  {x.year != null && ` ${t('trade.yearFromTitle', { year: x.year })}`}
                </p>
              ))}
              {f.needsDistrict && (
                <label className="district-choice">
                  {t('ship.needsDistrict')}{' '}
                  <select value={files[i]?.district ?? ''} onChange={(e) => change(i, (x) => ({ ...x, district: e.target.value || null }))}>
                    <option value="">—</option>
                    {areas.districts.map((d) => (
                      <option key={d.code} value={d.code}>
                        {areas.name(d.code)} ({d.province})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <FileMapping report={f} fields={p.fields} label={p.fieldLabel} onMapping={(h, k) => change(i, (x) => ({ ...x, mapping: { ...x.mapping, [h]: k } }))} />
              <Problems title={t('import.refused')} rows={f.refused} tone="error" />
              <Problems title={t('import.warnings')} rows={f.warnings} tone="info" />
              <Problems title={t('ship.repeats')} rows={f.duplicates.map((d) => ({ sheet: d.sheet, row: d.row, name: d.business_name, reason: noteText(d, lang) }))} tone="info" />
            </section>
          ))}
          <div className="toolbar">
            <button type="button" className="primary" disabled={!importable || busy} onClick={() => void run(files, false)}>
              {t('ship.importNow')}
            </button>
            <button type="button" onClick={() => (setPreview(null), setFiles([]))}>
              {t('ship.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * Importing shipment lists: the file is read by the core as a dry run first (counts and every
 * refused row with its place and reason), then imported on "Impor sekarang" in one transaction.
 */
import { useState } from 'react';
import type { ImportResult } from '../../../shared/import';
import { SHIPMENT_FIELD_KEYS } from '../../../shared/shipments';
import { ColumnMapping, Problems, UnmappedColumns } from '../../components/ImportMapping';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { toBase64 } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';
import { FileButton } from '../../components/FileButton';

export function ShipmentImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const areas = useAreas();
  const notify = useToast();
  const [files, setFiles] = useState<{ name: string; dataBase64: string; district: string | null; mapping?: Record<string, string> }[]>([]);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (list: typeof files, dryRun: boolean) => {
    setBusy(true);
    try {
      const r = await api.call('shipments.import', { files: list, dryRun });
      if (dryRun) setPreview(r);
      else {
        const sum = (k: 'accepted' | 'updated') => r.files.reduce((s, f) => s + f[k], 0);
        notify(t('ship.imported', { n: sum('accepted'), u: sum('updated') }));
        setPreview(null);
        setFiles([]);
        onImported();
      }
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const pick = async (picked: FileList | null) => {
    if (!picked?.length) return;
    const list = await Promise.all([...picked].map(async (f) => ({ name: f.name, dataBase64: await toBase64(f), district: null })));
    setFiles(list);
    await run(list, true);
  };
  const choose = (i: number, district: string) => {
    const list = files.map((f, j) => (j === i ? { ...f, district: district || null } : f));
    setFiles(list);
    void run(list, true);
  };
  /** A column mapped by hand in the preview: read again with it. */
  const remap = (i: number, header: string, field: string) => {
    const list = files.map((f, j) => (j === i ? { ...f, mapping: { ...f.mapping, [header]: field } } : f));
    setFiles(list);
    void run(list, true);
  };
  const label = (k: string) => t(`ship.${k}` as never);
  const importable = preview?.files.some((f) => f.status === 'imported' && f.accepted + f.updated > 0);

  return (
    <>
      <FileButton label={t('ship.import')} accept=".xlsx,.xlsm,.csv,.txt" multiple onFiles={pick} />
      {busy && <span className="busy">{t('ship.importing', { name: files.map((f) => f.name).join(', ') })}</span>}
      {preview && (
        <div className="ship-import" role="dialog" aria-label={t('ship.import')}>
          {preview.files.map((f, i) => (
            <div key={f.file} className="file-card">
              <strong>{f.file}</strong>
              {f.status === 'refused' ? <p className="file-message">{f.message}</p> : (
                <p className="counts">
                  {t('ship.preview', { file: f.file, accepted: f.accepted, updated: f.updated, unchanged: f.unchanged, refused: f.refused.length })}
                </p>
              )}
              {f.needsDistrict && (
                <label className="district-choice">
                  {t('ship.needsDistrict')}{' '}
                  <select value={files[i]?.district ?? ''} onChange={(e) => choose(i, e.target.value)}>
                    <option value="">—</option>
                    {areas.districts.map((d) => (
                      <option key={d.code} value={d.code}>
                        {areas.name(d.code)} ({d.province})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <UnmappedColumns columns={f.unmapped ?? []} fields={SHIPMENT_FIELD_KEYS} label={label} onMapping={(h, k) => remap(i, h, k)} />
              {f.sheets.map((sh) => (
                <details key={sh.name} className="mapping">
                  <summary>
                    {t('import.sheet', { name: sh.name, row: sh.headerRow })} — {t('import.mapping')}
                  </summary>
                  <ColumnMapping columns={sh.columns} fields={SHIPMENT_FIELD_KEYS} label={label} onMapping={(h, k) => remap(i, h, k)} />
                </details>
              ))}
              <Problems title={t('import.refused')} rows={f.refused} tone="error" />
            </div>
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

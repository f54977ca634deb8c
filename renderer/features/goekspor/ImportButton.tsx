/** Picks a district's .xlsx (participants or certificates), previews it as a dry run, then imports it. */
import { useState } from 'react';
import { fileMessage, noteText, problemText, type ImportResult } from '../../../shared/import';
import { api } from '../../api/client';
import { toBase64 } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { useRun } from './common';
import { FileButton } from '../../components/FileButton';
import { FileMapping } from '../../components/ImportMapping';
import type { UiKey } from '../../i18n/dictionary';

/** The Go Ekspor lists' fields as the preview's mapping table names them. */
const FIELD_LABEL: Record<string, UiKey> = {
  nib: 'field.nib', business_name: 'field.business_name', district_code: 'field.district_code', owner: 'field.owner_name',
  attended: 'ge.act.attended', note: 'ge.note', notes: 'ge.note', type: 'ge.cert.type', number: 'ge.cert.number',
  issued_on: 'ge.cert.issued', expires_on: 'ge.cert.expires', status: 'ge.cert.status', status_since: 'ge.cert.since',
  product: 'ge.featured.product', commodity: 'ge.featured.commodity',
};

export function ImportButton({ kind, activityId, decreeId, hint, onDone }: { kind: 'participants' | 'certificates' | 'featured'; activityId?: number; decreeId?: number; hint: string; onDone(): void }) {
  const { t, lang } = useI18n();
  const run = useRun();
  const [pending, setPending] = useState<{ name: string; dataBase64: string; preview: ImportResult } | null>(null);
  const summary = (r: ImportResult) => {
    const f = r.files[0]!;
    return f.status === 'refused' ? fileMessage(f, lang) : t('ge.importResult', { file: f.file, a: f.accepted, u: f.updated, c: f.unchanged, r: f.refused.length });
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const dataBase64 = await toBase64(file);
    const preview = await run(api.call('goekspor.import', { kind, activity_id: activityId, decree_id: decreeId, file: { name: file.name, dataBase64 }, dryRun: true }));
    if (preview) setPending({ name: file.name, dataBase64, preview });
  };
  const commit = async () => {
    if (!pending) return;
    const r = await run(api.call('goekspor.import', { kind, activity_id: activityId, decree_id: decreeId, file: { name: pending.name, dataBase64: pending.dataBase64 }, dryRun: false }));
    if (r) {
      setPending(null);
      onDone();
    }
  };
  const f = pending?.preview.files[0];
  return (
    <span className="ge-import">
      <FileButton label={t('ge.importFile')} title={hint} accept=".xlsx,.xlsm,.xls,.ods,.csv" onFiles={(files) => pick(files?.[0])} />
      {pending && f && (
        <div className="ge-import-preview" role="dialog" aria-label={t('ge.importFile')}>
          <p>{summary(pending.preview)}</p>
          {/* How its columns were read, and the columns with data it does not take: nothing unseen. */}
          <FileMapping report={f} fields={[]} label={(k) => (FIELD_LABEL[k] ? t(FIELD_LABEL[k]) : k)} />
          {f.refused.length > 0 && (
            <ul className="ge-refused">
              {f.refused.slice(0, 50).map((p, i) => (
                <li key={i}>{t('ge.refusedRow', { sheet: p.sheet, row: p.row, column: p.column ? `, ${t('import.column').toLowerCase()} ${p.column}` : '', reason: problemText(p, lang) })}</li>
              ))}
            </ul>
          )}
          {/* Rows that repeat an earlier one: recorded once, said so. */}
          {f.duplicates.length > 0 && (
            <ul className="ge-repeats">
              {f.duplicates.slice(0, 50).map((d, i) => (
                <li key={i}>{t('ge.refusedRow', { sheet: d.sheet, row: d.row, column: '', reason: `${d.business_name}: ${noteText(d, lang)}` })}</li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" disabled={f.status === 'refused' || f.accepted + f.updated === 0} onClick={() => void commit()}>
            {t('ship.importNow')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('ge.cancel')}
          </button>
        </div>
      )}
    </span>
  );
}

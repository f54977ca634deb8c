/**
 * What an import preview shows of a file, shared by the IKM wizard, the shipments and the BPS
 * trade-table imports (components/ImportDialog.tsx):
 * the column mapping of each table (header, the field — a select while previewing — how sure
 * the import is and why), every column that holds data and is not imported, so nothing is
 * dropped unseen, and the problem rows, all of them, a page at a time.
 */
import { useState } from 'react';
import { fileMessage, problemText, type ColumnReport, type FileReport, type RowProblem, type UnmappedColumn } from '../../shared/import';
import { message, type MessageKey } from '../../shared/messages';
import { useI18n } from '../i18n/i18n';

export function ColumnMapping(p: {
  columns: ColumnReport[];
  fields: readonly string[];
  label(field: string): string;
  onMapping?: (header: string, field: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <table className="mapping-table">
      <thead>
        <tr>
          <th>{t('import.column')}</th>
          <th>{t('import.header')}</th>
          <th>{t('import.field')}</th>
          <th>{t('import.confidence')}</th>
          <th>{t('import.why')}</th>
        </tr>
      </thead>
      <tbody>
        {p.columns.map((c) => {
          const sure = c.confidence ?? 1;
          return (
            <tr key={c.column} className={c.field ? (sure < 0.7 ? 'unsure' : '') : 'ignored'}>
              <td className="col-letter">{c.column}</td>
              <td>{c.header || <span className="muted">{t('import.noHeader')}</span>}</td>
              <td>
                {p.onMapping ? (
                  <select aria-label={`${t('import.mapping')}: ${c.header || c.column}`} value={c.field} onChange={(e) => p.onMapping!(c.header, e.target.value)}>
                    <option value="">{t('import.ignore')}</option>
                    {p.fields.map((k) => (
                      <option key={k} value={k}>
                        {p.label(k)}
                      </option>
                    ))}
                  </select>
                ) : c.field ? (
                  p.label(c.field)
                ) : (
                  t('import.ignore')
                )}
              </td>
              <td className="num">{c.field ? `${Math.round(sure * 100)}%` : ''}</td>
              <td className="why">{(c.why ?? []).map((w) => message(lang, w.key as MessageKey, w.params)).join('; ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Why a whole file is refused, in the UI's language when the core gave a message key. */
export function FileMessage({ report, className = 'file-message' }: { report: FileReport; className?: string }) {
  const { lang } = useI18n();
  const text = fileMessage(report, lang);
  return text ? (
    <p className={className} role="alert">
      {text}
    </p>
  ) : null;
}

/**
 * A file's columns: those with data that are not imported (each with a field to take it as),
 * then each table's mapping, a field to pick per column while previewing (`onMapping`). A
 * refused file shows the columns it did read, so a column the import missed can still be named.
 */
export function FileMapping(p: { report: FileReport; fields: readonly string[]; label(field: string): string; onMapping?: (header: string, field: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <UnmappedColumns columns={p.report.unmapped ?? []} fields={p.fields} label={p.label} onMapping={p.onMapping} />
      {p.report.sheets.map((s) => (
        // Open where there is mapping to do: a refused file's columns, and a table the user is remapping (stays open as it is read again).
        <details key={s.name} className="mapping" open={p.onMapping != null && (p.report.status === 'refused' || s.columns.some((c) => c.source === 'user'))}>
          <summary>
            {t('import.sheet', { name: s.name, row: s.headerRow })} — {t('import.mapping')}
          </summary>
          <ColumnMapping columns={s.columns} fields={p.fields} label={p.label} onMapping={p.onMapping} />
        </details>
      ))}
    </>
  );
}

/** "Kolom berisi data yang tidak diimpor": each with its values' count and examples, and a field to take it as. */
export function UnmappedColumns(p: {
  columns: UnmappedColumn[];
  fields: readonly string[];
  label(field: string): string;
  onMapping?: (header: string, field: string) => void;
}) {
  const { t } = useI18n();
  if (p.columns.length === 0) return null;
  return (
    <div className="unmapped" role="alert" data-testid="unmapped">
      <strong>{t('import.unmapped', { n: p.columns.length })}</strong>
      <ul>
        {p.columns.map((u) => (
          <li key={`${u.sheet}!${u.column}`}>
            {t('import.unmappedColumn', { sheet: u.sheet, column: u.column, header: u.header || t('import.noHeader'), n: u.values })}{' '}
            <span className="muted">({u.examples.join('; ')})</span>
            {p.onMapping && u.header && (
              <select aria-label={t('import.unmappedTake', { header: u.header })} value="" onChange={(e) => e.target.value && p.onMapping!(u.header, e.target.value)}>
                <option value="">{t('import.unmappedTakeAs')}</option>
                {p.fields.map((k) => (
                  <option key={k} value={k}>
                    {p.label(k)}
                  </option>
                ))}
              </select>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Problem = Pick<RowProblem, 'sheet' | 'row' | 'column' | 'reason' | 'key' | 'params' | 'dropped' | 'original' | 'header' | 'name'>;

const PAGE = 100;

/** Problem rows of one file, all of them, a page at a time. */
export function Problems({ title, rows, tone, onFix }: { title: string; rows: Problem[]; tone: string; onFix?: (address: string, value: string) => void }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(0);
  if (rows.length === 0) return null;
  const pages = Math.ceil(rows.length / PAGE);
  const at = Math.min(page, pages - 1);
  return (
    <details className={`problems ${tone}`} open={tone === 'error'}>
      <summary>
        {title} ({rows.length})
      </summary>
      <table>
        <thead>
          <tr>
            <th>{t('import.sheetName')}</th>
            <th>{t('import.row')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.businessName')}</th>
            <th>{t('import.reason')}</th>
            {onFix && <th>{t('import.fix')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.slice(at * PAGE, (at + 1) * PAGE).map((r) => {
            const was = r.header ? String(r.original?.[r.header] ?? '') : '';
            return (
            <tr key={`${r.sheet}!${r.column ?? ''}${r.row}`}>
              <td>{r.sheet}</td>
              <td>{r.row}</td>
              <td>{r.column ?? ''}</td>
              <td>{r.name ?? ''}</td>
              <td>{problemText(r, lang)}</td>
              {onFix && (
                <td>
                  {r.column && (
                    <input
                      aria-label={t('import.fixCell', { cell: `${r.column}${r.row}` })}
                      placeholder={t('import.fixHint')}
                      defaultValue={was}
                      onKeyDown={(e) => e.key === 'Enter' && onFix(`${r.sheet}!${r.column}${r.row}`, e.currentTarget.value)}
                      onBlur={(e) => e.currentTarget.value !== was && onFix(`${r.sheet}!${r.column}${r.row}`, e.currentTarget.value)}
                    />
                  )}
                </td>
              )}
            </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>
            ‹
          </button>
          <span>{t('import.page', { from: at * PAGE + 1, to: Math.min(rows.length, (at + 1) * PAGE), n: rows.length })}</span>
          <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            ›
          </button>
        </div>
      )}
    </details>
  );
}

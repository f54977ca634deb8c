/** The active record's fields and its audit history (who changed what, when). */
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract';
import type { IkmRecord } from '../../../shared/fields';
import { api } from '../../api/client';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { ALL_COLUMNS, displayValue, type Display } from './columns';
import { ImportSourceLine } from './ImportSourceLine';

export function DetailPanel({ row, display, onClose, version }: { row: IkmRecord | undefined; display: Display; onClose(): void; version: number }) {
  const { t } = useI18n();
  const [history, setHistory] = useState<AuditEntry[]>([]);
  // Reloaded when another record becomes active, when it was saved, and after any write (version).
  const id = row?.id;
  const updated = row?.updated_at;
  useEffect(() => {
    if (id == null) return setHistory([]);
    void api.call('ikm.history', { id }).then(setHistory, () => setHistory([]));
  }, [id, updated, version]);
  const fieldName = (f: string | null) => (f ? t(`field.${f}` as never) : '');
  return (
    <aside className="detail" aria-label={t('detail.title')}>
      <div className="detail-head">
        <h2>{row?.business_name ?? t('detail.title')}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('detail.close')}>
          ✕
        </button>
      </div>
      {!row && <p className="muted">{t('detail.empty')}</p>}
      {row && (
        <>
          <dl className="detail-fields">
            {ALL_COLUMNS.map((c) => (
              <div key={c.key}>
                <dt>{t(`field.${c.key}` as never)}</dt>
                <dd>{displayValue(row, c.key, display) || '—'}</dd>
              </div>
            ))}
          </dl>
          <ImportSourceLine id={row.id} version={`${row.updated_at}|${version}`} />
          <h3>{t('detail.history')}</h3>
          {history.length === 0 && <p className="muted">{t('detail.noHistory')}</p>}
          <ol className="history" data-testid="history">
            {history.map((h) => (
              <li key={h.id}>
                <div className="history-meta">
                  {formatDateTime(h.at)} · {h.os_user} · {t(`audit.${h.action}`)}
                </div>
                {h.field && (
                  <div>
                    <b>{fieldName(h.field)}</b>: <span className="old">{h.old_value ?? '—'}</span> → <span className="new">{h.new_value ?? '—'}</span>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

/** A record's change history in a grid's detail panel (registry, shipments): when, who, what, old → new. */
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';

export interface HistoryItem {
  id: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  at: string;
  os_user: string;
  /** The import batch of an 'import' row, when known. */
  batch_id?: number | null;
}

export function HistoryList({ items, fieldName }: { items: HistoryItem[]; fieldName(field: string): string }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('detail.history')}</h3>
      {items.length === 0 && <p className="muted">{t('detail.noHistory')}</p>}
      <ol className="history" data-testid="history">
        {items.map((h) => (
          <li key={h.id}>
            <div className="history-meta">
              {formatDateTime(h.at)} · {h.os_user} · {t(`audit.${h.action}`)}
              {h.batch_id != null && ` #${h.batch_id}`}
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
  );
}

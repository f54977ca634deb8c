/** The active record's fields and its audit history (who changed what, when). */
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract';
import type { IkmRecord } from '../../../shared/fields';
import { api } from '../../api/client';
import { DetailFrame } from '../../grid/DetailFrame';
import { HistoryList } from '../../grid/HistoryList';
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
  return (
    <DetailFrame label={t('detail.title')} heading={row?.business_name} onClose={onClose}>
      {row ? (
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
          <HistoryList items={history} fieldName={(f) => t(`field.${f}` as never)} />
        </>
      ) : null}
    </DetailFrame>
  );
}

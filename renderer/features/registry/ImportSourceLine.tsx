/** "asal: kotim_2025.xlsx, lembar Sheet1, baris 14, impor #3 oleh ana, 1/12/2026": where a record's values came from. */
import { useEffect, useState } from 'react';
import type { RecordSource } from '../../../shared/import';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export function ImportSourceLine({ id, version }: { id: number; version: unknown }) {
  const { t } = useI18n();
  const [source, setSource] = useState<RecordSource | null>(null);
  useEffect(() => {
    void api.call('import.source', { id }).then(setSource, () => setSource(null));
  }, [id, version]);
  if (!source) return null;
  const d = new Date(source.at);
  return (
    <p className="muted" data-testid="import-source">
      {t('detail.source', { file: source.file, sheet: source.sheet, row: source.row, batch: source.batch_id, user: source.os_user, date: `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}` })}
    </p>
  );
}

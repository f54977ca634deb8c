/**
 * Sampah (recycle bin): the registry records and shipments that were deleted, who deleted them
 * and when; tick rows and restore them (each restore is audited in the core).
 */
import { useCallback, useEffect, useState } from 'react';
import type { TrashKind, TrashRow } from '../../../shared/trash';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';

const PAGE = 100;

export function TrashPage({ onRestored }: { onRestored?: () => void }) {
  const { t } = useI18n();
  const notify = useToast();
  const areas = useAreas();
  const [kind, setKind] = useState<TrashKind>('ikm');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: TrashRow[]; total: number } | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());

  const load = useCallback(() => {
    void api.call('trash.list', { kind, search: search.trim() || undefined, offset, limit: PAGE }).then(setPage, (e: unknown) => notify((e as Error).message, { tone: 'error' }));
  }, [kind, search, offset, notify]);
  useEffect(load, [load]);
  useEffect(() => setPicked(new Set()), [kind, search, offset]);

  const detail = (r: TrashRow): string => {
    const parts = r.detail.split('|');
    if (kind === 'ikm') return [parts[0] ? `NIB ${parts[0]}` : '', areas.name(parts[1] ?? '')].filter(Boolean).join(' · ');
    const [date, product, country, fob] = parts;
    return [date, product, country, fob ? `US$ ${formatNumber(Number(fob))}` : ''].filter(Boolean).join(' · ');
  };

  const restore = async () => {
    try {
      const r = await api.call('trash.restore', { kind, ids: [...picked] });
      if (r.restored) notify(t('trash.restored', { n: formatNumber(r.restored) }));
      if (r.skipped.length) notify(t('trash.skipped', { n: r.skipped.length, reason: r.skipped[0]!.reason }), { tone: 'error' });
      setPicked(new Set());
      load();
      onRestored?.();
    } catch (e) {
      notify((e as Error).message, { tone: 'error' });
    }
  };

  const rows = page?.rows ?? [];
  const allPicked = rows.length > 0 && rows.every((r) => picked.has(r.id));
  return (
    <section className="trash" aria-labelledby="trash-title">
      <div className="trash-head">
        <h1 id="trash-title">{t('trash.title')}</h1>
        <p className="muted">{t('trash.hint')}</p>
      </div>
      <div className="trash-tools">
        <div role="radiogroup" aria-label={t('trash.title')} className="segmented">
          {(['ikm', 'shipment'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              className={kind === k ? 'active' : ''}
              onClick={() => {
                setKind(k);
                setOffset(0);
              }}
            >
              {t(`trash.kind.${k}`)}
            </button>
          ))}
        </div>
        <input
          type="search"
          aria-label={t('trash.search')}
          placeholder={t('trash.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
        <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void restore()}>
          {t('trash.restore', { n: formatNumber(picked.size) })}
        </button>
        {page && <span className="muted">{t('trash.count', { n: formatNumber(page.total) })}</span>}
      </div>
      {page && page.total === 0 ? (
        <p className="panel-note muted">{t('trash.empty')}</p>
      ) : (
        <table className="data-table trash-table">
          <thead>
            <tr>
              <th className="check">
                <input
                  type="checkbox"
                  aria-label={t('trash.selectAll')}
                  checked={allPicked}
                  onChange={() => setPicked(allPicked ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              <th>{t(`trash.label.${kind}`)}</th>
              <th>{t('trash.detail')}</th>
              <th>{t('trash.deletedAt')}</th>
              <th>{t('trash.deletedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={picked.has(r.id) ? 'picked' : ''}>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={t('trash.select', { name: r.label })}
                    checked={picked.has(r.id)}
                    onChange={() =>
                      setPicked((p) => {
                        const n = new Set(p);
                        if (!n.delete(r.id)) n.add(r.id);
                        return n;
                      })
                    }
                  />
                </td>
                <td>{r.label}</td>
                <td className="muted">{detail(r)}</td>
                <td>{formatDateTime(r.deleted_at)}</td>
                <td>{r.deleted_by ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > PAGE && (
        <div className="trash-pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('trash.prev')}
          </button>
          <span className="muted">{t('trash.page', { from: formatNumber(offset + 1), to: formatNumber(Math.min(page.total, offset + PAGE)), total: formatNumber(page.total) })}</span>
          <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            {t('trash.next')}
          </button>
        </div>
      )}
    </section>
  );
}

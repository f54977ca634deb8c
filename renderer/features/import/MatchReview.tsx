/**
 * The preview's review of matching decisions (electron/core/import/match.ts) for one file: pairs
 * kept apart that may be one business (the user may merge them), rows imported once or joined to
 * an earlier row, and every field the file changes in a record the registry already has — a field
 * the province edited by hand since the last import is a conflict, kept unless the user takes the
 * file's value. Each choice re-runs the preview, so what is shown is what "Impor" will do.
 */
import { useState } from 'react';
import { noteText, type DuplicateNote, type FileReport, type ImportDecisions, type RecordChange } from '../../../shared/import';
import { formatDate, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';

const PAGE = 100;

const show = (v: string | number | null | undefined) => (v == null || v === '' ? '—' : typeof v === 'number' ? formatNumber(v) : v);

export function MatchReview(p: { report: FileReport; decisions?: ImportDecisions; onDecide?: (d: ImportDecisions) => void; districtName(code: string): string }) {
  const { t, lang } = useI18n();
  const f = p.report;
  const pairs = f.duplicates.filter((d) => d.mergeable || d.merged);
  const joined = f.duplicates.filter((d) => !d.mergeable && !d.merged);
  const changes = f.changes ?? [];
  const conflicts = changes.reduce((n, c) => n + c.fields.filter((x) => x.conflict).length, 0);
  const d = p.decisions ?? {};
  const merge = (note: DuplicateNote, on: boolean) => {
    const next = { ...d.merge };
    if (on && note.key && note.match) next[note.key] = note.match.id != null ? { id: note.match.id } : { file: note.match.file, sheet: note.match.sheet!, row: note.match.row! };
    else if (note.key) delete next[note.key];
    p.onDecide?.({ ...d, merge: next });
  };
  const take = (c: RecordChange, field: string, on: boolean) => {
    const key = `${c.key}:${field}`;
    const rest = (d.takeFile ?? []).filter((k) => k !== key);
    p.onDecide?.({ ...d, takeFile: on ? [...rest, key] : rest });
  };
  if (pairs.length + joined.length + changes.length === 0) return null;
  return (
    <div className="match-review">
      {pairs.length > 0 && (
        <details className="problems warn" open data-testid={`pairs-${f.file}`}>
          <summary>{t('review.pairs', { n: pairs.length })}</summary>
          <p className="muted">{t('review.pairsHelp')}</p>
          <Paged items={pairs}>
            {(n) => (
              <div key={`${n.key}-${n.kind}`} className="pair" data-testid="pair">
                <div className="pair-head">
                  {t('import.row')} {n.row} ({n.sheet}) · <b>{n.business_name}</b> · {t(`review.kind.${n.kind}` as never)}
                </div>
                <table className="pair-sides">
                  <thead>
                    <tr>
                      <th />
                      <th>{t('review.thisRow')}</th>
                      <th>{n.match?.row != null ? t('review.otherRow', { row: n.match.row, sheet: n.match.sheet ?? '' }) : t('review.registry')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th>{t('field.business_name')}</th>
                      <td>{n.business_name}</td>
                      <td>{n.match?.business_name}</td>
                    </tr>
                    <tr>
                      <th>{t('field.owner_name')}</th>
                      <td>{show(n.values?.owner_name)}</td>
                      <td>{show(n.match?.owner_name)}</td>
                    </tr>
                    <tr>
                      <th>{t('field.address')}</th>
                      <td>{show(n.values?.address)}</td>
                      <td>{show(n.match?.address)}</td>
                    </tr>
                    <tr>
                      <th>{t('field.nib')}</th>
                      <td>{show(n.values?.nib)}</td>
                      <td>{show(n.match?.nib)}</td>
                    </tr>
                    <tr>
                      <th>{t('field.district_code')}</th>
                      <td>{n.values?.district_code ? p.districtName(n.values.district_code) : '—'}</td>
                      <td>{n.match?.district_code ? p.districtName(n.match.district_code) : '—'}</td>
                    </tr>
                  </tbody>
                </table>
                <p className="muted">{noteText(n, lang)}</p>
                {p.onDecide && n.key ? (
                  <div className="pair-choice" role="radiogroup" aria-label={t('review.choice', { row: n.row })}>
                    <label>
                      <input type="radio" name={`pair-${f.file}-${n.key}`} checked={!d.merge?.[n.key]} onChange={() => merge(n, false)} /> {t('review.keepApart')}
                    </label>
                    <label>
                      <input type="radio" name={`pair-${f.file}-${n.key}`} checked={Boolean(d.merge?.[n.key])} onChange={() => merge(n, true)} /> {t('review.merge')}
                    </label>
                  </div>
                ) : (
                  <p className="muted">{n.merged ? t('review.merged') : t('review.keptApart')}</p>
                )}
              </div>
            )}
          </Paged>
        </details>
      )}
      {changes.length > 0 && (
        <details className={`problems ${conflicts ? 'warn' : 'info'}`} open={conflicts > 0} data-testid={`changes-${f.file}`}>
          <summary>{t('review.changes', { n: changes.length, c: conflicts })}</summary>
          {conflicts > 0 && <p className="muted">{t('review.conflictHelp')}</p>}
          <table>
            <thead>
              <tr>
                <th>{t('import.row')}</th>
                <th>IKM</th>
                <th>{t('review.field')}</th>
                <th>{t('review.registryValue')}</th>
                <th>{t('review.fileValue')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <Paged items={changes.flatMap((c) => c.fields.map((x) => ({ c, x })))} rows>
                {({ c, x }) => (
                  <tr key={`${c.key}:${x.field}`} className={x.conflict ? 'conflict' : ''} data-testid={x.conflict ? 'conflict' : undefined}>
                    <td>{c.row}</td>
                    <td>{c.business_name}</td>
                    <td>{t(`field.${x.field}` as never)}</td>
                    <td>{show(x.from)}</td>
                    <td>{show(x.to)}</td>
                    <td>
                      {x.conflict ? (
                        <>
                          <span className="muted">{t('review.editedBy', { user: x.conflict.os_user, date: formatDate(x.conflict.at) })}</span>{' '}
                          {p.onDecide ? (
                            <select aria-label={t('review.conflictChoice', { field: t(`field.${x.field}` as never), row: c.row })} value={x.taken ? 'file' : 'registry'} onChange={(e) => take(c, x.field, e.target.value === 'file')}>
                              <option value="registry">{t('review.keepRegistry')}</option>
                              <option value="file">{t('review.takeFile')}</option>
                            </select>
                          ) : (
                            <b>{x.taken ? t('review.takeFile') : t('review.keepRegistry')}</b>
                          )}
                        </>
                      ) : null}
                    </td>
                  </tr>
                )}
              </Paged>
            </tbody>
          </table>
        </details>
      )}
      {joined.length > 0 && (
        <details className="problems info">
          <summary>{t('review.joined', { n: joined.length })}</summary>
          <ul>
            {joined.slice(0, 300).map((n) => (
              <li key={`${n.key}-${n.kind}`}>
                {t('import.row')} {n.row} ({n.sheet}) · {n.business_name}: {noteText(n, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** A long list a page at a time. */
function Paged<T>({ items, children, rows }: { items: T[]; children: (item: T) => React.ReactNode; rows?: boolean }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const pages = Math.ceil(items.length / PAGE);
  const nav =
    pages > 1 ? (
      <span className="pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          ‹
        </button>{' '}
        {t('review.page', { p: page + 1, n: pages })}{' '}
        <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
          ›
        </button>
      </span>
    ) : null;
  const shown = items.slice(page * PAGE, (page + 1) * PAGE).map(children);
  if (rows)
    return (
      <>
        {shown}
        {nav && (
          <tr>
            <td colSpan={6}>{nav}</td>
          </tr>
        )}
      </>
    );
  return (
    <>
      {shown}
      {nav}
    </>
  );
}

/**
 * The pipeline board: one column per stage (terdaftar → ekspor pertama). Cards move with their
 * ◀ ▶ buttons, with ← / → when focused, or by dragging; every move is written to the audit log
 * in the core. A card opens the IKM's readiness (each rule, its points) and its history.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { nextStepText, ruleLabel, STAGES, type Stage, type Why } from '../../../shared/goekspor';
import type { Result } from '../../../shared/contract';
import type { BoardCard, GeAuditEntry } from '../../../shared/goekspor-contract';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { IkmPicker, idDate, useRun, type PickedIkm } from './common';

type BoardData = Result<'goekspor.board'>;

export function Board() {
  const { t, lang } = useI18n();
  const stageName = (s: Stage) => t(`ge.stage.${s}`);
  const areas = useAreas();
  const run = useRun();
  const [data, setData] = useState<BoardData | null>(null);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState<PickedIkm | null>(null);
  const [note, setNote] = useState('');
  const focusAfter = useRef<number | null>(null);

  const load = useCallback(() => void api.call('goekspor.board', search.trim() ? { search: search.trim() } : {}).then(setData), [search]);
  useEffect(() => {
    const h = setTimeout(load, 200);
    return () => clearTimeout(h);
  }, [load]);
  useEffect(() => {
    if (focusAfter.current == null) return;
    document.querySelector<HTMLElement>(`[data-card="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  }, [data]);

  const move = async (card: BoardCard, stage: Stage) => {
    if (stage === card.stage) return;
    const r = await run(api.call('goekspor.move', { ikm_id: card.ikm_id, stage, note: note.trim() || null }), t('ge.board.moved', { name: card.business_name, stage: stageName(stage) }));
    if (r) {
      setNote('');
      focusAfter.current = card.ikm_id;
      load();
    }
  };
  const step = (card: BoardCard, d: -1 | 1) => STAGES[STAGES.indexOf(card.stage) + d];
  const onKey = (e: KeyboardEvent, card: BoardCard) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const s = step(card, e.key === 'ArrowRight' ? 1 : -1);
      e.preventDefault();
      if (s) void move(card, s);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setOpen(card.ikm_id);
    }
  };

  return (
    <div className="ge-board-wrap">
      <div className="toolbar ge-toolbar">
        <input type="search" aria-label={t('ge.board.search')} placeholder={t('ge.board.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <IkmPicker value={adding} onChange={setAdding} label={t('ge.board.add')} />
        {adding && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void run(api.call('goekspor.enrol', { ikm_id: adding.id }), t('ge.saved')).then((c) => {
                if (c) {
                  setAdding(null);
                  load();
                }
              })
            }
          >
            {t('ge.board.add')}
          </button>
        )}
        <span className="muted ge-hint">{t('ge.board.hint')}</span>
      </div>
      <div className="ge-main">
        <div className="ge-board" role="list" aria-label={t('ge.tab.board')}>
          {(data?.columns ?? STAGES.map((stage) => ({ stage, total: 0, cards: [] }))).map((col) => (
            <div
              key={col.stage}
              className="ge-column"
              role="listitem"
              aria-label={`${stageName(col.stage)}: ${t('ge.board.count', { n: col.total })}`}
              data-stage={col.stage}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                const id = Number(e.dataTransfer.getData('text/plain'));
                const card = data?.columns.flatMap((c) => c.cards).find((c) => c.ikm_id === id);
                if (card) void move(card, col.stage);
              }}
            >
              <h2 className="ge-column-title">
                {stageName(col.stage)} <span className="badge">{formatNumber(col.total)}</span>
              </h2>
              {col.cards.length === 0 && <p className="muted ge-empty">{t('ge.board.empty')}</p>}
              {col.cards.map((c) => {
                const prev = step(c, -1);
                const next = step(c, 1);
                return (
                  <article
                    key={c.ikm_id}
                    className={open === c.ikm_id ? 'ge-card open' : 'ge-card'}
                    data-card={c.ikm_id}
                    tabIndex={0}
                    draggable
                    aria-label={`${c.business_name}, ${stageName(c.stage)}, ${t('ge.board.score', { n: c.score })}`}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', String(c.ikm_id))}
                    onKeyDown={(e) => onKey(e, c)}
                    onClick={() => setOpen(c.ikm_id)}
                  >
                    <div className="ge-card-head">
                      <b>{c.business_name}</b>
                      <span className={`ge-score s${Math.min(4, Math.floor(c.score / 25))}`}>{c.score}</span>
                    </div>
                    <div className="muted">
                      {areas.name(c.district_code)} · {t('ge.board.since', { date: idDate(c.since) })}
                    </div>
                    {c.flags > 0 && <div className="ge-flag">⚠ {t('ge.board.flags', { n: c.flags })}</div>}
                    {c.shipments > 0 && <div className="ge-ok">✓ {t('ge.board.shipped')}</div>}
                    <div className="ge-card-next muted">{nextStepText(c, lang)}</div>
                    <div className="ge-card-moves">
                      <button type="button" disabled={!prev} aria-label={prev ? t('ge.board.left', { stage: stageName(prev) }) : undefined} onClick={(e) => (e.stopPropagation(), prev && void move(c, prev))}>
                        ◀
                      </button>
                      <button type="button" disabled={!next} aria-label={next ? t('ge.board.right', { stage: stageName(next) }) : undefined} onClick={(e) => (e.stopPropagation(), next && void move(c, next))}>
                        ▶
                      </button>
                    </div>
                  </article>
                );
              })}
              {col.total > col.cards.length && <p className="muted">{t('ge.board.more', { n: col.total - col.cards.length })}</p>}
            </div>
          ))}
        </div>
        {open != null && (
          <ReadinessPanel
            ikmId={open}
            onClose={() => setOpen(null)}
            note={note}
            onNote={setNote}
            onMove={(stage) => {
              const card = data?.columns.flatMap((c) => c.cards).find((c) => c.ikm_id === open);
              if (card) void move(card, stage);
            }}
            version={JSON.stringify(data?.columns.map((c) => c.total))}
          />
        )}
      </div>
    </div>
  );
}

/** A readiness item's reason in the UI language. */
function useWhyText(): (w: Why) => string {
  const { t } = useI18n();
  return (w) => {
    const type = 'type' in w ? t(`ge.certType.${w.type}`) : '';
    switch (w.code) {
      case 'certValid':
        return w.until ? t('ge.why.certValidUntil', { type, date: idDate(w.until) }) : t('ge.why.certValid', { type });
      case 'certRunning':
        return t('ge.why.certRunning', { type, date: idDate(w.since) });
      case 'certExpired':
        return t('ge.why.certExpired', { type });
      case 'nibInRegistry':
        return t('ge.why.nibInRegistry', { nib: w.nib });
      case 'attended':
      case 'shipped':
        return t(`ge.why.${w.code}`, { n: formatNumber(w.n) });
      default:
        return t(`ge.why.${w.code}`);
    }
  };
}

function ReadinessPanel({ ikmId, onClose, note, onNote, onMove, version }: { ikmId: number; onClose(): void; note: string; onNote(s: string): void; onMove(s: Stage): void; version: string }) {
  const { t, lang } = useI18n();
  const whyText = useWhyText();
  const stageName = (s: Stage) => t(`ge.stage.${s}`);
  const areas = useAreas();
  const [r, setR] = useState<Result<'goekspor.readiness'> | null>(null);
  const [hist, setHist] = useState<GeAuditEntry[]>([]);
  useEffect(() => {
    void api.call('goekspor.readiness', { ikm_id: ikmId }).then(setR, () => setR(null));
    void api.call('goekspor.history', { ikm_id: ikmId }).then(setHist);
  }, [ikmId, version]);
  if (!r) return null;
  return (
    <aside className="ge-detail" aria-label={t('ge.detail.title')}>
      <div className="ge-detail-head">
        <div>
          <h2 className="ge-detail-title">{r.business_name}</h2>
          <div className="muted">
            {r.nib ?? '–'} · {areas.name(r.district_code)}
          </div>
        </div>
        <button type="button" onClick={onClose}>
          {t('ge.close')}
        </button>
      </div>
      <p>
        <span className={`ge-score big s${Math.min(4, Math.floor(r.score / 25))}`} data-testid="ge-score">
          {r.score}
        </span>{' '}
        <b>{t('ge.detail.next', { text: nextStepText(r, lang) })}</b>
      </p>
      <table className="data-table ge-items">
        <thead>
          <tr>
            <th>{t('ge.detail.items')}</th>
            <th className="num">{t('ge.detail.weight')}</th>
            <th className="num">{t('ge.detail.points')}</th>
            <th>{t('ge.detail.state')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => (
            <tr key={i.key} className={`ge-state-${i.state}`}>
              <td>
                {ruleLabel(i.key, lang)}
                <div className="muted">{whyText(i.why)}</div>
              </td>
              <td className="num">{i.weight}</td>
              <td className="num">{i.state === 'na' ? '–' : formatNumber(i.points)}</td>
              <td>{t(`ge.state.${i.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ge-move">
        <label>
          {t('ge.board.moveTo')}
          <select aria-label={t('ge.board.moveTo')} value={r.stage} onChange={(e) => onMove(e.target.value as Stage)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        </label>
        <input aria-label={t('ge.detail.note')} placeholder={t('ge.detail.note')} value={note} onChange={(e) => onNote(e.target.value)} />
      </div>
      <h3>{t('ge.detail.history')}</h3>
      <ul className="history" data-testid="ge-history">
        {hist.map((h) => (
          <li key={h.id}>
            <div>
              {h.entity === 'stage' && h.action === 'move' ? (
                <>
                  <span className="old">{(STAGES.includes(h.old_value as Stage) ? stageName(h.old_value as Stage) : h.old_value)}</span> → <span className="new">{(STAGES.includes(h.new_value as Stage) ? stageName(h.new_value as Stage) : h.new_value)}</span>
                </>
              ) : (
                <>
                  {h.entity} · {h.action}
                  {h.field ? ` · ${h.field}` : ''}
                  {h.new_value ? `: ${h.new_value}` : ''}
                </>
              )}
              {h.note ? <span className="muted"> — {h.note}</span> : null}
            </div>
            <div className="history-meta">
              {formatDateTime(h.at)} · {h.os_user}
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}

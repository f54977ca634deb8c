/**
 * Legality and certificates per IKM: type, number, dates, status and the date the current step
 * started (so the time in it shows), with warnings for stuck and expiring ones, the step history,
 * the configurable "stuck" limits, and the districts' certificate lists imported from .xlsx.
 */
import { useCallback, useEffect, useState } from 'react';
import { CERT_STATUSES, CERT_TYPES, DEFAULT_STUCK_MONTHS, type CertStatus, type CertType, type StuckMonths } from '../../../shared/goekspor';
import type { Certificate, CertificateStep } from '../../../shared/goekspor-contract';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { IkmPicker, idDate, today, useRun, type PickedIkm } from './common';
import { ImportButton } from './ImportButton';
import { formatNumber } from '../../format';

const EMPTY = { type: 'halal' as CertType, label: '', number: '', issued_on: '', expires_on: '', status: 'proses' as CertStatus, status_since: '' };

export function Certificates() {
  const { t } = useI18n();
  const areas = useAreas();
  const run = useRun();
  const [list, setList] = useState<Certificate[]>([]);
  const [flagged, setFlagged] = useState(false);
  const [search, setSearch] = useState('');
  const [ikm, setIkm] = useState<PickedIkm | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const [steps, setSteps] = useState<{ id: number; steps: CertificateStep[] } | null>(null);
  const [stuck, setStuck] = useState<StuckMonths>(DEFAULT_STUCK_MONTHS);
  const load = useCallback(() => void api.call('goekspor.certificates', { flagged: flagged || undefined, search: search.trim() || undefined }).then(setList), [flagged, search]);
  // Typing in the search waits for a pause before asking the core.
  useEffect(() => {
    const h = setTimeout(load, 150);
    return () => clearTimeout(h);
  }, [load]);
  useEffect(() => void api.call('goekspor.stuckMonths', {}).then(setStuck), []);

  const save = async () => {
    if (!ikm) return;
    const r = await run(
      api.call('goekspor.saveCertificate', {
        ...(editing ? { id: editing } : {}),
        ikm_id: ikm.id,
        type: draft.type,
        label: draft.label || null,
        number: draft.number || null,
        issued_on: draft.issued_on || null,
        expires_on: draft.expires_on || null,
        status: draft.status,
        status_since: draft.status_since || null,
      }),
      t('ge.saved'),
    );
    if (r) {
      setDraft(EMPTY);
      setEditing(null);
      setIkm(null);
      load();
    }
  };
  const edit = (c: Certificate) => {
    setEditing(c.id);
    setIkm({ id: c.ikm_id, business_name: c.business_name, nib: c.nib, district_code: c.district_code });
    setDraft({ type: c.type, label: c.label ?? '', number: c.number ?? '', issued_on: c.issued_on ?? '', expires_on: c.expires_on ?? '', status: c.status, status_since: c.status_since });
  };
  const set = (patch: Partial<typeof EMPTY>) => setDraft({ ...draft, ...patch });

  return (
    <div className="ge-view">
      <form
        className="trade-form"
        aria-label={t('ge.cert.new')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('ge.pickIkmLabel')}
          <IkmPicker value={ikm} onChange={setIkm} />
        </label>
        <label>
          {t('ge.cert.type')}
          <select value={draft.type} onChange={(e) => set({ type: e.target.value as CertType })}>
            {CERT_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`ge.certType.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.type === 'lainnya' && (
          <label>
            {t('ge.cert.label')}
            <input value={draft.label} onChange={(e) => set({ label: e.target.value })} />
          </label>
        )}
        <label>
          {t('ge.cert.number')}
          <input value={draft.number} onChange={(e) => set({ number: e.target.value })} />
        </label>
        <label>
          {t('ge.cert.status')}
          <select value={draft.status} onChange={(e) => set({ status: e.target.value as CertStatus })}>
            {CERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ge.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ge.cert.since')}
          <input type="date" max={today()} value={draft.status_since} onChange={(e) => set({ status_since: e.target.value })} />
        </label>
        <label>
          {t('ge.cert.issued')}
          <input type="date" value={draft.issued_on} onChange={(e) => set({ issued_on: e.target.value })} />
        </label>
        <label>
          {t('ge.cert.expires')}
          <input type="date" value={draft.expires_on} onChange={(e) => set({ expires_on: e.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={!ikm}>
          {editing ? t('ge.save') : t('ge.cert.new')}
        </button>
        {editing && (
          <button type="button" onClick={() => (setEditing(null), setDraft(EMPTY), setIkm(null))}>
            {t('ge.cancel')}
          </button>
        )}
      </form>
      <div className="toolbar ge-toolbar">
        <input type="search" aria-label={t('ge.pickIkm')} placeholder={t('ge.pickIkm')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="inline-label">
          <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} />
          {t('ge.cert.flagged')}
        </label>
        <ImportButton kind="certificates" hint={t('ge.cert.importHint')} onDone={load} />
      </div>
      {list.length === 0 ? (
        <p className="muted">{t('ge.cert.empty')}</p>
      ) : (
        <table className="data-table ge-certs" aria-label={t('ge.tab.certs')}>
          <thead>
            <tr>
              <th>{t('ge.name')}</th>
              <th>{t('ge.district')}</th>
              <th>{t('ge.cert.type')}</th>
              <th>{t('ge.cert.number')}</th>
              <th>{t('ge.cert.status')}</th>
              <th>{t('ge.cert.since')}</th>
              <th>{t('ge.cert.issued')}</th>
              <th>{t('ge.cert.expires')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} className={c.flags.length ? 'ge-flagged' : undefined}>
                <td>{c.business_name}</td>
                <td>{areas.name(c.district_code)}</td>
                <td>{c.type === 'lainnya' && c.label ? c.label : t(`ge.certType.${c.type}`)}</td>
                <td>{c.number ?? ''}</td>
                <td>
                  <span className={`ge-status ${c.status}`}>{t(`ge.status.${c.status}`)}</span>
                  {c.flags.map((f) => (
                    <span key={f} className="badge refused ge-flag-badge">
                      {t(`ge.cert.flag.${f}`)}
                    </span>
                  ))}
                </td>
                <td>
                  {idDate(c.status_since)} <span className="muted">({t('ge.cert.days', { n: formatNumber(c.days_in_status) })})</span>
                </td>
                <td>{idDate(c.issued_on)}</td>
                <td>{idDate(c.expires_on)}</td>
                <td className="actions">
                  <button type="button" onClick={() => edit(c)}>
                    {t('ge.edit')}
                  </button>
                  <button type="button" aria-expanded={steps?.id === c.id} onClick={() => (steps?.id === c.id ? setSteps(null) : void api.call('goekspor.certificateSteps', { id: c.id }).then((s) => setSteps({ id: c.id, steps: s })))}>
                    {t('ge.cert.steps')}
                  </button>
                  <button type="button" onClick={() => void run(api.call('goekspor.deleteCertificate', { id: c.id }), t('ge.deleted')).then(load)}>
                    {t('ge.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {steps && (
        <section className="ge-card-box" aria-label={t('ge.cert.steps')}>
          <h4>{t('ge.cert.steps')}</h4>
          <ol className="ge-steps">
            {steps.steps.map((s, i) => (
              <li key={i}>
                <b>{t(`ge.status.${s.status}`)}</b> · {idDate(s.started_on)} · {t('ge.cert.days', { n: formatNumber(s.days) })} <span className="muted">({s.os_user})</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <details className="ge-card-box">
        <summary>{t('ge.cert.stuckTitle')}</summary>
        <form
          className="trade-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(api.call('goekspor.setStuckMonths', { months: stuck }), t('ge.saved')).then((s) => {
              if (s) {
                setStuck(s);
                load();
              }
            });
          }}
        >
          {CERT_TYPES.map((k) => (
            <label key={k}>
              {t(`ge.certType.${k}`)}
              <input type="number" min={1} max={120} className="ge-num" value={stuck[k]} onChange={(e) => setStuck({ ...stuck, [k]: Math.max(1, Number(e.target.value) || 1) })} />
            </label>
          ))}
          <button type="submit">{t('ge.cert.stuckSave')}</button>
        </form>
      </details>
    </div>
  );
}

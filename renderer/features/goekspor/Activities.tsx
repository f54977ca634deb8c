/** Program activities (sosialisasi, pelatihan, pendampingan, pameran, temu bisnis) and attendance per IKM. */
import { useEffect, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/goekspor';
import type { Activity, Participant } from '../../../shared/goekspor-contract';
import { api } from '../../api/client';
import { useAreas } from '../../areas';
import { useI18n } from '../../i18n/i18n';
import { IkmPicker, idDate, today, useRun, type PickedIkm } from './common';
import { ImportButton } from './ImportButton';

const EMPTY = { kind: 'pelatihan' as ActivityKind, title: '', date: today(), place: '', organiser: '' };

export function Activities() {
  const { t } = useI18n();
  const run = useRun();
  const [list, setList] = useState<Activity[]>([]);
  const [draft, setDraft] = useState(EMPTY);
  const [chosen, setChosen] = useState<number | null>(null);
  const load = () => void api.call('goekspor.activities', {}).then(setList);
  useEffect(load, []);
  const set = (patch: Partial<typeof EMPTY>) => setDraft({ ...draft, ...patch });
  const current = list.find((a) => a.id === chosen);

  return (
    <div className="ge-view">
      <form
        className="trade-form"
        aria-label={t('ge.act.new')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(api.call('goekspor.saveActivity', { ...draft, place: draft.place || null, organiser: draft.organiser || null }), t('ge.saved')).then((a) => {
            if (a) {
              setDraft(EMPTY);
              setChosen(a.id);
              load();
            }
          });
        }}
      >
        <label>
          {t('ge.act.kind')}
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as ActivityKind })}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ge.activity.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('ge.act.title')}
          <input required value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label>
          {t('ge.act.date')}
          <input type="date" required value={draft.date} onChange={(e) => set({ date: e.target.value })} />
        </label>
        <label>
          {t('ge.act.place')}
          <input value={draft.place} onChange={(e) => set({ place: e.target.value })} />
        </label>
        <label>
          {t('ge.act.organiser')}
          <input value={draft.organiser} onChange={(e) => set({ organiser: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t('ge.act.new')}
        </button>
      </form>
      {list.length === 0 ? (
        <p className="muted">{t('ge.act.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('ge.tab.activities')}>
          <thead>
            <tr>
              <th>{t('ge.act.date')}</th>
              <th>{t('ge.act.kind')}</th>
              <th>{t('ge.act.title')}</th>
              <th>{t('ge.act.place')}</th>
              <th>{t('ge.act.organiser')}</th>
              <th className="num">{t('ge.act.participants')}</th>
              <th className="num">{t('ge.act.attended')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} className={a.id === chosen ? 'ge-chosen' : undefined}>
                <td>{idDate(a.date)}</td>
                <td>{t(`ge.activity.${a.kind}`)}</td>
                <td>
                  <button type="button" className="link" aria-pressed={a.id === chosen} onClick={() => setChosen(a.id)}>
                    {a.title}
                  </button>
                </td>
                <td>{a.place ?? ''}</td>
                <td>{a.organiser ?? ''}</td>
                <td className="num">{a.participants}</td>
                <td className="num">{a.attended}</td>
                <td className="actions">
                  <button type="button" onClick={() => void run(api.call('goekspor.deleteActivity', { id: a.id }), t('ge.deleted')).then(() => (setChosen(null), load()))}>
                    {t('ge.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current ? <Participants activity={current} onChange={load} /> : list.length > 0 && <p className="muted">{t('ge.act.choose')}</p>}
    </div>
  );
}

function Participants({ activity, onChange }: { activity: Activity; onChange(): void }) {
  const { t } = useI18n();
  const areas = useAreas();
  const run = useRun();
  const [rows, setRows] = useState<Participant[]>([]);
  const [ikm, setIkm] = useState<PickedIkm | null>(null);
  const load = () => void api.call('goekspor.participants', { activity_id: activity.id }).then(setRows);
  useEffect(load, [activity.id]);
  const refresh = () => {
    load();
    onChange();
  };
  return (
    <section className="ge-card-box" aria-label={`${t('ge.act.participants')}: ${activity.title}`}>
      <header className="ge-box-head">
        <h3>
          {t('ge.act.participants')}: {activity.title}
        </h3>
        <ImportButton kind="participants" activityId={activity.id} hint={t('ge.act.importHint')} onDone={refresh} />
      </header>
      <div className="toolbar ge-toolbar">
        <IkmPicker value={ikm} onChange={setIkm} label={t('ge.act.addParticipant')} />
        <button
          type="button"
          disabled={!ikm}
          onClick={() =>
            ikm &&
            void run(api.call('goekspor.setParticipant', { activity_id: activity.id, ikm_id: ikm.id, attended: true }), t('ge.saved')).then((r) => {
              if (r) {
                setIkm(null);
                refresh();
              }
            })
          }
        >
          {t('ge.act.addParticipant')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('ge.act.noParticipants')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('ge.name')}</th>
              <th>{t('ge.nib')}</th>
              <th>{t('ge.district')}</th>
              <th>{t('ge.act.attended')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.ikm_id}>
                <td>{p.business_name}</td>
                <td>{p.nib ?? ''}</td>
                <td>{areas.name(p.district_code)}</td>
                <td>
                  <label className="inline-label">
                    <input
                      type="checkbox"
                      checked={p.attended}
                      aria-label={`${t('ge.act.attended')}: ${p.business_name}`}
                      onChange={(e) => void run(api.call('goekspor.setParticipant', { activity_id: activity.id, ikm_id: p.ikm_id, attended: e.target.checked })).then(refresh)}
                    />
                    {p.note ?? ''}
                  </label>
                </td>
                <td className="actions">
                  <button type="button" onClick={() => void run(api.call('goekspor.removeParticipant', { activity_id: activity.id, ikm_id: p.ikm_id }), t('ge.deleted')).then(refresh)}>
                    {t('ge.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Kop surat and signature block of every report, kept in the database's settings. */
import { useEffect, useState, type ReactNode } from 'react';
import type { Letterhead } from '../../../shared/reports';
import { api } from '../../api/client';
import { toBase64 } from '../../files';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../toast';

const FIELDS = ['government', 'office', 'address', 'contact', 'place', 'position', 'signer', 'rank', 'nip'] as const;

/** `children`: settings saved on their own (the office's province), shown above the form. */
export function LetterheadForm({ value, onSaved, open, onToggle, children }: { value: Letterhead; onSaved(l: Letterhead): void; open: boolean; onToggle(open: boolean): void; children?: ReactNode }) {
  const { t } = useI18n();
  const notify = useToast();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const pickLogo = async (file: File | undefined) => {
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type) || file.size > 1_000_000) return notify('Logo harus PNG atau JPEG, paling besar 1 MB.', { tone: 'error' });
    setDraft({ ...draft, logo: `data:${file.type};base64,${await toBase64(file)}` });
  };
  return (
    <details className="letterhead" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('rep.settings')}</summary>
      {children}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void api.call('reports.setLetterhead', draft).then(
            (l) => {
              onSaved(l);
              notify(t('rep.settingsSaved'));
            },
            (err: unknown) => notify(err instanceof Error ? err.message : String(err), { tone: 'error' }),
          );
        }}
      >
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`rep.${f}`)}
            <input value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </label>
        ))}
        <label>
          {t('rep.logo')}
          <span className="logo-row">
            <img src={draft.logo ?? './icon.svg'} alt="" height={40} />
            <input type="file" accept="image/png,image/jpeg" onChange={(e) => void pickLogo(e.target.files?.[0])} />
            {draft.logo ? (
              <button type="button" onClick={() => setDraft({ ...draft, logo: null })}>
                {t('rep.logoRemove')}
              </button>
            ) : (
              <span className="muted">{t('rep.logoNone')}</span>
            )}
          </span>
        </label>
        <button type="submit" className="primary">
          {t('rep.saveSettings')}
        </button>
      </form>
    </details>
  );
}

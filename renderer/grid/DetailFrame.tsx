/** The frame of a grid's detail panel (registry, shipments): its heading, the close button, and a word while no row is active. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export function DetailFrame({ label, heading, onClose, children }: { label: string; heading: string | undefined; onClose(): void; children: ReactNode | null }) {
  const { t } = useI18n();
  return (
    <aside className="detail" aria-label={label}>
      <div className="detail-head">
        <h2>{heading ?? label}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('detail.close')}>
          ✕
        </button>
      </div>
      {children ?? <p className="muted">{t('detail.empty')}</p>}
    </aside>
  );
}

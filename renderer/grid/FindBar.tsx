/**
 * Ctrl+F / Ctrl+H: find (Enter next, Shift+Enter previous) and replace over the whole filtered
 * view, in the core. "Ganti semua" is one batch the page's undo reverts in one step.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../format';

export type FindMode = 'find' | 'replace';

interface Props {
  mode: FindMode;
  onMode(mode: FindMode): void;
  onClose(): void;
  find(text: string, backwards: boolean): Promise<{ matches: number } | null>;
  /** Replaces in the active cell; false when it does not hold the text. */
  replaceOne(text: string, replacement: string): Promise<boolean>;
  /** Cells replaced, or null when refused. */
  replaceAll(text: string, replacement: string): Promise<number | null>;
}

export function FindBar(p: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [replacement, setReplacement] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [p.mode]);

  const run = async (work: () => Promise<void>) => {
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const next = (backwards = false) =>
    run(async () => {
      const hit = await p.find(text, backwards);
      setStatus(hit ? t('grid.findMatches', { n: formatNumber(hit.matches) }) : t('grid.findNone'));
    });
  const replaceOne = () =>
    run(async () => {
      await p.replaceOne(text, replacement);
      const hit = await p.find(text, false);
      setStatus(hit ? t('grid.findMatches', { n: formatNumber(hit.matches) }) : t('grid.findNone'));
    });
  const replaceAll = () =>
    run(async () => {
      const n = await p.replaceAll(text, replacement);
      if (n != null) setStatus(n > 0 ? t('grid.replaced', { n: formatNumber(n) }) : t('grid.replacedNone'));
    });

  return (
    <div
      className="find-bar"
      role="search"
      aria-label={t('grid.findLabel')}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onClose();
        } else if ((e.ctrlKey || e.metaKey) && (e.key === 'f' || e.key === 'h')) {
          e.preventDefault();
          p.onMode(e.key === 'f' ? 'find' : 'replace');
        }
      }}
    >
      <input
        ref={input}
        aria-label={t('grid.find')}
        placeholder={t('grid.find')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void next(e.shiftKey);
          }
        }}
      />
      {p.mode === 'replace' && (
        <input
          aria-label={t('grid.replaceWith')}
          placeholder={t('grid.replaceWith')}
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void replaceOne();
            }
          }}
        />
      )}
      <button type="button" onClick={() => void next(true)} disabled={busy}>
        {t('grid.findPrev')}
      </button>
      <button type="button" onClick={() => void next(false)} disabled={busy}>
        {t('grid.findNext')}
      </button>
      {p.mode === 'replace' && (
        <>
          <button type="button" onClick={() => void replaceOne()} disabled={busy}>
            {t('grid.replace')}
          </button>
          <button type="button" onClick={() => void replaceAll()} disabled={busy}>
            {t('grid.replaceAll')}
          </button>
        </>
      )}
      <span className="find-status" role="status">
        {status}
      </span>
      <button type="button" className="icon" aria-label={t('grid.findClose')} title="Esc" onClick={p.onClose}>
        ✕
      </button>
    </div>
  );
}

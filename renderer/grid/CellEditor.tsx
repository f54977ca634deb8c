/**
 * The in-cell editor: a text input, plus a suggestion list for columns with a fixed set of values
 * (district, business form). Typing filters the list; ↓/↑ pick, Enter/Tab take the picked value
 * or, when nothing is picked, the typed text (the core resolves names like "Kotim").
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fold } from '../../shared/text';
import { useI18n } from '../i18n/i18n';

export interface EditorOption {
  /** What is saved when picked (a district code, a business form key). */
  value: string;
  label: string;
  /** Shown faded after the label (the province of a district). */
  hint?: string;
  /** Extra words that find it (district variants like "Kotim"). */
  keys?: string[];
}

export type CommitMove = 'down' | 'up' | 'right' | 'left' | 'stay';

interface Props {
  id: string;
  label: string;
  text: string;
  invalid: boolean;
  options?: EditorOption[];
  /** Select the whole text when opening (a new row's placeholder name). */
  selectAll?: boolean;
  onText(text: string): void;
  onCommit(move: CommitMove, picked?: EditorOption): void;
  onCancel(): void;
  /** Focus left the editor for somewhere outside the grid (a button, the search box). */
  onBlur(): void;
  /** Sees every key first; true when the grid took it (keys typed while the last value saves). */
  intercept?(e: KeyboardEvent<HTMLInputElement>): boolean;
}

const MAX_SHOWN = 60;

export function CellEditor(p: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(false);
  const [highlight, setHighlight] = useState(-1);

  const selectAll = useRef(p.selectAll); // as the editor opened
  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    if (selectAll.current) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, []); // once, when the editor opens

  const shown = useMemo(() => {
    if (!p.options) return [];
    const q = fold(p.text);
    if (!typed || q === '') return p.options.slice(0, MAX_SHOWN);
    return p.options.filter((o) => [o.label, ...(o.keys ?? [])].some((k) => fold(k).includes(q))).slice(0, MAX_SHOWN);
  }, [p.options, p.text, typed]);

  useEffect(() => {
    document.getElementById(`${p.id}-opt-${highlight}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight, p.id]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (p.intercept?.(e)) return;
    const picked = highlight >= 0 ? shown[highlight] : undefined;
    if (e.key === 'Enter') {
      e.preventDefault();
      p.onCommit(e.shiftKey ? 'up' : 'down', picked);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      p.onCommit(e.shiftKey ? 'left' : 'right', picked);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      p.onCancel();
    } else if (shown.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => Math.max(-1, Math.min(shown.length - 1, h + d)));
    }
  };

  const listId = `${p.id}-list`;
  return (
    <>
      <input
        ref={input}
        className="cell-editor"
        aria-label={p.label}
        aria-invalid={p.invalid || undefined}
        value={p.text}
        role={p.options ? 'combobox' : undefined}
        aria-autocomplete={p.options ? 'list' : undefined}
        aria-expanded={p.options ? shown.length > 0 : undefined}
        aria-controls={p.options ? listId : undefined}
        aria-activedescendant={highlight >= 0 ? `${p.id}-opt-${highlight}` : undefined}
        spellCheck={false}
        onChange={(e) => {
          setTyped(true);
          setHighlight(-1);
          p.onText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={p.onBlur}
      />
      {p.options && shown.length > 0 && !p.invalid && (
        <ul id={listId} className="editor-options" role="listbox" aria-label={t('editor.suggestions')}>
          {shown.map((o, i) => (
            <li
              key={o.value}
              id={`${p.id}-opt-${i}`}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'highlight' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                e.stopPropagation();
                p.onCommit('stay', o);
              }}
            >
              {o.label}
              {o.hint && <span className="hint"> · {o.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

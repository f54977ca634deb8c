/**
 * A column header's value filter, as Excel's autofilter list: the column's values under the other
 * filters, with their counts, from the core (the most frequent first, a search for the rest),
 * "(Kosong)" for empty cells, (Pilih semua), OK / Batal. Esc or a click outside closes it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDismiss } from '../components/Dropdown';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../format';

export interface ColumnValueCount {
  value: string | null;
  count: number;
}

export interface HeaderFilterSource {
  isFiltered(field: string): boolean;
  values(field: string, search: string): Promise<{ values: ColumnValueCount[]; more: boolean }>;
  /** The values the column is filtered to; undefined when it is not filtered. */
  selected(field: string): (string | null)[] | undefined;
  /** undefined clears the column's filter. */
  apply(field: string, values: (string | null)[] | undefined): void;
}

export const SHOWN_VALUES = 200;

interface Props {
  field: string;
  label: string;
  anchor: DOMRect;
  source: HeaderFilterSource;
  text(value: string | null): string;
  onClose(): void;
}

export function HeaderFilter({ field, label, anchor, source, text, onClose }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState('');
  const [list, setList] = useState<{ values: ColumnValueCount[]; more: boolean } | null>(null);
  const initial = source.selected(field);
  const [checked, setChecked] = useState<Set<string | null> | 'all'>(initial ? new Set(initial) : 'all');
  useDismiss(ref, true, onClose);

  useEffect(() => {
    let live = true;
    const h = setTimeout(() => void source.values(field, search).then((v) => live && setList(v), () => live && setList({ values: [], more: false })), search ? 200 : 0);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [field, search, source]);
  useEffect(() => ref.current?.querySelector<HTMLInputElement>('input[type=search]')?.focus(), []);

  const isChecked = (v: string | null) => checked === 'all' || checked.has(v);
  const shown = list?.values ?? [];
  const allShownChecked = shown.every((v) => isChecked(v.value));
  const toggle = (v: string | null) => {
    const next = new Set(checked === 'all' ? shown.map((x) => x.value) : checked);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    setChecked(next);
  };
  const toggleAll = () => setChecked(allShownChecked ? new Set() : search || list?.more ? new Set([...(checked === 'all' ? [] : checked), ...shown.map((x) => x.value)]) : 'all');
  const apply = () => {
    if (checked === 'all' && !search) source.apply(field, undefined);
    else {
      const values = checked === 'all' ? shown.map((v) => v.value) : [...checked];
      source.apply(field, values.length === 0 ? undefined : values);
    }
    onClose();
  };
  const style = useMemo(() => ({ left: Math.max(4, Math.min(anchor.right - 280, window.innerWidth - 290)), top: anchor.bottom + 2 }), [anchor]);

  return (
    <div ref={ref} className="header-filter-popup" role="dialog" aria-label={t('grid.filterColumn', { field: label })} style={style} onKeyDown={(e) => e.stopPropagation()}>
      <input type="search" placeholder={t('grid.filterSearch')} aria-label={t('grid.filterSearch')} value={search} onChange={(e) => setSearch(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      <div className="values" role="group" aria-label={label}>
        {!list && <p className="muted">{t('grid.filterLoading')}</p>}
        {list && (
          <label className="all">
            <input type="checkbox" checked={allShownChecked && shown.length > 0} onChange={toggleAll} />
            {t('grid.filterAll')}
          </label>
        )}
        {shown.map((v) => (
          <label key={v.value ?? '\u0000'}>
            <input type="checkbox" checked={isChecked(v.value)} onChange={() => toggle(v.value)} />
            <span className={v.value == null ? 'empty' : undefined}>{text(v.value)}</span>
            <span className="count">{formatNumber(v.count)}</span>
          </label>
        ))}
      </div>
      {list?.more && <p className="muted small">{t('grid.filterMore', { n: SHOWN_VALUES })}</p>}
      <div className="actions">
        <button type="button" className="link" onClick={() => (source.apply(field, undefined), onClose())} disabled={!source.isFiltered(field)}>
          {t('grid.filterClear')}
        </button>
        <span />
        <button type="button" onClick={onClose}>
          {t('grid.filterCancel')}
        </button>
        <button type="button" className="primary" onClick={apply}>
          {t('grid.filterOk')}
        </button>
      </div>
    </div>
  );
}

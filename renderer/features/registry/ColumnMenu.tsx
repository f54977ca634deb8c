/** Show/hide and reorder columns; the frozen business-name column stays first. */
import type { IkmColumnKey } from '../../../shared/fields';
import { useI18n } from '../../i18n/i18n';
import { Dropdown } from '../../components/Dropdown';
import { FROZEN } from './columns';
import type { useColumnPrefs } from './useColumnPrefs';

export function ColumnMenu({ prefs }: { prefs: ReturnType<typeof useColumnPrefs> }) {
  const { t } = useI18n();
  const ordered = prefs.order.filter((k) => k !== FROZEN);
  return (
    <Dropdown summary={t('toolbar.columns')}>
      <div className="dropdown-body columns-menu" aria-label={t('columns.title')}>
        {ordered.map((k: IkmColumnKey) => (
          <div key={k} className="column-item">
            <label>
              <input type="checkbox" checked={!prefs.hidden.includes(k)} onChange={() => prefs.toggle(k)} />
              {t(`field.${k}` as never)}
            </label>
            <button type="button" className="icon" title={t('columns.left')} aria-label={`${t('columns.left')}: ${t(`field.${k}` as never)}`} onClick={() => prefs.move(k, -1)}>
              ↑
            </button>
            <button type="button" className="icon" title={t('columns.right')} aria-label={`${t('columns.right')}: ${t(`field.${k}` as never)}`} onClick={() => prefs.move(k, 1)}>
              ↓
            </button>
          </div>
        ))}
        <button type="button" className="link" onClick={prefs.reset}>
          {t('columns.reset')}
        </button>
      </div>
    </Dropdown>
  );
}

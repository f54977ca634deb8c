/** The toolbar's "Ekspor tampilan" menu of a grid page: the view as .xlsx or .csv (useGridView's exportView). */
import { Dropdown } from '../components/Dropdown';
import { useI18n } from '../i18n/i18n';

export function ExportMenu({ onExport }: { onExport(format: 'xlsx' | 'csv'): void }) {
  const { t } = useI18n();
  return (
    <Dropdown summary={t('grid.export')} className="export-menu" closeOnPick>
      <div className="dropdown-body" aria-label={t('grid.exportHint')}>
        <p className="muted small">{t('grid.exportHint')}</p>
        <button type="button" onClick={() => onExport('xlsx')}>
          {t('grid.exportXlsx')}
        </button>
        <button type="button" onClick={() => onExport('csv')}>
          {t('grid.exportCsv')}
        </button>
      </div>
    </Dropdown>
  );
}

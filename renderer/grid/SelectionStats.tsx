/** Excel's status-bar figures of the selected cells: Average, Count, Sum (computed by the page's core call). */
import type { RangeStats } from '../../shared/contract';
import { formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';

export function SelectionStats({ stats }: { stats: RangeStats }) {
  const { t } = useI18n();
  return (
    <span className="stats" data-testid="selection-stats">
      {stats.numbers > 0 && stats.average != null && (
        <span>
          {t('grid.stats.average')}: <b data-testid="stats-average">{formatNumber(stats.average)}</b>
        </span>
      )}
      <span>
        {t('grid.stats.count')}: <b data-testid="stats-count">{formatNumber(stats.count)}</b>
      </span>
      {stats.numbers > 0 && (
        <span>
          {t('grid.stats.sum')}: <b data-testid="stats-sum">{formatNumber(stats.sum)}</b>
        </span>
      )}
    </span>
  );
}

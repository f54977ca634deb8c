/** Excel's status-bar figures of the selected cells: Average, Count, Sum (computed by the page's core call). */
import type { RangeStats } from '../../shared/contract';
import { useI18n } from '../i18n/i18n';

export function SelectionStats({ stats }: { stats: RangeStats }) {
  const { t } = useI18n();
  const num = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });
  return (
    <span className="stats" data-testid="selection-stats">
      {stats.numbers > 0 && stats.average != null && (
        <span>
          {t('grid.stats.average')}: <b data-testid="stats-average">{num(stats.average)}</b>
        </span>
      )}
      <span>
        {t('grid.stats.count')}: <b data-testid="stats-count">{num(stats.count)}</b>
      </span>
      {stats.numbers > 0 && (
        <span>
          {t('grid.stats.sum')}: <b data-testid="stats-sum">{num(stats.sum)}</b>
        </span>
      )}
    </span>
  );
}

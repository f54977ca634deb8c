/** Count and sums of the current filter, computed by the core (never from loaded rows). */
import type { IkmSummary, RangeStats } from '../../../shared/contract';
import { formatMoney, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { SelectionStats } from '../../grid/SelectionStats';

/** Count and sums of the filter; for a selection of several cells, Excel's Average, Count and Sum of it (from the core). */
export function Footer({ summary, selected, stats }: { summary: IkmSummary | null; selected: number; stats?: RangeStats | null }) {
  const { t } = useI18n();
  if (!summary) return <footer className="grid-footer" />;
  return (
    <footer className="grid-footer" aria-live="polite">
      <strong data-testid="footer-count">{t('footer.count', { n: formatNumber(summary.count) })}</strong>
      <span>
        {t('footer.workers')}: <b data-testid="footer-workers">{formatNumber(summary.workers_male)} / {formatNumber(summary.workers_female)} / {formatNumber(summary.workers_total)}</b>
      </span>
      <span>
        {t('footer.investment')}: <b data-testid="footer-investment">{formatMoney(summary.investment_idr)}</b>
      </span>
      <span>
        {t('footer.production')}: <b data-testid="footer-production">{formatMoney(summary.production_value_idr)}</b>
      </span>
      {selected > 1 && <span className="muted">{t('footer.selection', { n: formatNumber(selected) })}</span>}
      {selected > 1 && stats && <SelectionStats stats={stats} />}
    </footer>
  );
}


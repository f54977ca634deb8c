/**
 * A report as it will print: kop surat, title, table with totals, notes, charts, signature — in
 * Bahasa Indonesia whatever the UI language, since that is what goes to the governor. Every summed
 * figure with rows behind it is a button: it opens those rows in the grid (drill-down).
 */
import { longDate } from '../../../shared/locale';
import { formatReportCell, headerLayout, NUMERIC_KINDS, type Letterhead, type ReportColumn, type ReportDrill, type ReportModel, type ReportRow } from '../../../shared/reports';
import { localDay } from '../../../shared/parse';
import { Chart } from '../../components/Chart';
import { useI18n } from '../../i18n/i18n';
import { formatNumber } from '../../format';

/** Columns whose figure is a sum over rows of a grid. */
const DRILLABLE: ReadonlySet<ReportColumn['kind']> = new Set(['int', 'idr', 'usd', 'kg']);

export function ReportPreview({ model, letterhead, onDrill }: { model: ReportModel; letterhead: Letterhead; onDrill?(d: ReportDrill): void }) {
  const { t } = useI18n();
  const cls = (kind: ReportModel['columns'][number]['kind']) => (NUMERIC_KINDS.has(kind) ? 'num' : kind === 'code' ? 'code' : undefined);
  const cell = (row: ReportRow, c: ReportColumn, drill: ReportDrill | null | undefined) => {
    const text = formatReportCell(row[c.key], c.kind);
    if (!drill || !onDrill || !DRILLABLE.has(c.kind) || typeof row[c.key] !== 'number') return text;
    return (
      <button type="button" className="drill" title={t('rep.drill')} aria-label={`${text} — ${t('rep.drill')}`} onClick={() => onDrill(drill)}>
        {text}
      </button>
    );
  };
  return (
    <article className="paper" aria-label={t('rep.preview')}>
      <header className="kop">
        <img src={letterhead.logo ?? './icon.svg'} alt="" />
        <div className="kop-text">
          <div className="gov">{letterhead.government}</div>
          <div className="office">{letterhead.office}</div>
          <div className="addr">{letterhead.address}</div>
          <div className="addr">{letterhead.contact}</div>
        </div>
      </header>
      <h1>{model.title}</h1>
      <p className="sub" data-testid="report-subtitle">{model.subtitle}</p>
      <div className="report-table-wrap">
        <table className="report-table">
          <thead>
            {headerLayout(model.columns).map((row, i) => (
              <tr key={i}>
                {row.map((h, j) => (
                  <th key={j} colSpan={h.colSpan} rowSpan={h.rowSpan}>
                    {h.label}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {model.rows.map((r, i) => (
              <tr key={i}>
                {model.columns.map((c) => (
                  <td key={c.key} className={cls(c.kind)} data-key={c.key}>
                    {cell(r, c, model.drill?.rows[i])}
                  </td>
                ))}
              </tr>
            ))}
            {model.rowCount === 0 && (
              <tr>
                <td colSpan={model.columns.length} className="empty">
                  {t('rep.empty')}
                </td>
              </tr>
            )}
            {model.totals && model.rowCount > 0 && (
              <tr className="total" data-testid="report-totals">
                {model.columns.map((c) => (
                  <td key={c.key} className={cls(c.kind)} data-key={c.key}>
                    {cell(model.totals!, c, model.drill?.totals)}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {model.rowCount > model.rows.length && <p className="more">{t('rep.rowsShown', { shown: formatNumber(model.rows.length), total: formatNumber(model.rowCount) })}</p>}
      <div className="notes">
        {model.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
      <div className="signature">
        <div>
          {letterhead.place}, {longDate(localDay())}
        </div>
        <div>{letterhead.position}</div>
        <div className="space" />
        <div className="name">{letterhead.signer}</div>
        {letterhead.rank.trim() && <div className="rank">{letterhead.rank}</div>}
        <div>NIP. {letterhead.nip}</div>
      </div>
      {/* As printed: the charts follow the signature, as an appendix. */}
      {model.rowCount > 0 && model.charts.length > 0 && (
        <section className="appendix">
          <h2>Lampiran: grafik</h2>
          {model.charts.map((c) => (
            <Chart key={c.title} chart={c} height={340} printed />
          ))}
        </section>
      )}
    </article>
  );
}

/**
 * A report chart drawn live with ECharts (bundled, offline; canvas renderer so the strict CSP
 * needs no inline styles). The option comes from shared/charts.ts, as in the PDF.
 */
import { BarChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { chartOption } from '../../shared/charts';
import { numberFormat } from '../../shared/locale';
import type { ReportChart } from '../../shared/reports';
import { useI18n } from '../i18n/i18n';

echarts.use([BarChart, LineChart, PieChart, TreemapChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * `printed`: the chart as the report prints it (the preview of the paper), in Indonesian whatever
 * the UI language; otherwise its title, series, labels (vocabulary, countries, months) and figures
 * (axis 1,86 jt / 1.86m) follow the UI language.
 */
export function Chart({ chart: source, height = 320, label, printed = false }: { chart: ReportChart; height?: number; label?: string; printed?: boolean }) {
  const { tr, lang } = useI18n();
  const figures = printed ? 'id' : lang;
  const chart = useMemo<ReportChart>(
    () =>
      printed ? source : {
            ...source,
            title: tr(`chart.${source.id}`, source.title),
            labels: source.labelKeys ? source.labels.map((l, i) => tr(source.labelKeys![i]!, l)) : lang === 'en' && source.labelsEn ? source.labelsEn : source.labels,
            series: source.series.map((s) => ({ ...s, name: s.key ? tr(s.key, s.name) : s.name })),
          },
    [source, printed, tr, lang],
  );
  const other = printed ? undefined : tr('chart.other', 'Lainnya');
  const ref = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, null, { renderer: 'canvas' });
    instance.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      c.dispose();
      instance.current = null;
    };
  }, []);
  useEffect(() => {
    instance.current?.setOption(chartOption(chart, { animation: true, other, lang: figures }), true);
  }, [chart, other, figures]);
  // The figures as text too, for screen readers and for tests.
  const summary = chart.labels.map((l, i) => `${l}: ${chart.series.map((s) => (s.values[i] == null ? '–' : numberFormat(figures, { maximumFractionDigits: 2 }).format(s.values[i]!))).join(' / ')}`).join('; ');
  return <div ref={ref} className="chart" role="img" aria-label={`${label ?? chart.title}. ${summary}`} style={{ height }} />;
}

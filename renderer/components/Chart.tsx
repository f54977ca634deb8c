/**
 * A report chart drawn live with ECharts (bundled, offline; canvas renderer so the strict CSP
 * needs no inline styles). The option comes from shared/charts.ts, as in the PDF.
 */
import { BarChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartOption } from '../../shared/charts';
import type { ReportChart } from '../../shared/reports';

echarts.use([BarChart, LineChart, PieChart, TreemapChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export function Chart({ chart, height = 320, label }: { chart: ReportChart; height?: number; label?: string }) {
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
    instance.current?.setOption(chartOption(chart, { animation: true }), true);
  }, [chart]);
  // The figures as text too, for screen readers and for tests.
  const summary = chart.labels.map((l, i) => `${l}: ${chart.series.map((s) => s.values[i]?.toLocaleString('id-ID')).join(' / ')}`).join('; ');
  return <div ref={ref} className="chart" role="img" aria-label={`${label ?? chart.title}. ${summary}`} style={{ height }} />;
}

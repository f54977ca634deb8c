/**
 * One ECharts option per report chart, used by the dashboard (drawn live in the renderer) and by
 * the PDF (drawn to SVG in the core): the same chart wherever it appears.
 */
import type { EChartsOption } from 'echarts';
import { compactNumber, numberFormat } from './locale';
import type { Lang } from './messages';
import type { ReportChart } from './reports';

export const PALETTE = ['#1f4e79', '#2e8b57', '#d08c1b', '#b03a2e', '#6c5b9e', '#2a9d9f', '#8a6d3b', '#5d6d7e', '#c0577d', '#7f8c2d'];

/**
 * A pie's slices, largest first: at most `max`, and none under `minShare` of the whole — the rest
 * become one "Lainnya" slice, so every slice is big enough to carry a readable label.
 */
export function groupSlices(labels: string[], values: (number | null)[], opts: { max?: number; minShare?: number; other?: string } = {}): { labels: string[]; values: number[] } {
  const { max = 8, minShare = 0.03, other = 'Lainnya' } = opts;
  const slices = labels.map((name, i) => ({ name, value: Number(values[i] ?? 0) })).sort((a, b) => b.value - a.value);
  const total = slices.reduce((s, x) => s + x.value, 0);
  const kept = slices.filter((x, i) => i < max - 1 && (total === 0 || x.value / total >= minShare));
  const rest = slices.slice(kept.length);
  // One small slice left over keeps its own name; "Lainnya" of one would hide it for nothing.
  if (rest.length <= 1) return { labels: slices.map((x) => x.name), values: slices.map((x) => x.value) };
  return { labels: [...kept.map((x) => x.name), other], values: [...kept.map((x) => x.value), rest.reduce((s, x) => s + x.value, 0)] };
}

/** `lang`: how figures read (axis 1,86 jt / 1.86m); the printed reports draw in 'id'. */
export function chartOption(c: ReportChart, opts: { animation?: boolean; other?: string; lang?: Lang } = {}): EChartsOption {
  const lang = opts.lang ?? 'id';
  const number = numberFormat(lang, { maximumFractionDigits: 0 });
  const compact = (v: number) => compactNumber(v, lang);
  const base: EChartsOption = {
    animation: opts.animation ?? false,
    color: PALETTE,
    textStyle: { fontFamily: 'DejaVu Sans, Segoe UI, Arial, sans-serif' },
    title: { text: c.title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', color: '#1b2a3a' } },
    tooltip: { trigger: c.kind === 'pie' || c.kind === 'treemap' ? 'item' : 'axis', valueFormatter: (v) => `${number.format(Number(v))} ${c.unit}` },
  };
  if (c.kind === 'pie') {
    const s = groupSlices(c.labels, c.series[0]!.values, { other: opts.other });
    const pct = (p: { percent?: number }) => `${numberFormat(lang, { maximumFractionDigits: 1 }).format(p.percent ?? 0)}%`;
    return {
      ...base,
      // Labels outside, aligned to the chart's edges (never past them), names wrapped, and a
      // label that would still collide is hidden (its slice keeps the tooltip).
      series: [
        {
          type: 'pie',
          radius: ['28%', '60%'],
          center: ['50%', '56%'],
          avoidLabelOverlap: true,
          label: { alignTo: 'edge', edgeDistance: 12, minMargin: 4, width: 150, overflow: 'break', lineHeight: 13, fontSize: 11, formatter: (p) => `${p.name} ${pct(p)}` },
          labelLine: { length: 10, length2: 6, maxSurfaceAngle: 80 },
          labelLayout: { hideOverlap: true },
          data: s.labels.map((name, i) => ({ name, value: s.values[i] ?? 0 })),
        },
      ],
    };
  }
  if (c.kind === 'treemap') {
    const s = c.series[0]!;
    return { ...base, series: [{ type: 'treemap', top: 36, roam: false, nodeClick: false, breadcrumb: { show: false }, data: c.labels.map((name, i) => ({ name, value: Number(s.values[i] ?? 0) })) }] };
  }
  const many = c.labels.length > 8;
  // Several series side by side: a 0 over every empty bar would only be clutter ("00000").
  const grouped = c.series.length > 1;
  const integer = c.series.every((s) => s.values.every((v) => v == null || Number.isInteger(v)));
  return {
    ...base,
    legend: c.series.length > 1 ? { top: 28 } : undefined,
    grid: { left: 12, right: 16, top: c.series.length > 1 ? 60 : 44, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: c.labels,
      axisLabel: { interval: 0, rotate: many ? 35 : 0, fontSize: 10, width: many ? 110 : 140, overflow: 'truncate' },
    },
    // Counts (IKM, certificates) step by whole numbers: never an axis of 0, 1, 1, 2, 2.
    yAxis: { type: 'value', minInterval: integer ? 1 : undefined, axisLabel: { formatter: (v: number) => compact(v), fontSize: 10 } },
    series: c.series.map((s) =>
      c.kind === 'line'
        ? { type: 'line' as const, name: s.name, data: s.values.map((v) => v ?? '-'), symbolSize: 7, lineStyle: { width: 2.5 } }
        : { type: 'bar' as const, name: s.name, data: s.values.map((v) => v ?? '-'), barMaxWidth: 36, label: { show: c.labels.length <= 16, position: 'top' as const, fontSize: 10, formatter: (p: { value: unknown }) => (grouped && Number(p.value) === 0 ? '' : compact(Number(p.value))) } },
    ),
  };
}

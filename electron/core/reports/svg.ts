/** Report charts drawn to SVG in the core (ECharts' server-side renderer: no DOM, no browser). */
import * as echarts from 'echarts';
import { chartOption } from '../../../shared/charts';
import type { ReportChart } from '../../../shared/reports';

export function chartSvg(chart: ReportChart, width = 960, height = 340): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    c.setOption(chartOption(chart));
    return c.renderToSVGString();
  } finally {
    c.dispose();
  }
}

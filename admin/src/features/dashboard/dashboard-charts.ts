/**
 * ECharts options of the landing page. The line and bar series are registered in this chunk only,
 * so ECharts loads with the dashboard route, not with the app shell.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { caseStatusLabels, type CaseStatus, type DashboardCasesVO } from '@zhili/shared';
import { use, type EChartsCoreOption } from '@/components/charts/echarts';
import { caseStatusColors } from '@/features/cases/common/case-labels';

use([LineChart, BarChart]);

/** Cases filed vs resolved per day, the last 30 days. */
export function trendOption(cases: DashboardCasesVO): EChartsCoreOption {
  return {
    // Lines and bars are read against white: each colour 3:1 or more (WCAG 1.4.11), as the tokens.
    color: ['#1a66c9', '#237804'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 8, data: ['新增', '办结'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: cases.trend.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      // Straight segments: smoothing sparse daily counts draws bumps above the real values.
      {
        name: '新增',
        type: 'line',
        showSymbol: false,
        data: cases.trend.map((d) => d.created),
        areaStyle: { opacity: 0.08 },
      },
      { name: '办结', type: 'line', showSymbol: false, data: cases.trend.map((d) => d.resolved) },
    ],
  };
}

/** Open cases by status, in each status's colour, largest on top. */
export function openByStatusOption(cases: DashboardCasesVO): EChartsCoreOption {
  const entries = (Object.entries(cases.openByStatus) as [CaseStatus, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[1] - b[1]);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: { type: 'category', data: entries.map(([s]) => caseStatusLabels[s] ?? s) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: entries.map(([s, n]) => ({ value: n, itemStyle: { color: caseStatusColors[s] } })),
      },
    ],
  };
}

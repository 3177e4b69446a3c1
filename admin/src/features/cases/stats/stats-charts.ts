/**
 * ECharts options of 统计分析, built from `CaseStatsVO`. Line, pie and bar series are registered
 * here, in the statistics route's own chunk, so ECharts loads only with this page.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { caseSourceLabels, caseStatusLabels, type CaseSource, type CaseStatsVO, type CaseStatus } from '@zhili/shared';
import { use, type EChartsCoreOption } from '@/components/charts/echarts';
import { caseStatusColors } from '../common/case-labels';

use([LineChart, PieChart, BarChart]);

/** Line: cases created vs resolved per day. */
export function trendLine(stats: CaseStatsVO): EChartsCoreOption {
  return {
    // Lines and bars are read against white: each colour 3:1 or more (WCAG 1.4.11), as the tokens.
    color: ['#1a66c9', '#237804'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 8, data: ['新增', '办结'] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: stats.trend.map((d) => d.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        name: '新增',
        type: 'line',
        smooth: 0.25,
        showSymbol: stats.trend.length <= 31,
        data: stats.trend.map((d) => d.created),
        areaStyle: { opacity: 0.08 },
      },
      {
        name: '办结',
        type: 'line',
        smooth: 0.25,
        showSymbol: stats.trend.length <= 31,
        data: stats.trend.map((d) => d.resolved),
      },
    ],
  };
}

/** Doughnut: cases by status, in each status's colour. */
export function statusPie(stats: CaseStatsVO): EChartsCoreOption {
  const entries = (Object.entries(stats.byStatus) as [CaseStatus, number][]).filter(([, n]) => n > 0);
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '66%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}\n{c}' },
        data: entries.map(([s, n]) => ({
          name: caseStatusLabels[s] ?? s,
          value: n,
          itemStyle: { color: caseStatusColors[s] },
        })),
      },
    ],
  };
}

/** Horizontal bar of name/count pairs, largest on top. */
export function countBar(items: { name: string; count: number }[], color: string): EChartsCoreOption {
  const sorted = [...items].sort((a, b) => a.count - b.count);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    yAxis: { type: 'category', data: sorted.map((i) => i.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: '工单数',
        data: sorted.map((i) => i.count),
        itemStyle: { color },
        label: { show: true, position: 'right' },
        barMaxWidth: 20,
      },
    ],
  };
}

export const byCategory = (stats: CaseStatsVO): EChartsCoreOption => countBar(stats.byCategory, '#1a66c9');
export const byRegion = (stats: CaseStatsVO): EChartsCoreOption => countBar(stats.byRegion, '#00727a');
export const bySource = (stats: CaseStatsVO): EChartsCoreOption =>
  countBar(
    (Object.entries(stats.bySource) as [CaseSource, number][]).map(([s, count]) => ({
      name: caseSourceLabels[s] ?? s,
      count,
    })),
    '#722ed1',
  );

/** Bar: how many ratings of each star count (1–5). */
export function ratingBar(stats: CaseStatsVO): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: ['1星', '2星', '3星', '4星', '5星'] },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f4' } } },
    series: [
      {
        type: 'bar',
        name: '评价数',
        data: stats.satisfaction.distribution,
        itemStyle: { color: '#ad4e00' },
        barMaxWidth: 28,
      },
    ],
  };
}

/**
 * ECharts options of 村情概览 (built from `RegionOverviewVO`). Pure functions so the page only
 * wires data to charts; pie and bar series are registered once here, in the lazy route chunk.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { householdTypeLabels, type HouseholdType, type RegionOverviewVO } from '@zhili/shared';
import { use, type EChartsCoreOption } from '@/components/charts/echarts';

use([PieChart, BarChart]);

const householdTypes: HouseholdType[] = ['resident', 'floating', 'empty'];
const typeColors: Record<HouseholdType, string> = { resident: '#1a66c9', floating: '#ad4e00', empty: '#62666d' };

/** Pie: households by type (常住户 / 流动户 / 空壳户). */
export function householdPie(overview: RegionOverviewVO): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 户（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 户' },
        data: householdTypes.map((t) => ({
          name: householdTypeLabels[t],
          value: overview.householdsByType[t] ?? 0,
          itemStyle: { color: typeColors[t] },
        })),
      },
    ],
  };
}

/** Horizontal bar: active persons per tag, largest first. */
export function tagBar(overview: RegionOverviewVO): EChartsCoreOption {
  const tags = [...overview.personsByTag].sort((a, b) => a.count - b.count);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: tags.map((t) => t.name) },
    series: [
      {
        type: 'bar',
        name: '人数',
        data: tags.map((t) => t.count),
        itemStyle: { color: '#237804' },
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}

/** Stacked bar: households by type for every child region (the grids of a village). */
export function gridStackedBar(overview: RegionOverviewVO): EChartsCoreOption {
  const children = overview.children;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: children.map((c) => c.region.name),
      axisLabel: { interval: 0, rotate: children.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: '户数', minInterval: 1 },
    series: householdTypes.map((t) => ({
      type: 'bar',
      name: householdTypeLabels[t],
      stack: 'households',
      barMaxWidth: 36,
      itemStyle: { color: typeColors[t] },
      data: children.map((c) => c.householdsByType[t] ?? 0),
    })),
  };
}

/** Date ranges of 统计分析: calendar days in Beijing time, sent as ISO instants. */
import { formatShanghai } from '@/ui/datetime';

const DAY_MS = 86_400_000;

const shanghaiDate = (ms: number): string => formatShanghai(ms).slice(0, 10);

/** `days` calendar days ending today (inclusive). */
export function lastDays(days: number, now = Date.now()): [string, string] {
  return [shanghaiDate(now - (days - 1) * DAY_MS), shanghaiDate(now)];
}

export const defaultRange = (): [string, string] => lastDays(30);

/** `from` = start of the first day, `to` = end of the last day (Asia/Shanghai). */
export function rangeQuery([from, to]: [string, string]): { from: string; to: string } {
  return {
    from: new Date(`${from}T00:00:00+08:00`).toISOString(),
    to: new Date(`${to}T23:59:59.999+08:00`).toISOString(),
  };
}

export const rangeShortcuts = [
  { text: '最近 7 天', value: () => lastDays(7) },
  { text: '最近 30 天', value: () => lastDays(30) },
  { text: '最近 90 天', value: () => lastDays(90) },
];

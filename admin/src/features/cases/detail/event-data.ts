/**
 * Readable lines for a timeline event's `data` (reason, assignee, target region, level, outcome,
 * rating…). Keys are matched loosely (`assignee` / `assigneeName`) so a renamed field still shows;
 * ids and unknown technical keys are left out.
 */
import {
  caseOutcomeLabels,
  casePriorityLabels,
  caseSourceLabels,
  caseStatusLabels,
  type CaseEventVO,
} from '@zhili/shared';
import { formatShanghai } from '@/ui/datetime';

export interface EventLine {
  label: string;
  text: string;
}

const levelLabels: Record<string, string> = { town: '镇级', city: '市级平台' };
const externalSystems: Record<string, string> = { city: '城市运行管理服务平台', hotline12345: '12345 热线平台' };

function lookup(table: Record<string, string>, value: string): string {
  return table[value] ?? value;
}

/** Label and formatter per known key (first matching key of an entry wins). */
const known: { keys: string[]; label: string; format?: (v: string) => string }[] = [
  { keys: ['reason'], label: '原因' },
  { keys: ['assigneeName', 'assignee'], label: '处理人' },
  { keys: ['previousAssigneeName', 'fromAssigneeName'], label: '原处理人' },
  // A dispatch outside the case's grid names where the worker sits.
  { keys: ['assigneeRegion'], label: '处理人所在区域' },
  { keys: ['targetRegionName', 'targetRegion'], label: '转至区域' },
  { keys: ['source'], label: '来源', format: (v) => lookup(caseSourceLabels, v) },
  // 更正位置: from where to where.
  { keys: ['fromRegion'], label: '原所属区域' },
  { keys: ['regionName'], label: '所属区域' },
  { keys: ['fromLocation'], label: '原位置' },
  { keys: ['toLocation'], label: '新位置' },
  { keys: ['department'], label: '责任部门' },
  { keys: ['level'], label: '上报层级', format: (v) => lookup(levelLabels, v) },
  { keys: ['outcome'], label: '关闭结果', format: (v) => lookup(caseOutcomeLabels, v) },
  { keys: ['result'], label: '处理结果' },
  { keys: ['mergedInto', 'mergeIntoNo', 'mergedIntoNo'], label: '合并至' },
  { keys: ['priority'], label: '优先级', format: (v) => lookup(casePriorityLabels, v) },
  { keys: ['comment'], label: '评价内容' },
  { keys: ['suggest', 'label'], label: '审核结果' },
  { keys: ['status'], label: '状态', format: (v) => lookup(caseStatusLabels, v) },
  { keys: ['dueAt'], label: '办结时限', format: (v) => formatShanghai(v).slice(0, 16) },
  { keys: ['system', 'externalSystem'], label: '外部系统', format: (v) => lookup(externalSystems, v) },
  { keys: ['externalId'], label: '外部编号' },
];

/** Lines to print under an event (rating is shown separately as stars). */
export function eventLines(event: Pick<CaseEventVO, 'data'>): EventLine[] {
  const data = event.data ?? {};
  const lines: EventLine[] = [];
  for (const k of known) {
    const key = k.keys.find((x) => data[x] !== undefined && data[x] !== null && data[x] !== '');
    if (!key) continue;
    const raw = String(data[key]);
    lines.push({ label: k.label, text: k.format ? k.format(raw) : raw });
  }
  return lines;
}

/** The 1–5 rating carried by a `rate` event, if any. */
export function eventRating(event: Pick<CaseEventVO, 'data'>): number | null {
  const v = event.data?.rating;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 1 && n <= 5 ? n : null;
}

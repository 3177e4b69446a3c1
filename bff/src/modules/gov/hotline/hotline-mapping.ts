import type { CasePriority, CaseStatus } from '@zhili/shared';
import type { HotlineStatusCode, HotlineUrgency } from './hotline.types';

/**
 * The 12345 platform's category codes → our case categories (docs/GOV-PROTOCOL.md §3.4). Codes not
 * listed (the platform has hundreds, most outside a town's remit) become `other`.
 */
export const hotlineCategoryMap: Readonly<Record<string, string>> = {
  '0101': 'road', // 道路破损
  '0102': 'streetlight', // 路灯照明
  '0201': 'garbage', // 垃圾清运
  '0202': 'sewage', // 污水排放
  '0203': 'greenery', // 园林绿化
  '0301': 'illegal_building', // 违法建设
  '0302': 'noise', // 噪声污染
  '0303': 'parking', // 占道停车
  '0401': 'dispute', // 邻里纠纷
  '0501': 'safety', // 安全隐患
};

export function hotlineCategory(platformCode: string): string {
  return hotlineCategoryMap[platformCode] ?? 'other';
}

/** The platform's 一般 → our normal (普通), 紧急 → high, 特急 → urgent (the platform has no "low"/低). */
export const hotlineUrgencyPriority: Record<HotlineUrgency, CasePriority> = { 1: 'normal', 2: 'high', 3: 'urgent' };

/** Our status after an event → the platform's status code; one to one, see §3.5. */
export const hotlineStatusOf: Record<
  Exclude<CaseStatus, 'pending_review' | 'submitted'>,
  Exclude<HotlineStatusCode, 'ASSIGNED'>
> = {
  accepted: 'ACCEPTED',
  dispatched: 'DISPATCHED',
  processing: 'PROCESSING',
  returned: 'RETURNED',
  transferred: 'TRANSFERRED',
  escalated: 'ESCALATED',
  resolved: 'RESOLVED',
  disputed: 'DISPUTED',
  reopened: 'REOPENED',
  closed: 'CLOSED',
  rejected: 'REJECTED',
  merged: 'MERGED',
};

export const hotlineStatusNames: Record<Exclude<HotlineStatusCode, 'ASSIGNED'>, string> = {
  ACCEPTED: '已受理',
  DISPATCHED: '已派单',
  PROCESSING: '办理中',
  RETURNED: '退回重派',
  TRANSFERRED: '已转办',
  ESCALATED: '已上报',
  RESOLVED: '已办结',
  DISPUTED: '群众不满意',
  REOPENED: '重新办理',
  CLOSED: '已归档',
  REJECTED: '已退单',
  MERGED: '已并案',
};

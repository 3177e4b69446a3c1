import {
  duesBillKindLabels,
  duesBillStatusLabels,
  duesKindLabels,
  duesPaidViaLabels,
  duesSpendingCategories,
  type DuesBillStatus,
  type PayOrderStatus,
} from '@zhili/shared';
import { labelOf, optionsOf } from '@/features/registry/common/labels';

export { labelOf };

export const billStatusOptions = optionsOf(duesBillStatusLabels);
export const billKindOptions = optionsOf(duesBillKindLabels);
export const duesKindOptions = optionsOf(duesKindLabels);
export const spendingCategoryOptions = duesSpendingCategories.map((c) => ({ value: c, label: c }));
export { duesBillKindLabels, duesBillStatusLabels, duesKindLabels, duesPaidViaLabels };

type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary';

/** 未缴 stands out; 已缴 is done; 减免 and 退款 are settled without money kept. */
export const billStatusTag: Record<DuesBillStatus, TagType> = {
  unpaid: 'danger',
  paid: 'success',
  waived: 'info',
  refunded: 'warning',
};

export const orderStatusLabels: Record<PayOrderStatus, string> = {
  created: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunded: '已退款',
};
export const orderStatusOptions = optionsOf(orderStatusLabels);
export const orderStatusTag: Record<PayOrderStatus, TagType> = {
  created: 'warning',
  paid: 'success',
  closed: 'info',
  refunded: 'danger',
};

/** WeChat Pay's refund states in the words of the finance page. */
export const refundStatusLabels: Record<string, string> = {
  PROCESSING: '退款中',
  SUCCESS: '退款成功',
  CLOSED: '退款关闭',
  ABNORMAL: '退款异常',
};
export const refundStatusTag: Record<string, TagType> = {
  PROCESSING: 'warning',
  SUCCESS: 'success',
  CLOSED: 'info',
  ABNORMAL: 'danger',
};

/** A reconciliation day's outcome. */
export const reconcileStatusLabels: Record<string, string> = {
  ok: '一致',
  differences: '有差异',
  failed: '失败',
};
export const reconcileStatusTag: Record<string, TagType> = { ok: 'success', differences: 'warning', failed: 'danger' };

/** Years for the 基数 page: next year first (January declarations start in December), then back. */
export function yearChoices(current: number, back = 3): number[] {
  return Array.from({ length: back + 2 }, (_, i) => current + 1 - i);
}

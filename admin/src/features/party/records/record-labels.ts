import {
  appraisalResultLabels,
  appraisalResults,
  fulfilmentStatusLabels,
  fulfilmentStatuses,
  honourKindLabels,
  honourKinds,
  honourLevelLabels,
  honourLevels,
  honourStatusLabels,
  honourStatuses,
  planKindLabels,
  planKinds,
  type AppraisalResult,
  type FulfilmentStatus,
  type HonourStatus,
  type HonourVO,
} from '@zhili/shared';

type Option<V extends string> = { value: V; label: string };
const options = <V extends string>(values: readonly V[], labels: Record<V, string>): Option<V>[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const honourKindOptions = options(honourKinds, honourKindLabels);
export const honourLevelOptions = options(honourLevels, honourLevelLabels);
export const planKindOptions = options(planKinds, planKindLabels);
export const appraisalResultOptions = options(appraisalResults, appraisalResultLabels);
export const fulfilmentOptions = options(fulfilmentStatuses, fulfilmentStatusLabels);

/** The status tabs of the honours list: 全部 ('') first, then the workflow in order. */
export const honourStatusTabs: { name: HonourStatus | ''; label: string }[] = [
  { name: '', label: '全部' },
  ...honourStatuses.map((s) => ({ name: s, label: honourStatusLabels[s] })),
];

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const honourStatusTag: Record<HonourStatus, TagType> = {
  draft: 'info',
  submitted: 'warning',
  approved: 'primary',
  rejected: 'danger',
  published: 'success',
};

export const appraisalResultTag: Record<AppraisalResult, TagType> = {
  excellent: 'success',
  qualified: 'primary',
  basically_qualified: 'warning',
  unqualified: 'danger',
};

export const fulfilmentTag: Record<FulfilmentStatus, TagType> = {
  fulfilled: 'success',
  partly: 'warning',
  unfulfilled: 'danger',
};

/** Who an honour went to, as the list says it: the member with their organisation, or the organisation. */
export function honourRecipient(h: Pick<HonourVO, 'kind' | 'orgName' | 'memberName'>): string {
  return h.kind === 'member' ? `${h.memberName || '（党员）'} · ${h.orgName}` : h.orgName;
}

/** The years a year filter offers: next year down to `count` years back from `current`. */
export function yearOptions(current: number, count = 6): Option<string>[] {
  return Array.from({ length: count + 1 }, (_, i) => current + 1 - i).map((y) => ({
    value: String(y),
    label: `${y} 年`,
  }));
}

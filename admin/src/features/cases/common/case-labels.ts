/**
 * Presentation of the case vocabulary in the console: status colours (tags, map markers), priority
 * tag types and option lists for the filters. Labels themselves come from `@zhili/shared`.
 */
import {
  allCaseStatuses,
  caseCategoryIcons,
  casePriorityLabels,
  caseSourceLabels,
  caseStatusLabels,
  type CasePriority,
  type CaseSource,
  type CaseStatus,
} from '@zhili/shared';

/** One colour per status: waiting work in blues, action needed in warm tones, finished in greys/green. */
export const caseStatusColors: Record<CaseStatus, string> = {
  pending_review: '#d48806',
  submitted: '#1677ff',
  accepted: '#2f54eb',
  dispatched: '#722ed1',
  processing: '#08979c',
  returned: '#cf1322',
  transferred: '#9254de',
  escalated: '#d4380d',
  resolved: '#389e0d',
  disputed: '#c41d7f',
  reopened: '#fa8c16',
  closed: '#8c8c8c',
  rejected: '#a8abb2',
  merged: '#a8abb2',
};

/** Colour of anything past its deadline (rows, countdowns, markers). */
export const overdueColor = '#f5222d';

export const casePriorityTagTypes: Record<CasePriority, 'info' | 'primary' | 'warning' | 'danger'> = {
  low: 'info',
  normal: 'primary',
  high: 'warning',
  urgent: 'danger',
};

export const caseStatusOptions = allCaseStatuses.map((value) => ({ value, label: caseStatusLabels[value] }));
export const caseSourceOptions = (Object.keys(caseSourceLabels) as CaseSource[]).map((value) => ({
  value,
  label: caseSourceLabels[value],
}));
export const casePriorityOptions = (Object.keys(casePriorityLabels) as CasePriority[]).map((value) => ({
  value,
  label: casePriorityLabels[value],
}));

/** The glyph of a category icon key (📌 for unknown keys). */
export function categoryGlyph(icon: string | null | undefined): string {
  return (icon && caseCategoryIcons[icon]) || '📌';
}

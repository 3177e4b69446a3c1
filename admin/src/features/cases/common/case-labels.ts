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

/**
 * One colour per status: waiting work in blues, action needed in warm tones, finished in greys/green.
 * Each is a text colour of ≥ 4.5:1 on white and on its own 10 % tint (the status chip), so the chip's
 * words stay readable; the words, not the hue, say the status.
 */
export const caseStatusColors: Record<CaseStatus, string> = {
  pending_review: '#935400',
  submitted: '#1a66c9',
  accepted: '#2f54eb',
  dispatched: '#722ed1',
  processing: '#00727a',
  returned: '#c01c28',
  transferred: '#7a3fc4',
  escalated: '#b23c0b',
  resolved: '#237804',
  disputed: '#a61866',
  reopened: '#a54700',
  closed: '#595959',
  rejected: '#62666d',
  merged: '#62666d',
};

/** Colour of anything past its deadline (rows, countdowns, markers). */
export const overdueColor = '#c01c28';

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

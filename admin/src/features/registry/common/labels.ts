import {
  businessStatusLabels,
  businessTypeLabels,
  genderLabels,
  headRelationLabels,
  householdTypeLabels,
  houseRelationLabels,
  houseUseLabels,
  hukouTypeLabels,
  permitStatusLabels,
  personStatusLabels,
} from '@zhili/shared';

/** `{ value, label }` options of a label record, in declaration order, for selects and radios. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** The label of a stored value, or the value itself when this build does not know it. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  return labels[value] ?? value;
}

export const genderOptions = optionsOf(genderLabels);
export const hukouOptions = optionsOf(hukouTypeLabels);
export const personStatusOptions = optionsOf(personStatusLabels);
export const permitOptions = optionsOf(permitStatusLabels);
export const headRelationOptions = optionsOf(headRelationLabels);
export const householdTypeOptions = optionsOf(householdTypeLabels);
export const houseUseOptions = optionsOf(houseUseLabels);
export const houseRelationOptions = optionsOf(houseRelationLabels);
export const businessTypeOptions = optionsOf(businessTypeLabels);
export const businessStatusOptions = optionsOf(businessStatusLabels);

export const visitDueLabels: Record<string, string> = {
  overdue: '已逾期',
  due: '今日到期',
  upcoming: '即将到期',
  ok: '正常',
};
export const visitDueTagType: Record<string, 'danger' | 'warning' | 'primary' | 'success'> = {
  overdue: 'danger',
  due: 'warning',
  upcoming: 'primary',
  ok: 'success',
};

/** `YYYY-MM-DD` of a date (or an ISO string) in Beijing time. */
export function dateOnly(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

import {
  admissionActLabels,
  admissionStageLabels,
  committeeRoleLabels,
  educationLabels,
  genderLabels,
  memberActLabels,
  memberCategoryLabels,
  memberStatusLabels,
  partyOrgTypeLabels,
} from '@zhili/shared';
import { optionsOf } from '@/features/registry/common/labels';

export { labelOf, optionsOf } from '@/features/registry/common/labels';

export const orgTypeOptions = optionsOf(partyOrgTypeLabels);
export const committeeRoleOptions = optionsOf(committeeRoleLabels);
export const categoryOptions = optionsOf(memberCategoryLabels);
export const memberStatusOptions = optionsOf(memberStatusLabels);
export const educationOptions = optionsOf(educationLabels);
export const genderOptions = optionsOf(genderLabels);
export const stageOptions = optionsOf(admissionStageLabels);
export { admissionActLabels, memberActLabels };

/** Today in Beijing (`YYYY-MM-DD`): the default date of a form that records something that happened. */
export function todayText(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

import { RuleType } from '@midwayjs/validate';
import { allCaseActions, caseLimits, caseTransitions } from '@zhili/shared';
import type { CaseAction, CaseActionInput } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';

/** Validation rules of case bodies shared by the staff, resident and grid-worker DTOs. */

/** Actions whose transition requires `input` (from the shared table, so the edge and the core agree). */
export function actionsRequiring(input: CaseActionInput): CaseAction[] {
  return allCaseActions.filter((a) => caseTransitions[a].requires.includes(input));
}

/** Makes a field required exactly for the actions that need it (the `action` sibling decides). */
export function requiredFor<T extends ReturnType<typeof RuleType.any>>(rule: T, input: CaseActionInput, message: string): T {
  return rule.when('action', { is: RuleType.valid(...actionsRequiring(input)), then: RuleType.required() }).messages(zh({ 'any.required': message })) as T;
}

export const caseId = RuleType.string().trim().min(1).max(36);

/** Rules shared by the staff action body, the grid worker's and both report forms. */
export const caseRules = {
  reason: () =>
    RuleType.string()
      .trim()
      .min(caseLimits.reason.min)
      .max(caseLimits.reason.max)
      .messages(zh({ 'string.empty': '请填写原因', 'string.min': `原因至少 ${caseLimits.reason.min} 个字`, 'string.max': `原因不能超过 ${caseLimits.reason.max} 字` })),
  result: () =>
    RuleType.string()
      .trim()
      .min(caseLimits.result.min)
      .max(caseLimits.result.max)
      .messages(zh({ 'string.empty': '请填写处理结果', 'string.min': `处理结果至少 ${caseLimits.result.min} 个字`, 'string.max': `处理结果不能超过 ${caseLimits.result.max} 字` })),
  note: () =>
    RuleType.string()
      .trim()
      .max(caseLimits.note.max)
      .messages(zh({ 'string.empty': '请填写进展说明', 'string.max': `说明不能超过 ${caseLimits.note.max} 字` })),
  photoIds: (max: number) =>
    RuleType.array()
      .items(caseId)
      .max(max)
      .unique()
      .messages(zh({ 'array.max': `照片最多 ${max} 张`, 'array.unique': '照片重复' })),
  description: (missing: string) =>
    RuleType.string()
      .trim()
      .min(caseLimits.description.min)
      .max(caseLimits.description.max)
      .required()
      .messages(
        zh({
          'any.required': missing,
          'string.empty': missing,
          'string.min': `问题描述至少 ${caseLimits.description.min} 个字`,
          'string.max': `问题描述不能超过 ${caseLimits.description.max} 字`,
        }),
      ),
  version: () => RuleType.number().integer().min(0).messages(zh({ 'number.base': '版本号应为整数' })),
};


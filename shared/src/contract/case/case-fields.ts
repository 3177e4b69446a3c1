import { allCaseActions, caseLimits, caseTransitions } from '../../domain/case';
import type { CaseAction, CaseActionInput } from '../../domain/case';
import { GEO_LIMITS } from '../../domain/geo';
import { z } from '../zod';

/**
 * Field rules shared by the case bodies of the staff console, the resident's report and the grid
 * worker's tasks: one wording per rule, so every form reports the same problem in the same words.
 */

/**
 * Refuses repeated items, reporting each repeat at its own index (`photoIds.2`), as a form marks
 * the second copy; `key` picks what must be unique (a holiday's date).
 */
export function noRepeats<T>(message: string, key: (item: T) => unknown = (item) => item) {
  return (items: T[], ctx: z.RefinementCtx<T[]>) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message, input: item });
      seen.add(k);
    });
  };
}

/** An error option whose message applies only when the field is missing (its range checks keep theirs). */
export const whenMissing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined),
});

/** A message for a missing field and for a wrong type alike (e.g. 评分应为 1-5 的整数). */
export const whenMissingOrWrong = (missing: string, wrong: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrong),
});

/** A case, photo or region id in a body (≤ 36 characters). */
export const caseId = () => z.string().trim().min(1).max(36);

/** Required text: blank or missing both say `missing`. */
export const requiredText = (missing: string, max: number, tooLong?: string) =>
  z
    .string(whenMissing(missing))
    .trim()
    .min(1, { error: missing, abort: true })
    .max(max, tooLong ? { error: tooLong } : undefined);

/** A reason; `blank` words a blank (or, where required, missing) one: 请填写更正原因. */
export const caseReason = (blank = '请填写原因') =>
  z
    .string(whenMissing(blank))
    .trim()
    .min(1, { error: blank, abort: true })
    .min(caseLimits.reason.min, { error: `原因至少 ${caseLimits.reason.min} 个字` })
    .max(caseLimits.reason.max, { error: `原因不能超过 ${caseLimits.reason.max} 字` });

export const caseResult = () =>
  z
    .string()
    .trim()
    .min(1, { error: '请填写处理结果', abort: true })
    .min(caseLimits.result.min, { error: `处理结果至少 ${caseLimits.result.min} 个字` })
    .max(caseLimits.result.max, { error: `处理结果不能超过 ${caseLimits.result.max} 字` });

/** An optional remark; blank or null means none. */
export const caseNote = () =>
  z
    .string()
    .trim()
    .max(caseLimits.note.max, { error: `说明不能超过 ${caseLimits.note.max} 字` });

/** Photo ids uploaded first, unique, at most `max` (`label` names them: 照片最多 9 张). */
export const casePhotoIds = (max: number, label = '照片') =>
  z
    .array(caseId(), {
      error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? '照片应为列表' : undefined),
    })
    .max(max, { error: `${label}最多 ${max} 张` })
    .superRefine(noRepeats<string>('照片重复'));

export const caseDescription = (missing: string) =>
  z
    .string(whenMissing(missing))
    .trim()
    .min(1, { error: missing, abort: true })
    .min(caseLimits.description.min, { error: `问题描述至少 ${caseLimits.description.min} 个字` })
    .max(caseLimits.description.max, { error: `问题描述不能超过 ${caseLimits.description.max} 字` });

/** The `version` of a detail, sent back with an action (409 CONFLICT when stale). */
export const caseVersion = () => z.number({ error: '版本号应为整数' }).int({ error: '版本号应为整数' }).min(0);

/** null sent for an optional field means "none", as absent does (the services read `undefined`). */
export const nullAsAbsent = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** A GCJ-02 point; `missingAxis` words a missing coordinate. */
export const lngLatBody = (messages: { range: string; type: string; shape: string }) =>
  z.object(
    {
      lng: z
        .number({ error: messages.type })
        .min(GEO_LIMITS.lng[0], { error: messages.range })
        .max(GEO_LIMITS.lng[1], { error: messages.range }),
      lat: z
        .number({ error: messages.type })
        .min(GEO_LIMITS.lat[0], { error: messages.range })
        .max(GEO_LIMITS.lat[1], { error: messages.range }),
    },
    { error: (issue) => (issue.input === undefined ? undefined : messages.shape) },
  );

/** The staff forms' wording of a point. */
export const staffLocation = () =>
  lngLatBody({ range: '位置超出范围', type: '经纬度应为数字', shape: '位置应包含经度 lng 和纬度 lat' });

/** Actions whose transition requires `input` (from the shared table, so the edge and the core agree). */
export function actionsRequiring(input: CaseActionInput): CaseAction[] {
  return allCaseActions.filter((a) => caseTransitions[a].requires.includes(input));
}

type Refinement = { field: string; input: CaseActionInput; message: string };

/**
 * Requires each field exactly for the actions that need it (the `action` sibling decides), e.g. a
 * reason for 退回. Reported on the field, as a missing field is.
 */
export function requiredForAction<T extends { action: string }>(requirements: readonly Refinement[]) {
  return (body: T, ctx: z.RefinementCtx<T>) => {
    for (const { field, input, message } of requirements) {
      const value = (body as Record<string, unknown>)[field];
      if ((value === undefined || value === null) && actionsRequiring(input).includes(body.action as CaseAction)) {
        ctx.addIssue({ code: 'custom', path: [field], message, input: value });
      }
    }
  };
}

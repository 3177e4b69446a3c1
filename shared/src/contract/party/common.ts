import { isCalendarDate } from '../../domain/party-dates';
import { z } from '../zod';

/**
 * Pieces the party routes share (organisations, member files, admissions): an id in a body, the date
 * of an act, a short text — so "a date" or "an organisation" mean the same on each of them.
 */

/** An id in a body (organisation, member, person, staff user): ≤ 36 characters. */
export const partyRef = (missing = '必填') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .trim()
    .min(1, { error: missing })
    .max(36);

/** The day an act happened, `YYYY-MM-DD`, a date that exists (2026-02-30 is refused). */
export const actDay = (missing = '请填写日期') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .refine(isCalendarDate, { error: '日期不存在' });

/** Single-line text that must not be blank, with its own word when it is. */
export const requiredText = (max: number, missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `不能超过 ${max} 个字符` });

/** Optional single-line text; '' and null mean none. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `不能超过 ${max} 个字符` })
    .nullable()
    .optional();

/** A related organisation shown by name (the target of a merge, the branch of a transfer). */
export const orgRefSchema = z.object({ id: z.string(), name: z.string() });

/** Extra facts of a history line (a letter number, vote counts…): flat, for display. */
export const historyDetailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

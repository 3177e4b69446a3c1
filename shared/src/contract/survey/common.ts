import { isCalendarDate } from '../../domain/party-dates';
import { z } from '../zod';

/** A Beijing calendar day `YYYY-MM-DD` (open and close days are inclusive). */
export const surveyDay = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .refine(isCalendarDate, { error: '日期不存在' });

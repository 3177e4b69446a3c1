import { isCalendarDate } from '../../domain/party-dates';
import { z } from '../zod';

/**
 * Pieces the survey and appraisal routes share (#15): limits the forms and the BFF agree on, the day
 * fields, and the states of a survey or an appraisal as the BFF derives them.
 */
export const surveyLimits = {
  titleMax: 100,
  descriptionMax: 2000,
  questionsMax: 30,
  questionTitleMax: 200,
  optionsMin: 2,
  optionsMax: 10,
  optionMax: 50,
  textAnswerMax: 500,
  ratingMin: 1,
  ratingMax: 5,
  appraiseesMax: 200,
} as const;

/** A Beijing calendar day `YYYY-MM-DD` (open and close days are inclusive). */
export const surveyDay = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : undefined) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .refine(isCalendarDate, { error: '日期不存在' });

/** draft → published → closed. Only a draft may be edited; answers are taken while published. */
export const surveyStatuses = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
export const surveyStatusLabels: Record<SurveyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  closed: '已结束',
};

/** What a person sees of a survey's window now (derived by the BFF from status and days). */
export const surveyPhases = ['upcoming', 'open', 'ended'] as const;
export type SurveyPhase = (typeof surveyPhases)[number];
export const surveyPhaseLabels: Record<SurveyPhase, string> = {
  upcoming: '未开始',
  open: '进行中',
  ended: '已结束',
};

/** Whether a published survey or an appraisal takes answers on `today` (Beijing day, inclusive bounds). */
export function surveyPhase(
  s: { status: SurveyStatus | 'open'; opensOn: string; closesOn: string },
  today: string,
): SurveyPhase {
  if (s.status === 'closed' || today > s.closesOn) return 'ended';
  if (s.status === 'draft' || today < s.opensOn) return 'upcoming';
  return 'open';
}

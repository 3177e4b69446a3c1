import { z } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';

/**
 * `survey.answered`: one response was recorded, appended in the answering transaction (the study
 * module awards points for it). `memberId` is the party member who answered, null for residents. A
 * member's anonymous answer carries the member only here, in the event, never with the stored answer.
 */
export const SurveyAnsweredEvent = defineDomainEvent(
  'survey.answered',
  z.object({ surveyId: z.string(), memberId: z.string().nullable() }),
);
export type SurveyAnswered = z.infer<typeof SurveyAnsweredEvent.schema>;

/** One event per respondent and survey (their single response). */
export const surveyAnsweredKey = (surveyId: string, respondentKey: string) => `survey:${surveyId}:${respondentKey}`;

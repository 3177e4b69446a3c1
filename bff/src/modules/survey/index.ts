/**
 * Surveys and democratic appraisal (#15): what other modules may import from it.
 */
export { SurveyAnsweredEvent, surveyAnsweredKey } from './surveys/survey-events';
export type { SurveyAnswered } from './surveys/survey-events';

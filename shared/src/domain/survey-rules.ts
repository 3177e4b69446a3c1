/**
 * Surveys, residents' consultations (议事协商) and democratic appraisal (民主评议, #15): the limits the
 * forms and the BFF agree on, the states and their words, and the grades of an appraisal vote.
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

/** Who a survey asks: party members (all, or an organisation's subtree) or the residents of a region (议事协商). */
export const surveyAudiences = ['members', 'residents'] as const;
export type SurveyAudience = (typeof surveyAudiences)[number];
export const surveyAudienceLabels: Record<SurveyAudience, string> = {
  members: '党员问卷',
  residents: '居民议事协商',
};

export const surveyQuestionKinds = ['single', 'multiple', 'rating', 'text'] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];
export const surveyQuestionKindLabels: Record<SurveyQuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
  rating: '评分题（1–5 分）',
  text: '填空题',
};

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

/**
 * Whether a survey or an appraisal takes answers on `today` (a Beijing day; open and close days are
 * inclusive): ended once closed or past its last day, upcoming while a draft or before its first.
 */
export function surveyPhase(
  s: { status: SurveyStatus | 'open'; opensOn: string; closesOn: string },
  today: string,
): SurveyPhase {
  if (s.status === 'closed' || today > s.closesOn) return 'ended';
  if (s.status === 'draft' || today < s.opensOn) return 'upcoming';
  return 'open';
}

/**
 * A voter's grade of one member and the score it counts as (0–100, the scale of `appraisalScore`):
 * people choose a word, the rule averages numbers.
 */
export const appraisalGrades = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type AppraisalGrade = (typeof appraisalGrades)[number];
export const appraisalGradeLabels: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  competent: '合格',
  basic: '基本合格',
  incompetent: '不合格',
};
export const appraisalGradeScores: Record<AppraisalGrade, number> = {
  excellent: 100,
  competent: 80,
  basic: 60,
  incompetent: 0,
};

export const appraisalStatuses = ['open', 'closed'] as const;
export type AppraisalStatus = (typeof appraisalStatuses)[number];
export const appraisalStatusLabels: Record<AppraisalStatus, string> = { open: '评议中', closed: '已公布' };

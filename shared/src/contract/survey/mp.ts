import { defineRoute } from '../define';
import { pageQuery, pathId } from '../fields';
import { z } from '../zod';
import { appraisalGrades, surveyLimits, surveyPhases } from '../../domain/survey-rules';
import { surveyQuestionSchema } from './surveys';

const MEMBER_TAG = '小程序 · 党员问卷与民主评议';
const RESIDENT_TAG = '小程序 · 议事协商';
const L = surveyLimits;

/** A survey as the person asked sees it: the questions, the window, and whether they already answered. */
export const mySurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** Who asks: the organisation or the village/community. */
  targetName: z.string(),
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: z.enum(surveyPhases),
  answered: z.boolean(),
  questions: z.array(surveyQuestionSchema),
});
export type MySurveyVO = z.infer<typeof mySurveySchema>;

export const surveyAnswerSchema = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionId: z.string().trim().min(1).max(16),
        /** Choice questions: indexes of the chosen options. */
        choices: z
          .array(
            z
              .number()
              .int()
              .min(0)
              .max(L.optionsMax - 1),
          )
          .max(L.optionsMax)
          .optional(),
        rating: z.number().int().min(L.ratingMin).max(L.ratingMax).optional(),
        text: z
          .string()
          .trim()
          .max(L.textAnswerMax, { error: `不能超过 ${L.textAnswerMax} 个字` })
          .optional(),
      }),
    )
    .max(L.questionsMax),
});
export type SurveyAnswerInput = z.output<typeof surveyAnswerSchema>;

/** An appraisal a member, leader or resident may vote in, with the members to grade and their own votes. */
export const myAppraisalRoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  orgName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: z.enum(surveyPhases),
  /** The group the caller votes in. */
  group: z.enum(['resident', 'member', 'leader']),
  appraisees: z.array(z.object({ memberId: z.string(), name: z.string(), voted: z.boolean() })),
  /** True when the caller has graded every member they may grade. */
  done: z.boolean(),
});
export type MyAppraisalRoundVO = z.infer<typeof myAppraisalRoundSchema>;

export const appraisalBallotSchema = z.strictObject({
  votes: z
    .array(
      z.strictObject({
        memberId: z.string().trim().min(1).max(36),
        grade: z.enum(appraisalGrades, { error: '请选择评议等次' }),
      }),
    )
    .min(1, { error: '请至少评议一名党员' })
    .max(L.appraiseesMax),
});
export type AppraisalBallotInput = z.output<typeof appraisalBallotSchema>;

const byId = z.object({ id: pathId() });
const submitted = z.object({ submitted: z.literal(true) });

export const mpSurveyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/mp/surveys',
    summary: '我的党员问卷（进行中在前）',
    tag: MEMBER_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery() }),
    response: mySurveySchema,
    list: true,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mp/surveys/:id',
    summary: '问卷详情',
    tag: MEMBER_TAG,
    audience: 'mp',
    params: byId,
    response: mySurveySchema,
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/mp/surveys/:id/responses',
    summary: '提交问卷（每人一次）',
    tag: MEMBER_TAG,
    audience: 'mp',
    params: byId,
    body: surveyAnswerSchema,
    response: submitted,
    status: 201,
  }),
  appraisals: defineRoute({
    method: 'GET',
    path: '/api/mp/appraisals',
    summary: '我可以参加的民主评议',
    tag: MEMBER_TAG,
    audience: 'mp',
    response: z.array(myAppraisalRoundSchema),
  }),
  appraisal: defineRoute({
    method: 'GET',
    path: '/api/mp/appraisals/:id',
    summary: '民主评议详情（被评议党员与我的投票情况）',
    tag: MEMBER_TAG,
    audience: 'mp',
    params: byId,
    response: myAppraisalRoundSchema,
  }),
  vote: defineRoute({
    method: 'POST',
    path: '/api/mp/appraisals/:id/votes',
    summary: '提交评议（每名党员只能评一次）',
    tag: MEMBER_TAG,
    audience: 'mp',
    params: byId,
    body: appraisalBallotSchema,
    response: myAppraisalRoundSchema,
    status: 201,
  }),
};

export const mpConsultationRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/mp/consultations',
    summary: '本村（社区）的议事协商',
    tag: RESIDENT_TAG,
    audience: 'mp',
    query: z.object({ ...pageQuery() }),
    response: mySurveySchema,
    list: true,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mp/consultations/:id',
    summary: '议事协商详情',
    tag: RESIDENT_TAG,
    audience: 'mp',
    params: byId,
    response: mySurveySchema,
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/mp/consultations/:id/responses',
    summary: '提交意见（每人一次）',
    tag: RESIDENT_TAG,
    audience: 'mp',
    params: byId,
    body: surveyAnswerSchema,
    response: submitted,
    status: 201,
  }),
};

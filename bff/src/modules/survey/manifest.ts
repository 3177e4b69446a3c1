import type { ModuleManifest } from '../../core/modules/manifest';
import { Surveys1764300700000 } from '../../core/db/migrations/1764300700000-Surveys';
import { AppraisalBallot, AppraisalRound, AppraisalSubject, AppraisalVote } from './appraisals/appraisal.entity';
import { Survey, SurveyRespondent, SurveyResponse } from './surveys/survey.entity';
import { surveyEnv } from './survey.config';

/** Surveys of members and residents (议事协商) and democratic appraisal of members (民主评议, #15). */
export const surveyManifest = {
  name: 'survey',
  config: surveyEnv,
  entities: [
    Survey,
    SurveyRespondent,
    SurveyResponse,
    AppraisalRound,
    AppraisalSubject,
    AppraisalBallot,
    AppraisalVote,
  ],
  migrations: [Surveys1764300700000],
  permissions: ['survey:manage', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;

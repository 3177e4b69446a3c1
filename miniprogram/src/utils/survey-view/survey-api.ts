import { routes } from '@zhili/shared/client';
import type { ApiList, MyAppraisalRoundVO, MySurveyVO, SurveyAnswerInput } from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** Members' surveys (party subpackage) and residents' 议事协商 (resident subpackage) share these pages. */
export type SurveyKind = 'member' | 'resident';

const SILENT = { silent: true } as const;
export const SURVEY_PAGE_SIZE = 10;

export function fetchSurveys(kind: SurveyKind, page: number): Promise<ApiList<MySurveyVO>> {
  const query = { page, pageSize: SURVEY_PAGE_SIZE };
  return kind === 'member'
    ? api(routes.mpSurveys.list, { query }, SILENT)
    : api(routes.mpConsultations.list, { query }, SILENT);
}

export function fetchSurvey(kind: SurveyKind, id: string): Promise<MySurveyVO> {
  return kind === 'member'
    ? api(routes.mpSurveys.get, { params: { id } }, SILENT)
    : api(routes.mpConsultations.get, { params: { id } }, SILENT);
}

export async function submitSurvey(kind: SurveyKind, id: string, body: SurveyAnswerInput): Promise<void> {
  if (kind === 'member') await api(routes.mpSurveys.answer, { params: { id }, body }, SILENT);
  else await api(routes.mpConsultations.answer, { params: { id }, body }, SILENT);
}

export function fetchMyAppraisals(): Promise<MyAppraisalRoundVO[]> {
  return api(routes.mpSurveys.appraisals, {}, SILENT);
}

export function fetchMyAppraisal(id: string): Promise<MyAppraisalRoundVO> {
  return api(routes.mpSurveys.appraisal, { params: { id } }, SILENT);
}

export function voteAppraisal(
  id: string,
  votes: { memberId: string; grade: 'excellent' | 'competent' | 'basic' | 'incompetent' }[],
): Promise<MyAppraisalRoundVO> {
  return api(routes.mpSurveys.vote, { params: { id }, body: { votes } }, SILENT);
}

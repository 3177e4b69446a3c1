import { routes } from '@zhili/shared/client';
import type {
  ApiList,
  AttemptPaperVO,
  AttemptResultVO,
  ExamResponseVO,
  MemberQuestionVO,
  MyExamVO,
  PracticeFeedbackVO,
  WrongBookEntryVO,
} from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** The exam, practice and wrong-book pages' calls. Silent: the pages show failures themselves. */
const SILENT = { silent: true } as const;

export const fetchMyExams = (): Promise<MyExamVO[]> => api(routes.mpExams.list, {}, SILENT);
export const fetchMyExam = (id: string): Promise<MyExamVO> => api(routes.mpExams.get, { params: { id } }, SILENT);
export const startAttempt = (id: string): Promise<AttemptPaperVO> =>
  api(routes.mpExams.start, { params: { id } }, SILENT);
export const saveAnswer = (attemptId: string, questionId: string, response: ExamResponseVO | null) =>
  api(routes.mpExams.saveAnswer, { params: { id: attemptId }, body: { questionId, response } }, SILENT);
export const submitAttempt = (attemptId: string): Promise<AttemptResultVO> =>
  api(routes.mpExams.submit, { params: { id: attemptId } }, SILENT);
export const fetchResult = (attemptId: string): Promise<AttemptResultVO> =>
  api(routes.mpExams.result, { params: { id: attemptId } }, SILENT);
export const fetchPracticeCategories = () => api(routes.mpExams.practiceCategories, {}, SILENT);
export const fetchPractice = (query: {
  category?: string;
  count?: number;
  from?: 'bank' | 'wrong';
}): Promise<MemberQuestionVO[]> => api(routes.mpExams.practice, { query }, SILENT);
export const answerPractice = (questionId: string, response: ExamResponseVO): Promise<PracticeFeedbackVO> =>
  api(routes.mpExams.practiceAnswer, { body: { questionId, response } }, SILENT);
export const fetchWrongBook = (page: number): Promise<ApiList<WrongBookEntryVO>> =>
  api(routes.mpExams.wrongBook, { query: { page, pageSize: 20 } }, SILENT);

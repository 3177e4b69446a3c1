import { casePublicationRoutes } from '@zhili/shared';
import { api } from './contract-client';

/** 政务公开 of one case: what Open311 shows, and the staff-reviewed public text. */
export const casePublicationApi = {
  get: (caseId: string) => api(casePublicationRoutes.get, { params: { id: caseId } }, { silent: true }),
  update: (caseId: string, publicDescription: string | null) =>
    api(casePublicationRoutes.update, { params: { id: caseId }, body: { publicDescription } }),
};

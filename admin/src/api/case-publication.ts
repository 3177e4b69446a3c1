import type { CasePublicationVO } from '@zhili/shared';
import { http } from './http';
import { ADMIN, seg } from './registry/query';

/** 政务公开 of one case: what Open311 shows, and the staff-reviewed public text. */
export const casePublicationApi = {
  get: (caseId: string) => http.get<CasePublicationVO>(`${ADMIN}/cases/${seg(caseId)}/publication`, { silent: true }),
  update: (caseId: string, publicDescription: string | null) =>
    http.put<CasePublicationVO>(`${ADMIN}/cases/${seg(caseId)}/publication`, { publicDescription }),
};

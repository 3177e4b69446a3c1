import { partyMeetingRoutes } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type MeetingQuery = Query<ClientInput<typeof partyMeetingRoutes.list>>;
export type MeetingCreateBody = Body<ClientInput<typeof partyMeetingRoutes.create>>;
export type MeetingUpdateBody = Body<ClientInput<typeof partyMeetingRoutes.update>>;

/** 三会一课. Writes are silent: their dialogs show the errors at the fields or above the form. */
export const meetingsApi = {
  list: (query: MeetingQuery) => api(partyMeetingRoutes.list, { query }),
  compliance: (orgId: string) => api(partyMeetingRoutes.compliance, { query: { orgId } }, { silent: true }),
  get: (id: string) => api(partyMeetingRoutes.get, { params: { id } }),
  create: (body: MeetingCreateBody) => api(partyMeetingRoutes.create, { body }, { silent: true }),
  update: (id: string, body: MeetingUpdateBody) =>
    api(partyMeetingRoutes.update, { params: { id }, body }, { silent: true }),
  /** A fresh QR token for the host's screen (valid two minutes). Silent: the QR panel shows its own error. */
  checkInToken: (id: string) => api(partyMeetingRoutes.checkInToken, { params: { id } }, { silent: true }),
  decideLeave: (id: string, memberId: string, approve: boolean) =>
    api(partyMeetingRoutes.decideLeave, { params: { id, memberId }, body: { approve } }),
};

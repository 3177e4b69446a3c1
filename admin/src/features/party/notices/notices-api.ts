import { partyNoticeRoutes } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';

type Body<R> = R extends { body: infer B } ? B : never;
type Query<R> = R extends { query?: infer Q } ? NonNullable<Q> : never;

export type NoticeQuery = Query<ClientInput<typeof partyNoticeRoutes.list>>;
export type NoticeBody = Body<ClientInput<typeof partyNoticeRoutes.create>>;

/** 党务公开. Drafting and editing are silent (the dialog shows the errors); publish and pin toast theirs. */
export const noticesApi = {
  list: (query: NoticeQuery) => api(partyNoticeRoutes.list, { query }),
  create: (body: NoticeBody) => api(partyNoticeRoutes.create, { body }, { silent: true }),
  update: (id: string, body: NoticeBody) => api(partyNoticeRoutes.update, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(partyNoticeRoutes.publish, { params: { id } }),
  withdraw: (id: string) => api(partyNoticeRoutes.withdraw, { params: { id } }),
  pin: (id: string, pinned: boolean) => api(partyNoticeRoutes.pin, { params: { id }, body: { pinned } }),
};

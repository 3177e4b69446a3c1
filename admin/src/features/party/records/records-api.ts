import { partyRecordRoutes as R } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '@/api/contract-client';

type Body<T> = T extends { body: infer B } ? B : never;
type Query<T> = T extends { query?: infer Q } ? NonNullable<Q> : never;

export type HonourQuery = Query<ClientInput<typeof R.honours>>;
export type HonourBody = Body<ClientInput<typeof R.createHonour>>;
export type HonourReviewBody = Body<ClientInput<typeof R.reviewHonour>>;
export type PlanQuery = Query<ClientInput<typeof R.plans>>;
export type PlanBody = Body<ClientInput<typeof R.createPlan>>;
export type PledgeQuery = Query<ClientInput<typeof R.pledges>>;
export type PledgeBody = Body<ClientInput<typeof R.createPledge>>;
export type FulfilBody = Body<ClientInput<typeof R.fulfilPledge>>;
export type AppraisalQuery = Query<ClientInput<typeof R.appraisals>>;
export type AppraisalBody = Body<ClientInput<typeof R.createAppraisal>>;
export type AppraisalUpdateBody = Body<ClientInput<typeof R.updateAppraisal>>;

/** 荣誉. Form writes are silent (their dialogs show the errors); steps confirmed in the list toast theirs. */
export const honoursApi = {
  list: (query: HonourQuery) => api(R.honours, { query }),
  create: (body: HonourBody) => api(R.createHonour, { body }, { silent: true }),
  update: (id: string, body: HonourBody) => api(R.updateHonour, { params: { id }, body }, { silent: true }),
  submit: (id: string) => api(R.submitHonour, { params: { id } }),
  review: (id: string, body: HonourReviewBody) => api(R.reviewHonour, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(R.publishHonour, { params: { id } }),
};

/** 计划总结. */
export const plansApi = {
  list: (query: PlanQuery) => api(R.plans, { query }),
  create: (body: PlanBody) => api(R.createPlan, { body }, { silent: true }),
  update: (id: string, body: PlanBody) => api(R.updatePlan, { params: { id }, body }, { silent: true }),
  remove: (id: string) => api(R.deletePlan, { params: { id } }),
};

/** 党员承诺. */
export const pledgesApi = {
  list: (query: PledgeQuery) => api(R.pledges, { query }),
  create: (body: PledgeBody) => api(R.createPledge, { body }, { silent: true }),
  update: (id: string, text: string) => api(R.updatePledge, { params: { id }, body: { text } }, { silent: true }),
  fulfil: (id: string, body: FulfilBody) => api(R.fulfilPledge, { params: { id }, body }, { silent: true }),
};

/** 民主评议. */
export const appraisalsApi = {
  list: (query: AppraisalQuery) => api(R.appraisals, { query }),
  create: (body: AppraisalBody) => api(R.createAppraisal, { body }, { silent: true }),
  update: (id: string, body: AppraisalUpdateBody) => api(R.updateAppraisal, { params: { id }, body }, { silent: true }),
  publish: (id: string) => api(R.publishAppraisal, { params: { id } }),
};

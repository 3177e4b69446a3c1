import { describe, expect, it } from 'vitest';
import type { AdmissionStepVO } from '@zhili/shared';
import { stepFacts } from './step-facts';

const step = (kind: AdmissionStepVO['kind'], detail: AdmissionStepVO['detail'], extra: Partial<AdmissionStepVO> = {}) =>
  ({ kind, detail, reason: null, approver: null, note: null, ...extra }) as AdmissionStepVO;

describe('what a recorded step says', () => {
  it('reads a branch vote as counts', () => {
    expect(
      stepFacts(step('branch_vote', { eligible: 20, present: 15, inFavour: 12 }, { approver: '支部党员大会' })),
    ).toEqual(['应到 20 人，实到 15 人，赞成 12 人', '审批/经办：支部党员大会']);
  });

  it('reads verdicts, the probation end and a reason', () => {
    expect(stepFacts(step('higher_approval', { approved: true, probationEndsOn: '2027-06-01' }))).toEqual([
      '上级党委批准',
      '预备期至 2027-06-01',
    ]);
    expect(stepFacts(step('political_review', { passed: false }, { reason: '材料不实' }))).toEqual([
      '政审未通过',
      '原因：材料不实',
    ]);
    expect(stepFacts(step('postpone', { months: 6, probationEndsOn: '2027-12-01' }))).toEqual([
      '延长预备期 6 个月，至 2027-12-01',
    ]);
  });
});

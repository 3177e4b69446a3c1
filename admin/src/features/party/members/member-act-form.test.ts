import { describe, expect, it } from 'vitest';
import { emptyMemberActForm, memberActBody } from './member-act-form';

describe('the member status-change form', () => {
  const filled = {
    ...emptyMemberActForm('2026-03-01'),
    toOrgId: 'branch-b',
    letterNo: ' 青组转〔2026〕7号 ',
    destination: '某县委组织部',
    place: '深圳',
    contactOrg: '南山区流动党员党支部',
    reason: '失联',
  };

  it('sends the transfer out with its letter and destination only', () => {
    expect(memberActBody({ ...filled, kind: 'transfer_out' })).toEqual({
      kind: 'transfer_out',
      on: '2026-03-01',
      letterNo: '青组转〔2026〕7号',
      destination: '某县委组织部',
    });
  });

  it('sends a move within the town with the target branch, and a note when written', () => {
    expect(memberActBody({ ...filled, kind: 'transfer_within', note: ' 工作调动 ' })).toEqual({
      kind: 'transfer_within',
      on: '2026-03-01',
      toOrgId: 'branch-b',
      note: '工作调动',
    });
  });

  it('sends nothing but the date for a death', () => {
    expect(memberActBody({ ...filled, kind: 'death' })).toEqual({ kind: 'death', on: '2026-03-01' });
  });
});

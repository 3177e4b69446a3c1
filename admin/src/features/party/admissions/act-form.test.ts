import { describe, expect, it } from 'vitest';
import { actBody, emptyActForm, needsReason } from './act-form';

describe('the admission step form', () => {
  it('sends only the chosen act’s fields', () => {
    const form = { ...emptyActForm('branch_vote', '2026-06-01'), eligible: 20, present: 15, inFavour: 12, months: 9 };
    expect(actBody({ ...form, kind: 'branch_vote' })).toEqual({
      kind: 'branch_vote',
      on: '2026-06-01',
      vote: { eligible: 20, present: 15, inFavour: 12 },
      attachmentIds: [],
    });
  });

  it('turns the verdict into passed or approved and keeps what was written', () => {
    const form = {
      ...emptyActForm('higher_approval', '2026-07-01'),
      verdict: false,
      reason: ' 材料不全 ',
      approver: '镇党委',
    };
    expect(actBody({ ...form, kind: 'higher_approval' })).toEqual({
      kind: 'higher_approval',
      on: '2026-07-01',
      approved: false,
      reason: '材料不全',
      approver: '镇党委',
      attachmentIds: [],
    });
  });

  it('asks for a reason exactly where the shared rule does', () => {
    expect(needsReason(emptyActForm('end', '2026-01-01'))).toBe(true);
    expect(needsReason(emptyActForm('postpone', '2026-01-01'))).toBe(true);
    expect(needsReason(emptyActForm('talk', '2026-01-01'))).toBe(false);
    expect(needsReason({ ...emptyActForm('political_review', '2026-01-01'), verdict: false })).toBe(true);
    expect(needsReason({ ...emptyActForm('political_review', '2026-01-01'), verdict: true })).toBe(false);
    expect(needsReason(emptyActForm('', '2026-01-01'))).toBe(false);
  });
});

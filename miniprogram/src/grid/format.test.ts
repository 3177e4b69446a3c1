import { formatDate, formatDateTime, todayCst, visitInstant, visitsToDoText } from './format';

describe('grid page formatting', () => {
  it('shows instants in China Standard Time', () => {
    expect(formatDateTime('2026-11-21T18:30:00Z')).toBe('2026-11-22 02:30');
    expect(formatDate('2026-11-21T16:00:00Z')).toBe('2026-11-22');
  });

  it('takes the Chinese calendar day for "today", not the UTC one', () => {
    expect(todayCst(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it('sends now for a visit today and noon China time for an earlier day', () => {
    const now = new Date('2026-11-22T03:00:00Z');
    expect(visitInstant('2026-11-22', now)).toBe(now.toISOString());
    expect(visitInstant('2026-11-20', now)).toBe('2026-11-20T04:00:00.000Z');
  });

  it('says how many visits are to do from the BFF total, upcoming ones included', () => {
    // The defect: 即将到期 2 on the card, "0 项待走访" on the row below it.
    expect(visitsToDoText({ overdue: 0, due: 0, upcoming: 2, total: 2 })).toBe('2 项待走访');
    expect(visitsToDoText({ overdue: 1, due: 1, upcoming: 2, total: 4 })).toBe('4 项待走访（1 项逾期）');
    expect(visitsToDoText({ overdue: 0, due: 0, upcoming: 0, total: 0 })).toBe('暂无待走访');
  });
});

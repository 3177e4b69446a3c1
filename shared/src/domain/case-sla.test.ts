import {
  allCaseStatuses,
  casePriorityInvalidMessage,
  casePriorityLabels,
  casePriorityOrder,
  openCaseStatuses,
} from './case';
import type { CaseStatus } from './case';
import { caseSlaState, finishedLate } from './case-sla';
import type { CaseSlaState } from './case-sla';

const warnAt = '2026-11-23T06:00:00.000Z';
const dueAt = '2026-11-23T08:00:00.000Z';
const before = Date.parse('2026-11-23T05:00:00.000Z');
const atWarn = Date.parse(warnAt);
const between = Date.parse('2026-11-23T07:00:00.000Z');
const atDue = Date.parse(dueAt);
const after = Date.parse('2026-11-23T08:00:01.000Z');

/** Written out by hand: which statuses keep the SLA clock running. */
const clockRuns: Record<CaseStatus, boolean> = {
  pending_review: true,
  submitted: true,
  accepted: true,
  dispatched: true,
  processing: true,
  returned: true,
  transferred: true,
  escalated: true,
  disputed: true,
  reopened: true,
  resolved: false,
  closed: false,
  rejected: false,
  merged: false,
};

describe('caseSlaState — one definition of overdue', () => {
  it('covers every status in the hand-written table', () => {
    expect(Object.keys(clockRuns).sort()).toEqual([...allCaseStatuses].sort());
    expect(allCaseStatuses.filter((s) => clockRuns[s]).sort()).toEqual([...openCaseStatuses].sort());
  });

  // [status, now, expected] — every status at every moment around the two marks.
  const table: [CaseStatus, number, CaseSlaState][] = allCaseStatuses.flatMap((s) =>
    clockRuns[s]
      ? ([
          [s, before, 'on_time'],
          [s, atWarn, 'warning'],
          [s, between, 'warning'],
          [s, atDue, 'warning'],
          [s, after, 'overdue'],
        ] as [CaseStatus, number, CaseSlaState][])
      : ([before, atWarn, between, atDue, after].map((t) => [s, t, 'done']) as [CaseStatus, number, CaseSlaState][]),
  );

  it.each(table)('%s at %d is %s', (status, now, want) => {
    expect(caseSlaState({ status, dueAt, warnAt }, now)).toBe(want);
    expect(caseSlaState({ status, dueAt: new Date(dueAt), warnAt: new Date(warnAt) }, new Date(now))).toBe(want);
  });

  it('never calls a finished case overdue, however late it was finished', () => {
    for (const status of ['resolved', 'closed', 'rejected', 'merged'] as CaseStatus[]) {
      expect(caseSlaState({ status, dueAt: '2020-01-01T00:00:00Z', warnAt: null }, Date.now())).toBe('done');
    }
  });

  it('is on time without a deadline, and only overdue (never warning) without a warning mark', () => {
    expect(caseSlaState({ status: 'submitted', dueAt: null }, after)).toBe('on_time');
    expect(caseSlaState({ status: 'submitted', dueAt, warnAt: null }, between)).toBe('on_time');
    expect(caseSlaState({ status: 'submitted', dueAt, warnAt: null }, after)).toBe('overdue');
  });

  it('tells late finishes apart (超时办结) as history, not state', () => {
    expect(finishedLate({ dueAt, resolvedAt: after })).toBe(true);
    expect(finishedLate({ dueAt, resolvedAt: atDue })).toBe(false);
    expect(finishedLate({ dueAt: null, resolvedAt: after })).toBe(false);
    expect(finishedLate({ dueAt, resolvedAt: null })).toBe(false);
  });
});

describe('priority labels', () => {
  it('name four distinct levels whose order is obvious: 低 / 普通 / 紧急 / 特急', () => {
    expect(casePriorityOrder.map((p) => casePriorityLabels[p])).toEqual(['低', '普通', '紧急', '特急']);
    expect(Object.keys(casePriorityLabels).sort()).toEqual([...casePriorityOrder].sort());
    expect(Object.values(casePriorityLabels)).not.toContain('一般');
    expect(casePriorityInvalidMessage).toBe('优先级须为 低、普通、紧急、特急 之一');
  });
});

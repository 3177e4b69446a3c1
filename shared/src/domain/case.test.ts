import {
  allCaseActions,
  allCaseStatuses,
  availableCaseActions,
  caseTransitions,
  checkCaseTransition,
  isCaseOpen,
  terminalCaseStatuses,
} from './case';
import type { CaseAction, CaseActorRole, CaseStatus } from './case';

const roles: CaseActorRole[] = ['reporter', 'assignee', 'dispatcher', 'system'];

/**
 * The expected table, written out by hand from the issue text (not derived from caseTransitions):
 * status → the actions allowed in it, per actor.
 */
const expected: Record<CaseStatus, Partial<Record<CaseActorRole, CaseAction[]>>> = {
  pending_review: { dispatcher: ['approve', 'reject', 'merge'], system: ['approve', 'reject'] },
  // system: the SLA watcher escalates; a late content-security verdict may still reject.
  submitted: {
    dispatcher: ['accept', 'reject', 'dispatch', 'transfer', 'escalate', 'merge'],
    system: ['reject', 'escalate'],
  },
  accepted: { dispatcher: ['reject', 'dispatch', 'transfer', 'escalate', 'merge'], system: ['reject', 'escalate'] },
  dispatched: {
    dispatcher: ['dispatch', 'resolve', 'transfer', 'escalate'],
    assignee: ['start', 'return', 'resolve'],
    system: ['resolve', 'escalate'],
  },
  processing: { dispatcher: ['resolve', 'escalate'], assignee: ['return', 'resolve'], system: ['resolve', 'escalate'] },
  returned: { dispatcher: ['dispatch', 'transfer', 'escalate'], system: ['escalate'] },
  transferred: { dispatcher: ['accept', 'reject', 'escalate', 'merge'], system: ['reject', 'escalate'] },
  // The worker it was dispatched to may still fix an escalated case.
  escalated: {
    dispatcher: ['dispatch', 'resolve', 'escalate'],
    assignee: ['resolve'],
    system: ['resolve', 'escalate'],
  },
  resolved: { dispatcher: ['close'], reporter: ['rate', 'dispute'], system: ['close'] },
  disputed: { dispatcher: ['dispatch', 'transfer', 'escalate', 'close'], system: ['escalate', 'close'] },
  reopened: { dispatcher: ['accept', 'dispatch', 'transfer', 'escalate', 'merge'], system: ['escalate'] },
  closed: { dispatcher: ['reopen'], reporter: ['rate', 'dispute'] },
  rejected: { dispatcher: ['reopen'] },
  merged: {},
};

/**
 * Where a transfer lands, by hand: an accepted case stays accepted (no second 受理 in the new grid);
 * one nobody has accepted yet (submitted, reopened) waits for 受理 there.
 */
const transferLandsIn: Partial<Record<CaseStatus, CaseStatus>> = {
  submitted: 'transferred',
  reopened: 'transferred',
  accepted: 'accepted',
  returned: 'accepted',
  disputed: 'accepted',
  dispatched: 'accepted',
};
const landing = (status: CaseStatus, action: CaseAction): CaseStatus =>
  action === 'transfer' ? (transferLandsIn[status] as CaseStatus) : caseTransitions[action].to;

describe('case state machine', () => {
  it.each(allCaseStatuses.flatMap((s) => roles.map((r) => [s, r] as const)))(
    '%s as %s allows exactly the expected actions',
    (status, role) => {
      const want = [...(expected[status][role] ?? [])].sort();
      expect([...availableCaseActions(status, role)].sort()).toEqual(want);
    },
  );

  it('answers every (status, action, actor) with ok or a specific refusal', () => {
    for (const status of allCaseStatuses) {
      for (const action of allCaseActions) {
        for (const role of roles) {
          const check = checkCaseTransition(status, action, role);
          const allowed = (expected[status][role] ?? []).includes(action);
          if (allowed) {
            expect(check).toEqual({
              ok: true,
              to: landing(status, action),
              requires: caseTransitions[action].requires,
            });
          } else if (!caseTransitions[action].actors.includes(role)) {
            expect(check).toEqual({ ok: false, code: 'CASE_ACTION_FORBIDDEN' });
          } else {
            expect(check).toEqual({ ok: false, code: 'CASE_TRANSITION_INVALID' });
          }
        }
      }
    }
  });

  it('keeps an accepted case accepted when it is transferred to another grid', () => {
    for (const [status, to] of Object.entries(transferLandsIn) as [CaseStatus, CaseStatus][]) {
      expect([status, checkCaseTransition(status, 'transfer', 'dispatcher')]).toEqual([
        status,
        { ok: true, to, requires: ['targetRegion', 'reason'] },
      ]);
    }
    expect(Object.keys(transferLandsIn).sort()).toEqual([...caseTransitions.transfer.from].sort());
    // After the transfer the new grid dispatches at once; only a transferred (never accepted) case needs 受理 first.
    expect(availableCaseActions('accepted', 'dispatcher')).toContain('dispatch');
    expect(availableCaseActions('transferred', 'dispatcher')).not.toContain('dispatch');
  });

  it('needs a reason to reject, return, transfer, escalate, dispute or reopen', () => {
    for (const action of ['reject', 'return', 'transfer', 'escalate', 'dispute', 'reopen'] as CaseAction[]) {
      expect(caseTransitions[action].requires).toContain('reason');
    }
    expect(caseTransitions.dispatch.requires).toEqual(['assignee']);
    expect(caseTransitions.resolve.requires).toEqual(['result']);
    expect(caseTransitions.rate.requires).toEqual(['rating']);
    expect(caseTransitions.close.requires).toEqual(['outcome']);
  });

  it('lets only the reporter rate or dispute and only the assignee start or return', () => {
    for (const action of allCaseActions) {
      const actors = caseTransitions[action].actors;
      if (action === 'rate' || action === 'dispute') expect(actors).toEqual(['reporter']);
      else expect(actors).not.toContain('reporter');
      if (action === 'start' || action === 'return') expect(actors).toEqual(['assignee']);
    }
  });

  it('reaches every status from submitted and can end every open case', () => {
    const reach = (from: CaseStatus[]): Set<CaseStatus> => {
      const seen = new Set(from);
      const queue = [...from];
      while (queue.length) {
        const s = queue.shift() as CaseStatus;
        for (const t of Object.values(caseTransitions)) {
          const to = t.landsIn?.[s] ?? t.to;
          if (t.from.includes(s) && !seen.has(to)) {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      return seen;
    };
    const fromSubmitted = reach(['submitted', 'pending_review']);
    for (const s of allCaseStatuses) expect(fromSubmitted.has(s)).toBe(true);
    for (const s of allCaseStatuses.filter(isCaseOpen)) {
      const ends = reach([s]);
      expect(['closed', 'rejected', 'merged'].some((t) => ends.has(t as CaseStatus))).toBe(true);
    }
  });

  it('keeps merged final and counts terminal statuses as not open', () => {
    expect(roles.flatMap((r) => availableCaseActions('merged', r))).toEqual([]);
    for (const s of terminalCaseStatuses) expect(isCaseOpen(s)).toBe(false);
    expect(isCaseOpen('resolved')).toBe(false);
    expect(isCaseOpen('disputed')).toBe(true);
  });
});

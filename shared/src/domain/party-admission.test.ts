import {
  addCalendarMonths,
  admissionActNeedsReason,
  admissionDue,
  admissionDueStatus,
  allowedAdmissionActs,
  applyAdmissionAct,
  type AdmissionAct,
  type AdmissionActKind,
  type AdmissionRecord,
  type AdmissionStage,
} from './party-admission';

const TODAY = '2026-12-06';
const goodVote = { eligible: 20, present: 15, inFavour: 12 };

function run(record: AdmissionRecord, ...acts: AdmissionAct[]): AdmissionRecord {
  return acts.reduce((r, act) => {
    const out = applyAdmissionAct(r, act, TODAY);
    if (!out.ok) throw new Error(`${act.kind} refused: ${out.code} ${out.message}`);
    return out.record;
  }, record);
}

const applicant: AdmissionRecord = { stage: 'applicant', appliedOn: '2023-03-01', birthDate: '1990-05-05' };
const activist = run(applicant, { kind: 'talk', on: '2023-03-20' }, { kind: 'make_activist', on: '2023-04-10' });
const candidate = run(activist, { kind: 'make_candidate', on: '2024-04-10' });
const reviewed = run(
  candidate,
  { kind: 'political_review', on: '2024-05-01', passed: true },
  { kind: 'training', on: '2024-05-20', passed: true },
);
const voted = run(reviewed, { kind: 'branch_vote', on: '2024-06-01', vote: goodVote });
const probationary = run(voted, { kind: 'higher_approval', on: '2024-07-15', approved: true });

function refusalOf(record: AdmissionRecord, act: AdmissionAct, today = TODAY): string {
  const out = applyAdmissionAct(record, act, today);
  return out.ok ? 'accepted' : out.code;
}

describe('calendar months', () => {
  it.each([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-06-01', 12, '2026-06-01'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });
});

describe('which acts each stage allows', () => {
  const table: Array<[string, AdmissionRecord, AdmissionActKind[]]> = [
    ['applicant before the talk', applicant, ['talk', 'end']],
    ['applicant after the talk', run(applicant, { kind: 'talk', on: '2023-03-20' }), ['make_activist', 'end']],
    ['activist', activist, ['make_candidate', 'end']],
    ['candidate', candidate, ['political_review', 'training', 'branch_vote', 'end']],
    ['candidate accepted by the branch', voted, ['higher_approval', 'end']],
    ['probationary', probationary, ['conversion_vote', 'postpone', 'disqualify']],
    [
      'probationary, postponed once',
      run(probationary, { kind: 'postpone', on: '2025-07-01', months: 6 }),
      ['conversion_vote', 'disqualify'],
    ],
    ['full', { ...probationary, stage: 'full' }, []],
    ['disqualified', { ...probationary, stage: 'disqualified' }, []],
    ['ended', { ...applicant, stage: 'ended' }, []],
  ];
  it.each(table)('%s', (_name, record, acts) => {
    expect(allowedAdmissionActs(record)).toEqual(acts);
  });

  it('refuses every other act with STEP_NOT_ALLOWED', () => {
    const every: AdmissionAct[] = [
      { kind: 'talk', on: '2026-01-01' },
      { kind: 'make_activist', on: '2026-01-01' },
      { kind: 'make_candidate', on: '2026-01-01' },
      { kind: 'political_review', on: '2026-01-01', passed: true },
      { kind: 'training', on: '2026-01-01', passed: true },
      { kind: 'branch_vote', on: '2026-01-01', vote: goodVote },
      { kind: 'higher_approval', on: '2026-01-01', approved: true },
      { kind: 'conversion_vote', on: '2026-01-01', vote: goodVote },
      { kind: 'postpone', on: '2026-01-01', months: 6 },
      { kind: 'disqualify', on: '2026-01-01' },
      { kind: 'end', on: '2026-01-01' },
    ];
    for (const [, record, allowed] of table) {
      for (const act of every.filter((a) => !allowed.includes(a.kind))) {
        expect(`${record.stage}:${act.kind}:${refusalOf(record, act)}`).toBe(
          `${record.stage}:${act.kind}:STEP_NOT_ALLOWED`,
        );
      }
    }
  });
});

describe('time rules', () => {
  it('an activist of 11 months cannot become a candidate; at exactly one year they can', () => {
    expect(refusalOf(activist, { kind: 'make_candidate', on: '2024-03-10' })).toBe('ACTIVIST_TOO_SHORT');
    expect(refusalOf(activist, { kind: 'make_candidate', on: '2024-04-09' })).toBe('ACTIVIST_TOO_SHORT');
    expect(refusalOf(activist, { kind: 'make_candidate', on: '2024-04-10' })).toBe('accepted');
  });

  it('the refusal says from when the step is possible', () => {
    const out = applyAdmissionAct(activist, { kind: 'make_candidate', on: '2024-03-10' }, TODAY);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain('2024-04-10');
  });

  it('probation ends exactly one year after the branch vote, leap day clamped', () => {
    expect(probationary.probationEndsOn).toBe('2025-06-01');
    const onLeapDay = run(
      { stage: 'applicant', appliedOn: '2022-01-05' },
      { kind: 'talk', on: '2022-01-20' },
      { kind: 'make_activist', on: '2022-02-01' },
      { kind: 'make_candidate', on: '2023-02-01' },
      { kind: 'political_review', on: '2023-06-01', passed: true },
      { kind: 'training', on: '2023-07-01', passed: true },
      { kind: 'branch_vote', on: '2024-02-29', vote: goodVote },
      { kind: 'higher_approval', on: '2024-03-10', approved: true },
    );
    expect(onLeapDay.probationEndsOn).toBe('2025-02-28');
  });

  it('conversion is discussed only when the probation is over; the member is full from its last day', () => {
    expect(refusalOf(probationary, { kind: 'conversion_vote', on: '2025-05-31', vote: goodVote })).toBe(
      'PROBATION_NOT_OVER',
    );
    const full = run(probationary, { kind: 'conversion_vote', on: '2025-06-10', vote: goodVote });
    expect(full.stage).toBe<AdmissionStage>('full');
    expect(full.convertedOn).toBe('2025-06-01');
  });

  it('a postponement is 6 to 12 months, once, and moves the end of probation', () => {
    for (const months of [0, 5, 13, 6.5]) {
      expect(refusalOf(probationary, { kind: 'postpone', on: '2025-06-05', months })).toBe('POSTPONE_RANGE');
    }
    const postponed = run(probationary, { kind: 'postpone', on: '2025-06-05', months: 12 });
    expect(postponed.probationEndsOn).toBe('2026-06-01');
    expect(refusalOf(postponed, { kind: 'postpone', on: '2025-07-01', months: 6 })).toBe('STEP_NOT_ALLOWED');
    expect(refusalOf(postponed, { kind: 'conversion_vote', on: '2026-05-31', vote: goodVote })).toBe(
      'PROBATION_NOT_OVER',
    );
  });

  it('the higher committee decides within three months of the branch vote', () => {
    expect(refusalOf(voted, { kind: 'higher_approval', on: '2024-09-02', approved: true })).toBe('APPROVAL_TOO_LATE');
    expect(refusalOf(voted, { kind: 'higher_approval', on: '2024-09-01', approved: true })).toBe('accepted');
  });

  it('a refusal by the higher committee sends the candidate back before the vote', () => {
    const back = run(voted, { kind: 'higher_approval', on: '2024-07-01', approved: false });
    expect(back.stage).toBe('candidate');
    expect(back.admittedOn).toBeNull();
    expect(allowedAdmissionActs(back)).toContain('branch_vote');
  });

  it('dates are real, not in the future and not before the previous step', () => {
    expect(refusalOf(applicant, { kind: 'talk', on: '2023-02-30' })).toBe('DATE_INVALID');
    expect(refusalOf(applicant, { kind: 'talk', on: '2026-12-07' })).toBe('DATE_IN_FUTURE');
    expect(refusalOf(applicant, { kind: 'talk', on: '2023-02-28' })).toBe('DATE_BEFORE_PREVIOUS');
  });
});

describe('candidate prerequisites and votes', () => {
  it('needs the political review and the training before the branch vote', () => {
    expect(refusalOf(candidate, { kind: 'branch_vote', on: '2024-06-01', vote: goodVote })).toBe('REVIEW_MISSING');
    const reviewedOnly = run(candidate, { kind: 'political_review', on: '2024-05-01', passed: true });
    expect(refusalOf(reviewedOnly, { kind: 'branch_vote', on: '2024-06-01', vote: goodVote })).toBe('TRAINING_MISSING');
    expect(refusalOf(candidate, { kind: 'training', on: '2024-05-01', passed: false })).toBe('TRAINING_NOT_PASSED');
  });

  it('a failed political review ends the pipeline', () => {
    const failed = run(candidate, { kind: 'political_review', on: '2024-05-01', passed: false });
    expect(failed.stage).toBe('ended');
  });

  it('a person under 18 on the day of the vote is not accepted', () => {
    expect(
      refusalOf({ ...reviewed, birthDate: '2006-06-02' }, { kind: 'branch_vote', on: '2024-06-01', vote: goodVote }),
    ).toBe('TOO_YOUNG');
    expect(
      refusalOf({ ...reviewed, birthDate: '2006-06-01' }, { kind: 'branch_vote', on: '2024-06-01', vote: goodVote }),
    ).toBe('accepted');
  });

  it.each([
    [{ eligible: 20, present: 10, inFavour: 10 }, 'VOTE_NO_QUORUM'],
    [{ eligible: 20, present: 11, inFavour: 10 }, 'VOTE_FAILED'],
    [{ eligible: 20, present: 11, inFavour: 11 }, 'accepted'],
    [{ eligible: 20, present: 21, inFavour: 11 }, 'VOTE_INVALID'],
    [{ eligible: 20, present: 12, inFavour: 13 }, 'VOTE_INVALID'],
    [{ eligible: 0, present: 0, inFavour: 0 }, 'VOTE_INVALID'],
    [{ eligible: 20, present: -1, inFavour: 0 }, 'VOTE_INVALID'],
    [{ eligible: 20, present: 12.5, inFavour: 11 }, 'VOTE_INVALID'],
  ])('vote %o → %s', (vote, expected) => {
    expect(refusalOf(reviewed, { kind: 'branch_vote', on: '2024-06-01', vote })).toBe(expected);
  });
});

describe('what is due next', () => {
  it('the talk is due within a month of the application and overdue after it', () => {
    expect(admissionDue(applicant, '2023-04-01')).toEqual({
      next: 'talk',
      from: null,
      by: '2023-04-01',
      overdue: false,
    });
    expect(admissionDue(applicant, '2023-04-02')?.overdue).toBe(true);
  });

  it('an activist becomes eligible one year after being named', () => {
    expect(admissionDue(activist, '2024-01-01')).toEqual({
      next: 'make_candidate',
      from: '2024-04-10',
      by: null,
      overdue: false,
    });
  });

  it('an accepted candidate waits for the higher committee, overdue after three months', () => {
    expect(admissionDue(voted, '2024-09-02')).toEqual({
      next: 'higher_approval',
      from: null,
      by: '2024-09-01',
      overdue: true,
    });
  });

  it('a probationary member is due for conversion when the probation ends', () => {
    expect(admissionDue(probationary, '2025-06-15')).toEqual({
      next: 'conversion_vote',
      from: '2025-06-01',
      by: '2025-07-01',
      overdue: false,
    });
  });

  it('closed records have nothing due', () => {
    expect(admissionDue({ ...probationary, stage: 'full' }, TODAY)).toBeNull();
  });
});

describe('the portal word for a due step', () => {
  it.each([
    ['applicant not yet talked to, within the month', admissionDue(applicant, '2023-03-20'), '2023-03-20', 'due'],
    ['applicant not talked to after a month', admissionDue(applicant, '2023-04-02'), '2023-04-02', 'overdue'],
    ['activist within the year', admissionDue(activist, '2024-01-01'), '2024-01-01', 'waiting'],
    ['activist on the day the year is over', admissionDue(activist, '2024-04-10'), '2024-04-10', 'due'],
    ['probationary before the end', admissionDue(probationary, '2025-05-31'), '2025-05-31', 'waiting'],
    ['probationary a month after the end', admissionDue(probationary, '2025-07-02'), '2025-07-02', 'overdue'],
  ] as const)('%s: %s', (_name, due, today, status) => {
    expect(due).not.toBeNull();
    expect(admissionDueStatus(due!, today)).toBe(status);
  });
});

describe('acts that carry a reason', () => {
  it.each<[AdmissionAct, boolean]>([
    [{ kind: 'end', on: TODAY }, true],
    [{ kind: 'disqualify', on: TODAY }, true],
    [{ kind: 'postpone', on: TODAY, months: 6 }, true],
    [{ kind: 'political_review', on: TODAY, passed: false }, true],
    [{ kind: 'political_review', on: TODAY, passed: true }, false],
    [{ kind: 'higher_approval', on: TODAY, approved: false }, true],
    [{ kind: 'higher_approval', on: TODAY, approved: true }, false],
    [{ kind: 'talk', on: TODAY }, false],
    [{ kind: 'branch_vote', on: TODAY, vote: goodVote }, false],
  ])('%j → %s', (act, needs) => {
    expect(admissionActNeedsReason(act)).toBe(needs);
  });
});

import { addCalendarMonths, addDays, applyAdmissionAct, type AdmissionAct, type AdmissionRecord } from '@zhili/shared';
import type { PartyAdmissionStep } from '../modules/party/admission/party-admission-step.entity';
import type { Rng } from './prng';

/**
 * One person's way through the admission pipeline for the demo, dated backwards from today and then
 * replayed act by act through the shared `applyAdmissionAct` — the same rules the BFF enforces — so a
 * seeded record can never be one the service would have refused.
 */

/** Where a demo record stands today. */
export type DemoAdmissionTarget =
  | 'applicant'
  | 'applicant_talked'
  | 'activist'
  | 'candidate'
  | 'candidate_trained'
  | 'candidate_voted'
  | 'probationary'
  | 'full'
  | 'ended';

/** Acts in pipeline order, each with the gap (days) it follows the previous one by. */
type Planned = { kind: AdmissionAct['kind']; gap: number };

/** The whole way from application to 正式党员, in order; each target stops somewhere along it. */
const WAY: readonly AdmissionAct['kind'][] = [
  'talk',
  'make_activist',
  'make_candidate',
  'political_review',
  'training',
  'branch_vote',
  'higher_approval',
  'conversion_vote',
];

const ORDER: Record<DemoAdmissionTarget, readonly AdmissionAct['kind'][]> = {
  applicant: [],
  applicant_talked: WAY.slice(0, 1),
  activist: WAY.slice(0, 2),
  candidate: WAY.slice(0, 3),
  candidate_trained: WAY.slice(0, 5),
  candidate_voted: WAY.slice(0, 6),
  probationary: WAY.slice(0, 7),
  full: WAY,
  ended: [...WAY.slice(0, 2), 'end'],
};

/** How long ago (days) the last act of each target happened: a range that shows due, waiting and overdue work. */
const LAST_ACT_AGO: Record<DemoAdmissionTarget, readonly [number, number]> = {
  applicant: [3, 45],
  applicant_talked: [5, 120],
  activist: [30, 480],
  candidate: [5, 60],
  candidate_trained: [5, 40],
  candidate_voted: [3, 40],
  probationary: [20, 330],
  full: [10, 1000],
  ended: [30, 400],
};

function gapDays(rng: Rng, kind: AdmissionAct['kind']): number {
  switch (kind) {
    case 'talk':
      return rng.int(7, 25);
    case 'make_activist':
      return rng.int(30, 120);
    case 'make_candidate':
      return rng.int(0, 90); // after the year of education
    case 'political_review':
      return rng.int(15, 60);
    case 'training':
      return rng.int(7, 40);
    case 'branch_vote':
      return rng.int(7, 30);
    case 'higher_approval':
      return rng.int(10, 75);
    case 'conversion_vote':
      return rng.int(0, 25); // after the probation ended
    default:
      return rng.int(20, 200);
  }
}

export interface DemoVoteSize {
  /** Full members with a vote in the branch (at least 3). */
  eligible: number;
}

export interface DemoAdmissionResult {
  record: AdmissionRecord;
  steps: Omit<PartyAdmissionStep, 'id' | 'admissionId' | 'actorId' | 'actorName' | 'createdAt'>[];
}

/** The act with its date and any vote or verdict it needs. */
function actOf(rng: Rng, kind: AdmissionAct['kind'], on: string, votes: DemoVoteSize): AdmissionAct {
  const vote = () => {
    const eligible = Math.max(3, votes.eligible);
    const present = eligible - rng.int(0, Math.floor((eligible - 1) / 4));
    return { eligible, present, inFavour: present - rng.int(0, Math.floor((present - 1) / 5)) };
  };
  switch (kind) {
    case 'political_review':
    case 'training':
      return { kind, on, passed: true };
    case 'branch_vote':
    case 'conversion_vote':
      return { kind, on, vote: vote() };
    case 'higher_approval':
      return { kind, on, approved: true };
    case 'postpone':
      return { kind, on, months: 6 };
    case 'talk':
    case 'make_activist':
    case 'make_candidate':
    case 'disqualify':
    case 'end':
      return { kind, on };
  }
}

/** Dates every act forward from `appliedOn` with the drawn gaps (month rules in calendar months). */
function dateActs(appliedOn: string, planned: readonly Planned[]): string[] {
  const dates: string[] = [];
  let last = appliedOn;
  let activistOn = appliedOn;
  let votedOn = appliedOn;
  for (const p of planned) {
    let on = addDays(last, p.gap);
    if (p.kind === 'make_candidate') on = addDays(addCalendarMonths(activistOn, 12), p.gap);
    if (p.kind === 'conversion_vote') on = addDays(addCalendarMonths(votedOn, 12), p.gap);
    if (p.kind === 'make_activist') activistOn = on;
    if (p.kind === 'branch_vote') votedOn = on;
    dates.push(on);
    last = on;
  }
  return dates;
}

const approvers: Partial<Record<AdmissionAct['kind'], string>> = {
  talk: '支部书记',
  make_activist: '支部委员会',
  make_candidate: '支部委员会（报镇党委备案）',
  political_review: '镇党委组织委员',
  training: '示范镇党校',
  higher_approval: '示范镇党委',
};

/**
 * A record that reaches `target` with its last act `LAST_ACT_AGO` days before `today`. Throws if the shared rules refuse a step (a bug in the dates).
 */
export function demoAdmission(
  rng: Rng,
  target: DemoAdmissionTarget,
  today: string,
  birthDate: string,
  votes: DemoVoteSize,
): DemoAdmissionResult {
  const planned = ORDER[target].map((kind) => ({ kind, gap: gapDays(rng, kind) }));
  const firstGap = rng.int(0, 3);
  // Shift the whole story so its last act lands where the target wants it.
  const [near, far] = LAST_ACT_AGO[target];
  const lastOn = addDays(today, -rng.int(near, far));
  const probe = dateActs('2000-01-01', planned);
  const span = probe.length
    ? Math.round((Date.parse(probe[probe.length - 1]) - Date.parse('2000-01-01')) / 86_400_000)
    : 0;
  const appliedOn = addDays(lastOn, -span - firstGap);
  const dates = dateActs(appliedOn, planned);
  let record: AdmissionRecord = { stage: 'applicant', birthDate, appliedOn };
  const steps: DemoAdmissionResult['steps'] = [];
  planned.forEach((p, k) => {
    const on = dates[k] > today ? today : dates[k];
    const act = actOf(rng, p.kind, on, votes);
    const outcome = applyAdmissionAct(record, act, today);
    if (!outcome.ok) throw new Error(`demo admission refused at ${p.kind} on ${on}: ${outcome.message}`);
    record = outcome.record;
    steps.push({
      kind: act.kind,
      happenedOn: on,
      stageAfter: record.stage,
      detail:
        act.kind === 'branch_vote' || act.kind === 'conversion_vote'
          ? { eligible: act.vote.eligible, present: act.vote.present, inFavour: act.vote.inFavour }
          : act.kind === 'higher_approval'
            ? { approved: true, probationEndsOn: record.probationEndsOn ?? null }
            : act.kind === 'political_review' || act.kind === 'training'
              ? { passed: true }
              : {},
      reason: act.kind === 'end' ? '本人申请撤回入党申请' : null,
      approver: approvers[act.kind] ?? null,
      note: act.kind === 'talk' ? '谈话了解入党动机和对党的认识' : null,
      attachmentIds: [],
    });
  });
  return { record, steps };
}

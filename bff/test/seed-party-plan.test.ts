import { addDays, admissionDue, admissionDueStatus, type AdmissionStage } from '@zhili/shared';
import { demoAdmission, type DemoAdmissionTarget } from '../src/seed/demo-party-admission';
import { weightedSample } from '../src/seed/demo-party-people';
import { Rng } from '../src/seed/prng';

/**
 * The pure parts of the demo party seed: every admission story ends in the stage it was drawn for,
 * on any day of the year (leap years included), its steps dated in order and never in the future —
 * `demoAdmission` replays them through the shared rules and throws otherwise; and the weighted draw
 * of members never takes a weightless person twice or at all.
 */

const EXPECTED: Record<DemoAdmissionTarget, AdmissionStage> = {
  applicant: 'applicant',
  applicant_talked: 'applicant',
  activist: 'activist',
  candidate: 'candidate',
  candidate_trained: 'candidate',
  candidate_voted: 'candidate',
  probationary: 'probationary',
  full: 'full',
  ended: 'ended',
};

describe('demo admission stories', () => {
  it.each(Object.keys(EXPECTED) as DemoAdmissionTarget[])(
    '%s: reaches its stage for 400 seeds and days, steps in order and not in the future',
    (target) => {
      const statuses = new Set<string>();
      for (let seed = 1; seed <= 400; seed += 1) {
        const rng = new Rng(seed);
        const today = addDays('2027-01-01', -((seed * 37) % 1200));
        const { record, steps } = demoAdmission(rng, target, today, '1996-02-29', { eligible: 1 + (seed % 40) });
        expect(record.stage).toBe(EXPECTED[target]);
        const days = steps.map((s) => s.happenedOn);
        expect([...days].sort()).toEqual(days);
        expect(days.every((d) => d <= today && d >= record.appliedOn)).toBe(true);
        expect(steps.at(-1)?.stageAfter ?? 'applicant').toBe(record.stage);
        if (target === 'applicant_talked') expect(record.talkedOn).toBeTruthy();
        if (target === 'candidate_voted') expect(record.admittedOn).toBeTruthy();
        if (target === 'full') expect(record.convertedOn).toBe(record.probationEndsOn);
        const due = admissionDue(record, today);
        if (due) statuses.add(admissionDueStatus(due, today));
      }
      // The portal has something to show: open stages include work that is due now.
      if (['applicant', 'activist', 'probationary'].includes(target)) expect(statuses).toContain('due');
      if (target === 'applicant') expect(statuses).toContain('overdue');
      if (target === 'activist') expect(statuses).toContain('waiting');
    },
  );
});

describe('weightedSample', () => {
  it('draws k distinct items, never a weightless one, heavier ones more often', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const weight = (i: number) => (i < 10 ? 0 : i < 55 ? 1 : 4);
    let heavy = 0;
    for (let seed = 1; seed <= 50; seed += 1) {
      const drawn = weightedSample(new Rng(seed), items, weight, 20);
      expect(new Set(drawn).size).toBe(20);
      expect(drawn.every((i) => i >= 10)).toBe(true);
      heavy += drawn.filter((i) => i >= 55).length;
    }
    // 45 heavy items weigh 180 of 225: about 80 % of the draws, far above their 50 % by count.
    expect(heavy / (50 * 20)).toBeGreaterThan(0.65);
    expect(weightedSample(new Rng(1), items, () => 0, 5)).toEqual([]);
  });
});

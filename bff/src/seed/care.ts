import { defaultPersonTags } from '@zhili/shared';
import type { GenContext } from './context';
import { addDays, ageOn, workingTimeOn } from './dates';
import type { SeedPerson, SeedStaff } from './model';
import type { PlacedHousehold } from './people';
import type { GridInfo } from './regions';

/**
 * Person tags in plausible shares (独居老人 ≈ 2 %, 高龄老人 ≈ 4 %, 残疾人 ≈ 2 %, 留守儿童 ≈ 1.5 %,
 * 低保户 ≈ 3 %, 退役军人 ≈ 1.5 %, 重点人员 ≈ 0.3 %, 流动人口 = every floating resident) and past
 * visits for the tags that need care, spread so the visit-due lists show a mix of ok, upcoming, due
 * and overdue.
 */

const intervals = new Map(defaultPersonTags.map((t) => [t.code, t.visitIntervalDays]));

const VISIT_NOTES = [
  '上门走访，身体状况良好',
  '了解生活近况，无特殊需求',
  '送去米油，叮嘱注意防暑',
  '核实家庭情况，已登记',
  '电话联系后上门，居住环境整洁',
  '提醒按时服药，家属在场',
];

function tagsOf(
  ctx: GenContext,
  person: SeedPerson,
  placed: PlacedHousehold,
  lowIncome: boolean,
  village: boolean,
): string[] {
  const { rng, today } = ctx;
  const age = ageOn(today, person.birthDate);
  const tags: string[] = [];
  if (person.hukouType === 'floating') tags.push('floating');
  if (person.hukouType === 'local' && placed.members.length === 1 && age >= 65) tags.push('elderly_alone');
  if (age >= 80) tags.push('elderly_80');
  if (rng.chance(age >= 60 ? 0.035 : 0.015)) tags.push('disabled');
  // Children whose parents work away and who live with grandparents.
  const leftBehindOdds = person.relationToHead === 'grandchild' ? 0.6 : person.relationToHead === 'child' ? 0.1 : 0;
  if (village && person.hukouType === 'local' && age < 16 && rng.chance(leftBehindOdds)) tags.push('left_behind_child');
  if (lowIncome) tags.push('low_income');
  if (person.gender === 'male' && age >= 24 && age <= 80 && rng.chance(0.042)) tags.push('veteran');
  if (age >= 18 && age <= 60 && rng.chance(0.005)) tags.push('key_person');
  return tags;
}

/** Visits of one cared-for person: last visit placed relative to the interval, 1–3 visits in all. */
function visit(ctx: GenContext, person: SeedPerson, grid: GridInfo, worker: SeedStaff, interval: number): void {
  const { rng, today, model } = ctx;
  const outcome = rng.weighted([
    ['ok', 50],
    ['upcoming', 12],
    ['due', 13],
    ['overdue', 18],
    ['never', 7],
  ] as const);
  if (outcome === 'never') return;
  const daysAgo =
    outcome === 'ok'
      ? rng.int(0, Math.max(0, interval - 3))
      : outcome === 'upcoming'
        ? interval - rng.int(1, 2)
        : outcome === 'due'
          ? interval
          : interval + rng.int(2, interval + 10);
  let day = addDays(today, -Math.max(0, daysAgo));
  const count = rng.int(1, 3);
  let last: string | null = null;
  for (let k = 0; k < count; k += 1) {
    const at = workingTimeOn(day, rng.int(9, 16), rng.int(0, 59));
    last ??= at;
    model.visits.push({
      id: rng.uuid(),
      personId: person.id,
      householdId: person.householdId,
      regionId: grid.region.id,
      visitorId: worker.id,
      visitorName: worker.displayName,
      visitedAt: at,
      note: rng.pick(VISIT_NOTES),
    });
    day = addDays(day, -interval - rng.int(0, 5));
  }
  person.lastVisitedAt = last;
}

/** Tags and visits for the members of one placed household. */
export function careFor(ctx: GenContext, placed: PlacedHousehold, grid: GridInfo, worker: SeedStaff): void {
  const { rng, today, model } = ctx;
  if (placed.members.length === 0) return;
  const village = grid.parent.level === 'village';
  const lowIncome = placed.household.type === 'resident' && rng.chance(0.032);
  for (const person of placed.members) {
    const tags = tagsOf(ctx, person, placed, lowIncome, village);
    const taggedAt = workingTimeOn(addDays(today, -rng.int(60, 900)), 10, 0);
    for (const tagCode of tags)
      model.personTags.push({ personId: person.id, regionId: grid.region.id, tagCode, taggedAt });
    const careIntervals = tags.map((t) => intervals.get(t)).filter((v): v is number => typeof v === 'number');
    if (careIntervals.length > 0) visit(ctx, person, grid, worker, Math.min(...careIntervals));
  }
}

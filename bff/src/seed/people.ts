import type { HouseholdType, HouseRelation, HukouType, PermitStatus } from '@zhili/shared';
import { composeFloatingHousehold, composeLocalHousehold, MemberDraft } from './composition';
import type { GenContext } from './context';
import { addDays, birthDateForAge } from './dates';
import { ORIGIN_COUNTIES, randomIdNumber, randomMobile, TOWN_COUNTY_CODE } from './identity';
import type { SeedHouse, SeedHousehold, SeedPerson } from './model';
import { randomName, randomSurname } from './names';
import type { GridInfo } from './regions';

/** Household type shares: villages have more 空壳户 (families gone to the city), communities more tenants. */
const TYPE_WEIGHTS: Record<'village' | 'community', readonly (readonly [HouseholdType, number])[]> = {
  village: [
    ['resident', 73],
    ['floating', 12],
    ['empty', 15],
  ],
  community: [
    ['resident', 78],
    ['floating', 19],
    ['empty', 3],
  ],
};

const LAND_NOTES = [
  '承包耕地 2.5 亩，种植水稻',
  '茶园 1.2 亩',
  '承包耕地 3 亩，种植蔬菜',
  '竹林 4 亩',
  '鱼塘 1 亩',
  '苗木 2 亩',
  null,
  null,
  null,
];

const PERMIT_WEIGHTS: readonly (readonly [PermitStatus, number])[] = [
  ['valid', 55],
  ['applied', 15],
  ['expired', 12],
  ['none', 18],
];

/** A household the caller has placed: its type, members, house and the house's relation for members. */
export interface PlacedHousehold {
  household: SeedHousehold;
  members: SeedPerson[];
}

function surnameFor(draft: MemberDraft, family: string, inLaw: string | null, head: string, ctx: GenContext): string {
  switch (draft.relation) {
    case 'self':
      return head;
    case 'child':
      return family;
    case 'grandchild':
      return draft.headSurname ? family : (inLaw ?? randomSurname(ctx.rng));
    case 'parent':
      return draft.headSurname ? head : randomSurname(ctx.rng);
    default:
      return randomSurname(ctx.rng);
  }
}

/**
 * Builds the persons of one household. Locals have the town's county in their ID numbers and their
 * 户籍 here; floating members share one origin county, an arrival date and a 居住证 status.
 */
function members(
  ctx: GenContext,
  grid: GridInfo,
  household: SeedHousehold,
  drafts: MemberDraft[],
  hukou: HukouType,
): SeedPerson[] {
  const { rng, today } = ctx;
  const origin =
    hukou === 'floating'
      ? rng.weighted(ORIGIN_COUNTIES.map(([code, name, w]) => [[code, name] as const, w] as const))
      : null;
  const arrival = origin ? addDays(today, -rng.int(20, 6 * 365)) : null;
  const permitStatus = origin ? rng.weighted(PERMIT_WEIGHTS) : null;
  const headSurname = randomSurname(rng);
  const spouse = drafts.find((d) => d.relation === 'spouse');
  const spouseSurname = spouse ? randomSurname(rng) : null;
  const head = drafts[0];
  // Children take the father's surname.
  const family = head.gender === 'female' && spouseSurname ? spouseSurname : headSurname;
  const inLawDraft = drafts.find((d) => d.relation === 'child_in_law');
  const inLawSurname = inLawDraft && inLawDraft.gender === 'male' ? randomSurname(rng) : null;
  return drafts.map((draft) => {
    const surname =
      draft.relation === 'spouse'
        ? (spouseSurname as string)
        : draft.relation === 'child_in_law' && inLawSurname
          ? inLawSurname
          : surnameFor(draft, family, inLawSurname, headSurname, ctx);
    const birthDate = birthDateForAge(today, draft.age, rng.int(0, 364));
    const birthYear = Number(birthDate.slice(0, 4));
    const county = origin ? origin[0] : TOWN_COUNTY_CODE;
    // Children under 14 rarely have their own phone; many of the very old neither.
    const hasPhone = draft.age >= 14 && (draft.age < 80 || rng.chance(0.5));
    const person: SeedPerson = {
      id: rng.uuid(),
      regionId: grid.region.id,
      name: randomName(rng, draft.gender, birthYear, surname),
      gender: draft.gender,
      birthDate,
      idNumber: randomIdNumber(rng, county, birthDate, draft.gender, ctx.usedIdNumbers),
      phone: hasPhone ? randomMobile(rng, ctx.usedPhones) : null,
      hukouType: hukou,
      hukouAddress: origin ? `${origin[1]}${randomSurname(rng)}家村` : `浙江省杭州市余杭区示范镇${household.address}`,
      address: household.address,
      origin: origin ? origin[1] : null,
      arrivalDate: arrival,
      permitStatus,
      permitExpiry:
        permitStatus === 'valid'
          ? addDays(today, rng.int(30, 700))
          : permitStatus === 'expired'
            ? addDays(today, -rng.int(10, 400))
            : null,
      householdId: household.id,
      relationToHead: draft.relation,
      lastVisitedAt: null,
    };
    return person;
  });
}

/** Places one household of the given type in `house` and records persons and 人房关系. */
export function placeHousehold(
  ctx: GenContext,
  grid: GridInfo,
  house: SeedHouse,
  type: HouseholdType,
  code: string,
): PlacedHousehold {
  const { rng, model } = ctx;
  const household: SeedHousehold = {
    id: rng.uuid(),
    regionId: grid.region.id,
    code,
    type,
    headPersonId: null,
    houseId: house.id,
    address: house.address,
    landNote: grid.parent.level === 'village' && type !== 'floating' ? rng.pick(LAND_NOTES) : null,
  };
  model.households.push(household);
  if (type === 'empty') {
    // 空壳户: registered here, nobody lives here; the house stands empty.
    house.use = 'vacant';
    if (household.landNote === null && grid.parent.level === 'village')
      household.landNote = '全家外出务工，承包地已流转';
    return { household, members: [] };
  }
  const drafts = type === 'floating' ? composeFloatingHousehold(rng) : composeLocalHousehold(rng);
  const persons = members(ctx, grid, household, drafts, type === 'floating' ? 'floating' : 'local');
  household.headPersonId = persons[0].id;
  house.use = type === 'floating' ? 'rented' : 'self_occupied';
  const since = type === 'floating' ? persons[0].arrivalDate : null;
  persons.forEach((person, k) => {
    model.persons.push(person);
    const relation: HouseRelation = type === 'floating' ? 'tenant' : k === 0 ? 'owner' : 'resident';
    model.personHouses.push({
      id: rng.uuid(),
      personId: person.id,
      houseId: house.id,
      regionId: grid.region.id,
      relation,
      since,
    });
  });
  return { household, members: persons };
}

export function householdTypeFor(ctx: GenContext, grid: GridInfo): HouseholdType {
  return ctx.rng.weighted(TYPE_WEIGHTS[grid.parent.level === 'community' ? 'community' : 'village']);
}

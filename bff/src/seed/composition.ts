import type { Gender, HeadRelation } from '@zhili/shared';
import type { Rng } from './prng';

/** One member of a household before names and numbers: who they are relative to the head. */
export interface MemberDraft {
  relation: HeadRelation;
  gender: Gender;
  age: number;
  /** Takes the head's surname (children, grandchildren via a son) rather than a new one. */
  headSurname: boolean;
}

const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const clampAge = (age: number) => Math.max(0, Math.min(101, age));

function children(rng: Rng, parentAge: number, count: number, minAge: number): MemberDraft[] {
  const out: MemberDraft[] = [];
  for (let k = 0; k < count; k += 1) {
    const age = clampAge(rng.int(Math.max(minAge, parentAge - 36), Math.max(minAge, parentAge - 22)));
    out.push({ relation: 'child', gender: rng.chance(0.52) ? 'male' : 'female', age, headSurname: true });
  }
  return out;
}

/**
 * A local (常住) household: single elderly people living alone (~5 % of households), young families,
 * middle-aged couples with children, older couples with a married child and grandchildren, and some
 * with the head's parents. Ages are drawn so that about 4 % of people are 80 or older.
 */
export function composeLocalHousehold(rng: Rng): MemberDraft[] {
  if (rng.chance(0.05)) {
    const age = rng.weighted([
      [rng.int(65, 74), 4],
      [rng.int(75, 84), 4],
      [rng.int(85, 96), 1],
    ] as const);
    return [{ relation: 'self', gender: rng.chance(0.62) ? 'female' : 'male', age, headSurname: true }];
  }
  const headAge = rng.weighted([
    [rng.int(26, 39), 22],
    [rng.int(40, 54), 36],
    [rng.int(55, 69), 28],
    [rng.int(70, 86), 15],
  ] as const);
  const headGender: Gender = rng.chance(0.82) ? 'male' : 'female';
  const members: MemberDraft[] = [{ relation: 'self', gender: headGender, age: headAge, headSurname: true }];
  if (rng.chance(headAge < 70 ? 0.9 : 0.7)) {
    members.push({
      relation: 'spouse',
      gender: other(headGender),
      age: clampAge(headAge + rng.int(-5, 3)),
      headSurname: false,
    });
  }
  if (headAge < 40) {
    members.push(
      ...children(
        rng,
        headAge,
        rng.weighted([
          [0, 15],
          [1, 50],
          [2, 35],
        ] as const),
        0,
      ),
    );
  } else if (headAge < 55) {
    members.push(
      ...children(
        rng,
        headAge,
        rng.weighted([
          [0, 12],
          [1, 50],
          [2, 38],
        ] as const),
        0,
      ),
    );
  } else {
    // An adult child still at home, often married with children of their own.
    const adult = rng.chance(headAge < 70 ? 0.6 : 0.4) ? children(rng, headAge, 1, 22) : [];
    members.push(...adult);
    for (const child of adult) {
      if (child.age < 25 || !rng.chance(0.6)) continue;
      members.push({
        relation: 'child_in_law',
        gender: other(child.gender),
        age: clampAge(child.age + rng.int(-3, 3)),
        headSurname: false,
      });
      const grandchildren = rng.weighted([
        [0, 25],
        [1, 50],
        [2, 25],
      ] as const);
      for (let k = 0; k < grandchildren; k += 1) {
        const age = rng.int(0, Math.max(0, Math.min(17, child.age - 22)));
        // A son's children carry the family name; a daughter's usually their father's.
        members.push({
          relation: 'grandchild',
          gender: rng.chance(0.52) ? 'male' : 'female',
          age,
          headSurname: child.gender === 'male',
        });
      }
    }
  }
  if (headAge < 58 && rng.chance(headAge < 45 ? 0.3 : 0.15)) {
    const parentAge = clampAge(headAge + rng.int(24, 32));
    members.push({ relation: 'parent', gender: 'female', age: parentAge, headSurname: false });
    if (rng.chance(0.5))
      members.push({ relation: 'parent', gender: 'male', age: clampAge(parentAge + rng.int(0, 4)), headSurname: true });
  }
  return members;
}

/** A floating (流动) household: working-age migrants, often a couple, sometimes with school children. */
export function composeFloatingHousehold(rng: Rng): MemberDraft[] {
  const headAge = rng.int(20, 52);
  const headGender: Gender = rng.chance(0.75) ? 'male' : 'female';
  const members: MemberDraft[] = [{ relation: 'self', gender: headGender, age: headAge, headSurname: true }];
  if (headAge >= 23 && rng.chance(0.6)) {
    members.push({
      relation: 'spouse',
      gender: other(headGender),
      age: clampAge(headAge + rng.int(-4, 3)),
      headSurname: false,
    });
    if (headAge >= 26) {
      for (const child of children(
        rng,
        headAge,
        rng.weighted([
          [0, 45],
          [1, 40],
          [2, 15],
        ] as const),
        0,
      )) {
        members.push({ ...child, age: Math.min(child.age, 15) });
      }
    }
  }
  return members;
}

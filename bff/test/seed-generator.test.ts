import { ageOn } from '../src/seed/dates';
import { generateTown, modelHash } from '../src/seed/generate';
import { ringAreaM2 } from '../src/seed/geometry';
import type { SeedRegion, TownModel } from '../src/seed/model';
import { Rng } from '../src/seed/prng';
import {
  checkCreditCode,
  isValidMobile,
  parseIdNumber,
  pointInGeometry,
  validateGeometry,
  type LngLat,
} from '@zhili/shared';

/** The generated demo town: deterministic, tiled, with valid numbers and plausible shares. */

const TODAY = '2025-11-20';
let small: TownModel;
let full: TownModel;

beforeAll(() => {
  small = generateTown({ size: 'small', today: TODAY });
  full = generateTown({ size: 'full', today: TODAY });
});

const share = (model: TownModel, count: number) => count / model.persons.length;
const tagged = (model: TownModel, code: string) => model.personTags.filter((t) => t.tagCode === code).length;
const ring = (r: SeedRegion) => r.boundary.coordinates[0];

describe('determinism', () => {
  it('yields the same town for the same seed and day, and another town for another seed', () => {
    expect(modelHash(generateTown({ size: 'small', today: TODAY }))).toBe(modelHash(small));
    expect(modelHash(generateTown({ size: 'small', today: TODAY, seed: 7 }))).not.toBe(modelHash(small));
  });

  it('draws the same sequence from the same PRNG seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const drawsA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(drawsA);
    expect(new Set(drawsA).size).toBe(5);
  });
});

describe('sizes', () => {
  it('meets the small and full targets of the issue', () => {
    const count = (m: TownModel, level: string) => m.regions.filter((r) => r.level === level).length;
    expect(count(small, 'village') + count(small, 'community')).toBeGreaterThanOrEqual(12);
    expect(small.households).toHaveLength(600);
    expect(small.persons.length).toBeGreaterThan(1200);
    expect(count(full, 'village') + count(full, 'community')).toBeGreaterThanOrEqual(12);
    expect(count(full, 'grid')).toBeGreaterThanOrEqual(120);
    expect(full.households.length).toBeGreaterThanOrEqual(20_000);
    expect(full.persons.length).toBeGreaterThanOrEqual(50_000);
  });

  it('names the first village 幸福村 with 幸福村第一网格 and gives codes 330110118 + 3 digits', () => {
    const village = full.regions.find((r) => r.code === '330110118201');
    expect(village?.name).toBe('幸福村');
    expect(full.regions.some((r) => r.parentId === village?.id && r.name === '幸福村第一网格')).toBe(true);
    for (const r of full.regions.filter((x) => x.level !== 'grid')) expect(r.code).toMatch(/^330110118\d{3}$/);
  });
});

describe('geometry', () => {
  it('gives every region a valid closed polygon near 120.0, 30.3', () => {
    for (const region of full.regions) {
      expect(validateGeometry(region.boundary)).toMatchObject({ ok: true });
      const coordinates = ring(region);
      expect(coordinates[0]).toEqual(coordinates[coordinates.length - 1]);
      expect(ringAreaM2(coordinates)).toBeGreaterThan(0);
    }
    const town = full.regions[0];
    expect(Math.abs(town.center[0] - 120.0)).toBeLessThan(0.02);
    expect(Math.abs(town.center[1] - 30.3)).toBeLessThan(0.02);
  });

  it.each(['small', 'full'] as const)(
    'tiles each village/community with its grids (%s): sampled points fall in exactly one grid',
    (size) => {
      const model = size === 'small' ? small : full;
      const rng = new Rng(99);
      const parents = model.regions.filter((r) => r.level === 'village' || r.level === 'community');
      for (const parent of parents) {
        const grids = model.regions.filter((r) => r.parentId === parent.id);
        const parentArea = ringAreaM2(ring(parent), 30.3);
        const gridArea = grids.reduce((sum, g) => sum + ringAreaM2(ring(g), 30.3), 0);
        expect(Math.abs(gridArea - parentArea) / parentArea).toBeLessThan(1e-6);
        const lngs = ring(parent).map((p) => p[0]);
        const lats = ring(parent).map((p) => p[1]);
        let inside = 0;
        for (let k = 0; k < 200; k += 1) {
          const p: LngLat = [
            rng.range(Math.min(...lngs), Math.max(...lngs)),
            rng.range(Math.min(...lats), Math.max(...lats)),
          ];
          const hits = grids.filter((g) => pointInGeometry(p, g.boundary)).length;
          if (pointInGeometry(p, parent.boundary)) {
            inside += 1;
            expect(hits).toBe(1);
          } else {
            expect(hits).toBe(0);
          }
        }
        expect(inside).toBeGreaterThan(50);
      }
      // Villages and communities tile the town the same way.
      const townArea = ringAreaM2(ring(model.regions[0]), 30.3);
      const parentsArea = parents.reduce((sum, p) => sum + ringAreaM2(ring(p), 30.3), 0);
      expect(Math.abs(parentsArea - townArea) / townArea).toBeLessThan(1e-6);
    },
  );

  it('places houses and businesses inside their grid', () => {
    const byId = new Map(full.regions.map((r) => [r.id, r]));
    const outside = [...full.houses.filter((h) => h.estateId === null), ...full.businesses].filter(
      (x) => !pointInGeometry(x.location, byId.get(x.regionId)!.boundary),
    );
    expect(outside).toEqual([]);
  });
});

describe('identifiers', () => {
  it('issues unique valid ID numbers whose birth date and sex match the person', () => {
    const today = new Date(`${TODAY}T12:00:00Z`);
    const wrong = full.persons.filter((p) => {
      const info = parseIdNumber(p.idNumber, today);
      const county = p.hukouType === 'local' ? info.regionCode === '330110' : info.regionCode !== '330110';
      return !(info.valid && info.birthDate === p.birthDate && info.gender === p.gender && county);
    });
    expect(wrong).toEqual([]);
    expect(new Set(full.persons.map((p) => p.idNumber)).size).toBe(full.persons.length);
  });

  it('issues unique valid mobiles, and valid unified social credit codes', () => {
    const phones = [
      ...full.persons.map((p) => p.phone).filter((p): p is string => p !== null),
      ...full.businesses.map((b) => b.contactPhone),
    ];
    expect(phones.filter((phone) => !isValidMobile(phone))).toEqual([]);
    expect(new Set(phones).size).toBe(phones.length);
    expect(full.businesses.filter((b) => !checkCreditCode(b.creditCode).checkDigitOk)).toEqual([]);
  });
});

describe('proportions (full town)', () => {
  it('has 常住户 ~75 %, 流动户 ~15 %, 空壳户 ~10 %, and empty households without members', () => {
    const of = (type: string) => full.households.filter((h) => h.type === type).length / full.households.length;
    expect(of('resident')).toBeGreaterThan(0.7);
    expect(of('resident')).toBeLessThan(0.8);
    expect(of('floating')).toBeGreaterThan(0.11);
    expect(of('floating')).toBeLessThan(0.19);
    expect(of('empty')).toBeGreaterThan(0.06);
    expect(of('empty')).toBeLessThan(0.14);
    const emptyIds = new Set(full.households.filter((h) => h.type === 'empty').map((h) => h.id));
    expect(full.persons.some((p) => p.householdId !== null && emptyIds.has(p.householdId))).toBe(false);
    expect(full.households.filter((h) => h.type !== 'empty' && h.headPersonId === null)).toEqual([]);
  });

  it.each([
    ['elderly_alone', 0.012, 0.03],
    ['elderly_80', 0.025, 0.06],
    ['disabled', 0.012, 0.03],
    ['left_behind_child', 0.008, 0.025],
    ['low_income', 0.018, 0.045],
    ['veteran', 0.008, 0.025],
    ['key_person', 0.001, 0.006],
  ])('tags %s on a plausible share of persons', (code, min, max) => {
    const s = share(full, tagged(full, code));
    expect(s).toBeGreaterThan(min);
    expect(s).toBeLessThan(max);
  });

  it('tags exactly the floating residents 流动人口, each with an arrival date and permit status', () => {
    const floating = full.persons.filter((p) => p.hukouType === 'floating');
    expect(tagged(full, 'floating')).toBe(floating.length);
    expect(floating.filter((p) => p.arrivalDate === null || p.permitStatus === null)).toEqual([]);
    expect(full.personHouses.filter((ph) => ph.relation === 'tenant').length).toBe(floating.length);
  });

  it('tags 高龄老人 exactly on persons aged 80 or more', () => {
    const old = full.persons
      .filter((p) => ageOn(TODAY, p.birthDate) >= 80)
      .map((p) => p.id)
      .sort();
    expect(
      full.personTags
        .filter((t) => t.tagCode === 'elderly_80')
        .map((t) => t.personId)
        .sort(),
    ).toEqual(old);
  });

  it('leaves past visits so that some care cases are recent and others overdue', () => {
    const visited = full.persons.filter((p) => p.lastVisitedAt !== null);
    const daysAgo = visited.map(
      (p) => (Date.parse(`${TODAY}T23:59:59Z`) - Date.parse(p.lastVisitedAt as string)) / 86_400_000,
    );
    expect(daysAgo.filter((d) => d < 5).length).toBeGreaterThan(100);
    expect(daysAgo.filter((d) => d > 40).length).toBeGreaterThan(100);
    expect(full.visits.length).toBeGreaterThanOrEqual(visited.length);
  });

  it('has about one business per 60 households and staff for every level', () => {
    expect(full.businesses.length).toBeGreaterThan(full.households.length / 80);
    expect(full.businesses.length).toBeLessThan(full.households.length / 45);
    const grids = full.regions.filter((r) => r.level === 'grid');
    const workers = full.staff.filter((s) => s.roles.includes('grid_worker'));
    expect(new Set(workers.map((w) => w.regionId))).toEqual(new Set(grids.map((g) => g.id)));
    expect(full.staff.filter((s) => s.roles.includes('town_admin')).map((s) => s.regionId)).toEqual([
      full.regions[0].id,
    ]);
    expect(new Set(full.staff.map((s) => s.username)).size).toBe(full.staff.length);
    // An auditor to try the audit log with (separation of duties: no other role).
    expect(full.staff.filter((s) => s.roles.includes('auditor')).map((s) => [s.username, s.roles, s.regionId])).toEqual(
      [['zhen.auditor', ['auditor'], full.regions[0].id]],
    );
  });
});

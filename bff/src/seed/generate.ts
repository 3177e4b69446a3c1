import { createHash } from 'crypto';
import { businessesFor } from './businesses';
import { careFor } from './care';
import type { GenContext } from './context';
import type { SeedHouse, SeedSize, TownModel } from './model';
import { householdTypeFor, placeHousehold } from './people';
import { AddressBook, buildEstate, ruralHouse } from './places';
import { SIZE_PLANS } from './plan';
import { Rng } from './prng';
import { generateRegions, GridInfo } from './regions';
import { generateStaff } from './staff';

/** The fixed seed of the demo town: change it and every id, name and boundary changes. */
export const DEMO_SEED = 20_251_104;

export interface GenerateOptions {
  size: SeedSize;
  /** Reference day (YYYY-MM-DD) for ages, arrival dates and visits; pass the same day for the same town. */
  today: string;
  seed?: number;
}

/** Community grids are denser than village grids. */
const COMMUNITY_WEIGHT = 1.5;

function quotas(ctx: GenContext, grids: GridInfo[], total: number): number[] {
  const weights = grids.map((g) => (g.parent.level === 'community' ? COMMUNITY_WEIGHT : 1) * ctx.rng.range(0.8, 1.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => Math.max(1, Math.round((w / sum) * total)));
  // Rounding drift goes to the first grids so the total is exact.
  let drift = total - raw.reduce((a, b) => a + b, 0);
  for (let k = 0; drift !== 0; k = (k + 1) % raw.length) {
    const step = drift > 0 ? 1 : -1;
    if (raw[k] + step >= 1) {
      raw[k] += step;
      drift -= step;
    }
  }
  return raw;
}

/**
 * Generates the demo town 示范镇: a pure function of (size, today, seed). Nothing here touches a
 * database, the clock or a secret.
 */
export function generateTown(options: GenerateOptions): TownModel {
  const seed = options.seed ?? DEMO_SEED;
  const rng = new Rng(seed);
  const layout = generateRegions(rng, options.size);
  const model: TownModel = {
    size: options.size,
    seed,
    today: options.today,
    regions: layout.regions,
    estates: [],
    buildings: [],
    units: [],
    houses: [],
    households: [],
    persons: [],
    personHouses: [],
    personTags: [],
    visits: [],
    businesses: [],
    staff: [],
  };
  const ctx: GenContext = {
    rng,
    today: options.today,
    model,
    usedIdNumbers: new Set(),
    usedPhones: new Set(),
    usedCreditCodes: new Set(),
  };
  const workers = generateStaff(ctx, layout);
  const addresses = new AddressBook();
  const householdSeq = new Map<string, number>();
  const nextCode = (grid: GridInfo) => {
    const n = (householdSeq.get(grid.parent.id) ?? 0) + 1;
    householdSeq.set(grid.parent.id, n);
    return `${grid.parent.code}${String(n).padStart(4, '0')}`;
  };
  const perGrid = quotas(ctx, layout.grids, SIZE_PLANS[options.size].households);
  layout.grids.forEach((grid, k) => {
    const quota = perGrid[k];
    const worker = workers.get(grid.region.id);
    if (!worker) throw new Error(`no grid worker for ${grid.region.name}`);
    const place = (house: SeedHouse) =>
      careFor(ctx, placeHousehold(ctx, grid, house, householdTypeFor(ctx, grid), nextCode(grid)), grid, worker);
    if (grid.parent.level === 'village') {
      for (let h = 0; h < quota; h += 1)
        place(ruralHouse(ctx, grid, addresses.take(grid.parent.name), 'self_occupied'));
    } else {
      const flats = buildEstate(ctx, grid, Math.ceil(quota / 0.85) + 4, k);
      let remaining = quota;
      flats.forEach((flat, f) => {
        const left = flats.length - f;
        if (remaining > 0 && (left <= remaining || rng.chance(0.87))) {
          place(flat);
          remaining -= 1;
        } else {
          flat.use =
            flat.roomNo?.startsWith('1') && flat.roomNo.length === 3 && rng.chance(0.3) ? 'commercial' : 'vacant';
        }
      });
    }
    businessesFor(ctx, grid, quota);
  });
  return model;
}

/** SHA-256 of the model's canonical JSON: equal hashes = the same town. */
export function modelHash(model: TownModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex');
}

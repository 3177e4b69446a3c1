import type { HouseUse } from '@zhili/shared';
import { randomPointIn } from './geometry';
import type { GenContext } from './context';
import type { SeedHouse } from './model';
import type { GridInfo } from './regions';

/**
 * Places: rural houses along a village's numbered addresses, and for communities one estate per grid
 * with mid-rise (6 floors) or high-rise (11/18 floors) buildings, units and flats.
 */

const ESTATE_WORDS = [
  '金色',
  '翠苑',
  '锦绣',
  '阳光',
  '和园',
  '桂花',
  '丽水',
  '香樟',
  '紫荆',
  '御景',
  '江南',
  '玉兰',
  '嘉禾',
  '枫林',
  '滨江',
  '文澜',
];
const ESTATE_SUFFIXES = ['小区', '花园', '家园', '苑', '公寓'];

/** Rural house numbers continue across a village's grids (幸福村1号 … 幸福村214号). */
export class AddressBook {
  private readonly next = new Map<string, number>();

  take(parentName: string): string {
    const n = (this.next.get(parentName) ?? 0) + 1;
    this.next.set(parentName, n);
    return `${parentName}${n}号`;
  }
}

export function ruralHouse(ctx: GenContext, grid: GridInfo, address: string, use: HouseUse): SeedHouse {
  const house: SeedHouse = {
    id: ctx.rng.uuid(),
    regionId: grid.region.id,
    estateId: null,
    buildingId: null,
    unitId: null,
    address,
    roomNo: null,
    use,
    areaM2: Math.round(ctx.rng.range(90, 260)),
    location: randomPointIn(ctx.rng, grid.ring, grid.bbox),
  };
  ctx.model.houses.push(house);
  return house;
}

/**
 * An estate in a community grid with at least `flats` flats (uses decided later by the caller).
 * Returns the flats in building/unit/floor order.
 */
export function buildEstate(ctx: GenContext, grid: GridInfo, flats: number, estateNo: number): SeedHouse[] {
  const { rng, model } = ctx;
  const name = `${ESTATE_WORDS[(estateNo * 7 + grid.index) % ESTATE_WORDS.length]}${rng.pick(ESTATE_SUFFIXES)}`;
  const estateName = model.estates.some((e) => e.name === name)
    ? `${grid.parent.name.replace('社区', '')}${name}`
    : name;
  const location = randomPointIn(rng, grid.ring, grid.bbox);
  const estate = {
    id: rng.uuid(),
    regionId: grid.region.id,
    name: estateName,
    address: `示范镇${grid.parent.name.replace('社区', '')}路${rng.int(1, 399)}号`,
    location,
  };
  model.estates.push(estate);
  const highRise = rng.chance(0.5);
  const houses: SeedHouse[] = [];
  for (let b = 1; houses.length < flats; b += 1) {
    const floors = highRise ? rng.pick([11, 18]) : 6;
    const building = {
      id: rng.uuid(),
      regionId: grid.region.id,
      estateId: estate.id,
      name: `${b}号楼`,
      floors,
      location: randomPointIn(rng, grid.ring, grid.bbox),
    };
    model.buildings.push(building);
    const units = highRise ? 2 : rng.int(2, 3);
    for (let u = 1; u <= units; u += 1) {
      const unit = { id: rng.uuid(), regionId: grid.region.id, buildingId: building.id, name: `${u}单元` };
      model.units.push(unit);
      for (let floor = 1; floor <= floors; floor += 1) {
        for (let door = 1; door <= 2; door += 1) {
          const roomNo = `${floor}${String(door).padStart(2, '0')}`;
          const house: SeedHouse = {
            id: rng.uuid(),
            regionId: grid.region.id,
            estateId: estate.id,
            buildingId: building.id,
            unitId: unit.id,
            address: `${estateName}${building.name}${unit.name}${roomNo}`,
            roomNo,
            use: 'self_occupied',
            areaM2: Math.round(rng.range(60, 140)),
            location: building.location,
          };
          houses.push(house);
          model.houses.push(house);
        }
      }
    }
  }
  return houses;
}

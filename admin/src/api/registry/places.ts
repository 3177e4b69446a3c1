import type { BuildingUnitVO, BuildingVO, EstateVO, HouseDetailVO, HouseRelation, HouseUse, HouseVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, seg, type PageQuery } from './query';

export interface EstateInput {
  name: string;
  address?: string | null;
  regionId: string;
}

export interface BuildingInput {
  estateId: string;
  name: string;
  floors?: number | null;
}

export type HouseFilterQuery = {
  regionId?: string;
  estateId?: string;
  buildingId?: string;
  unitId?: string;
  use?: HouseUse | '';
  /** Address contains. */
  q?: string;
};

export interface HouseInput {
  regionId: string;
  address: string;
  use: HouseUse;
  estateId?: string | null;
  buildingId?: string | null;
  unitId?: string | null;
  roomNo?: string | null;
  areaM2?: number | null;
}

/** 小区 → 楼栋 → 单元 → 房屋, and 人房关系. */
export const placesApi = {
  estates: (query: PageQuery & { regionId?: string; q?: string }) => http.list<EstateVO>(`${ADMIN}/estates`, { query }),
  estate: (id: string) => http.get<EstateVO>(`${ADMIN}/estates/${seg(id)}`, { silent: true }),
  createEstate: (input: EstateInput) => http.post<EstateVO>(`${ADMIN}/estates`, input, { silent: true }),
  updateEstate: (id: string, patch: Partial<EstateInput>) =>
    http.patch<EstateVO>(`${ADMIN}/estates/${seg(id)}`, patch, { silent: true }),
  removeEstate: (id: string) => http.delete<null>(`${ADMIN}/estates/${seg(id)}`),

  buildings: (query: PageQuery & { estateId?: string }) => http.list<BuildingVO>(`${ADMIN}/buildings`, { query }),
  building: (id: string) => http.get<BuildingVO>(`${ADMIN}/buildings/${seg(id)}`, { silent: true }),
  createBuilding: (input: BuildingInput) => http.post<BuildingVO>(`${ADMIN}/buildings`, input, { silent: true }),
  updateBuilding: (id: string, patch: Partial<BuildingInput>) =>
    http.patch<BuildingVO>(`${ADMIN}/buildings/${seg(id)}`, patch, { silent: true }),
  removeBuilding: (id: string) => http.delete<null>(`${ADMIN}/buildings/${seg(id)}`),
  units: (buildingId: string) => http.list<BuildingUnitVO>(`${ADMIN}/buildings/${seg(buildingId)}/units`),
  createUnit: (buildingId: string, name: string) =>
    http.post<BuildingUnitVO>(`${ADMIN}/buildings/${seg(buildingId)}/units`, { name }),
  removeUnit: (id: string) => http.delete<null>(`${ADMIN}/units/${seg(id)}`),

  houses: (query: PageQuery & HouseFilterQuery) => http.list<HouseVO>(`${ADMIN}/houses`, { query }),
  house: (id: string) => http.get<HouseDetailVO>(`${ADMIN}/houses/${seg(id)}`, { silent: true }),
  createHouse: (input: HouseInput) => http.post<HouseDetailVO>(`${ADMIN}/houses`, input, { silent: true }),
  updateHouse: (id: string, patch: Partial<HouseInput>) =>
    http.patch<HouseDetailVO>(`${ADMIN}/houses/${seg(id)}`, patch, { silent: true }),
  removeHouse: (id: string) => http.delete<null>(`${ADMIN}/houses/${seg(id)}`),
  addResident: (houseId: string, body: { personId: string; relation: HouseRelation; since?: string | null }) =>
    http.post<unknown>(`${ADMIN}/houses/${seg(houseId)}/residents`, body),
  removeResident: (houseId: string, personId: string) =>
    http.delete<null>(`${ADMIN}/houses/${seg(houseId)}/residents/${seg(personId)}`),
};

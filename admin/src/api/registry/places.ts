import { estateRoutes } from '@zhili/shared';
import type { BuildingUnitVO, BuildingVO, ClientInput, HouseDetailVO, HouseRelation, HouseUse, HouseVO } from '@zhili/shared';
import { api } from '../contract-client';
import { http } from '../http';
import { ADMIN, seg, type PageQuery } from './query';

export type EstateInput = ClientInput<typeof estateRoutes.create>['body'];

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
  estates: (query: PageQuery & { regionId?: string; q?: string }) => api(estateRoutes.list, { query }),
  estate: (id: string) => api(estateRoutes.get, { params: { id } }, { silent: true }),
  createEstate: (input: EstateInput) => api(estateRoutes.create, { body: input }, { silent: true }),
  updateEstate: (id: string, patch: ClientInput<typeof estateRoutes.update>['body']) =>
    api(estateRoutes.update, { params: { id }, body: patch }, { silent: true }),
  removeEstate: (id: string) => api(estateRoutes.remove, { params: { id } }),

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

import { buildingRoutes, estateRoutes } from '@zhili/shared';
import type { ClientInput, HouseDetailVO, HouseRelation, HouseUse, HouseVO } from '@zhili/shared';
import { api } from '../contract-client';
import { http } from '../http';
import { ADMIN, seg, type PageQuery } from './query';

export type EstateInput = ClientInput<typeof estateRoutes.create>['body'];

export type BuildingInput = ClientInput<typeof buildingRoutes.create>['body'];

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

  buildings: (query: PageQuery & { estateId?: string }) => api(buildingRoutes.list, { query }),
  building: (id: string) => api(buildingRoutes.get, { params: { id } }, { silent: true }),
  createBuilding: (input: BuildingInput) => api(buildingRoutes.create, { body: input }, { silent: true }),
  updateBuilding: (id: string, patch: ClientInput<typeof buildingRoutes.update>['body']) =>
    api(buildingRoutes.update, { params: { id }, body: patch }, { silent: true }),
  removeBuilding: (id: string) => api(buildingRoutes.remove, { params: { id } }),
  /** `{ data }` as the units panel has always read it (the route is not paginated). */
  units: async (buildingId: string) => ({ data: await api(buildingRoutes.units, { params: { id: buildingId } }) }),
  createUnit: (buildingId: string, name: string) => api(buildingRoutes.createUnit, { params: { id: buildingId }, body: { name } }),
  removeUnit: (id: string) => api(buildingRoutes.removeUnit, { params: { id } }),

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

import { buildingRoutes, estateRoutes, houseRoutes } from '@zhili/shared';
import type { ClientInput } from '@zhili/shared';
import { api } from '../contract-client';
import type { PageQuery } from './query';

export type EstateInput = ClientInput<typeof estateRoutes.create>['body'];

export type BuildingInput = ClientInput<typeof buildingRoutes.create>['body'];

/** Filters of the 房屋 list (blank = all). */
export type HouseFilterQuery = Omit<NonNullable<ClientInput<typeof houseRoutes.list>['query']>, 'page' | 'pageSize'>;

/** Body of `POST /houses`; a PATCH sends a subset of the same fields. */
export type HouseInput = ClientInput<typeof houseRoutes.create>['body'];

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
  createUnit: (buildingId: string, name: string) =>
    api(buildingRoutes.createUnit, { params: { id: buildingId }, body: { name } }),
  removeUnit: (id: string) => api(buildingRoutes.removeUnit, { params: { id } }),

  houses: (query: PageQuery & HouseFilterQuery) => api(houseRoutes.list, { query }),
  house: (id: string) => api(houseRoutes.get, { params: { id } }, { silent: true }),
  createHouse: (input: HouseInput) => api(houseRoutes.create, { body: input }, { silent: true }),
  updateHouse: (id: string, patch: ClientInput<typeof houseRoutes.update>['body']) =>
    api(houseRoutes.update, { params: { id }, body: patch }, { silent: true }),
  removeHouse: (id: string) => api(houseRoutes.remove, { params: { id } }),
  addResident: (houseId: string, body: ClientInput<typeof houseRoutes.addResident>['body']) =>
    api(houseRoutes.addResident, { params: { id: houseId }, body }),
  removeResident: (houseId: string, personId: string) =>
    api(houseRoutes.removeResident, { params: { id: houseId, personId } }),
};

/**
 * Regions and geo API (`/api/admin/regions*`, docs/CONTRACTS.md "Regions and geo").
 * Wire shapes come from `@zhili/shared`; `Region` / `NewRegion` stay as the names the user and
 * binding screens already import.
 */
import { regionRoutes } from '@zhili/shared';
import type { RegionCreateInput, RegionLevelName, RegionUpdateInput, RegionVO } from '@zhili/shared';
import { http } from './http';
import { api } from './contract-client';

/** Region tree levels: town (镇) → community (社区) | village (村) → grid (网格). */
export type RegionLevel = RegionLevelName;

/** One node of the caller's region subtree (flat list; `path` is `/<rootId>/…/<id>/`). */
export type Region = Pick<RegionVO, 'id' | 'name' | 'level' | 'parentId' | 'path'> &
  Partial<Pick<RegionVO, 'code' | 'center' | 'hasBoundary'>>;

export type NewRegion = RegionCreateInput;

/** `PATCH /regions/:id`: `null` clears a boundary or centre; omitted fields stay as they are. */
export type RegionPatch = RegionUpdateInput;

export const regionsApi = {
  list: () => api(regionRoutes.list, {}, { silent: true }),
  get: (id: string) => api(regionRoutes.get, { params: { id } }),
  create: (input: NewRegion) => api(regionRoutes.create, { body: input }, { silent: true }),
  update: (id: string, patch: RegionPatch, opts?: { silent?: boolean }) =>
    api(regionRoutes.update, { params: { id }, body: patch }, opts),
  /** 409 `REGION_NOT_EMPTY` while it has children or registry records (silent: the caller shows it). */
  remove: (id: string) => api(regionRoutes.remove, { params: { id } }, { silent: true }),
  /** Regions with boundaries under `rootId` (the caller's scope when omitted), with counts and workers. */
  geojson: (rootId?: string) => api(regionRoutes.geojson, { query: { rootId } }),
  /** The same FeatureCollection as a file (`application/geo+json`). */
  exportGeojson: (rootId?: string) => http.blob(regionRoutes.exportGeojson.path, { query: { rootId } }),
  importBoundaries: (featureCollection: object, dryRun: boolean) =>
    api(regionRoutes.import, { body: { featureCollection, dryRun } }),
  resolve: (lng: number, lat: number, toleranceM?: number) =>
    api(regionRoutes.resolve, { query: { lng, lat, toleranceM } }),
  overview: (id: string, opts?: { signal?: AbortSignal }) => api(regionRoutes.overview, { params: { id } }, opts),
};

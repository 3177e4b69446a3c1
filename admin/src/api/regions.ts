/**
 * Regions and geo API (`/api/admin/regions*`, docs/CONTRACTS.md "Regions and geo").
 * Wire shapes come from `@zhili/shared`; `Region` / `NewRegion` stay as the names the user and
 * binding screens already import.
 */
import type {
  BoundaryGeometry,
  BoundaryImportReport,
  LngLat,
  RegionDetailVO,
  RegionFeatureCollection,
  RegionLevelName,
  RegionOverviewVO,
  RegionResolveVO,
  RegionVO,
} from '@zhili/shared';
import { http } from './http';

/** Region tree levels: town (镇) → community (社区) | village (村) → grid (网格). */
export type RegionLevel = RegionLevelName;

/** One node of the caller's region subtree (flat list; `path` is `/<rootId>/…/<id>/`). */
export type Region = Pick<RegionVO, 'id' | 'name' | 'level' | 'parentId' | 'path'> &
  Partial<Pick<RegionVO, 'code' | 'center' | 'hasBoundary'>>;

export interface NewRegion {
  name: string;
  level: RegionLevel;
  parentId: string;
  code?: string;
  boundary?: BoundaryGeometry;
  center?: LngLat;
}

/** `PATCH /regions/:id`: `null` clears a boundary or centre; omitted fields stay as they are. */
export interface RegionPatch {
  name?: string;
  code?: string | null;
  boundary?: BoundaryGeometry | null;
  center?: LngLat | null;
}

const BASE = '/api/admin/regions';

export const regionsApi = {
  list: () => http.get<Region[]>(BASE, { silent: true }),
  get: (id: string) => http.get<RegionDetailVO>(`${BASE}/${encodeURIComponent(id)}`),
  create: (input: NewRegion) => http.post<RegionVO>(BASE, input, { silent: true }),
  update: (id: string, patch: RegionPatch, opts?: { silent?: boolean }) =>
    http.patch<RegionDetailVO>(`${BASE}/${encodeURIComponent(id)}`, patch, opts),
  /** 409 `REGION_NOT_EMPTY` while it has children or registry records (silent: the caller shows it). */
  remove: (id: string) => http.delete<null>(`${BASE}/${encodeURIComponent(id)}`, undefined, { silent: true }),
  /** Regions with boundaries under `rootId` (the caller's scope when omitted), with counts and workers. */
  geojson: (rootId?: string) => http.get<RegionFeatureCollection>(`${BASE}/geojson`, { query: { rootId } }),
  /** The same FeatureCollection as a file (`application/geo+json`). */
  exportGeojson: (rootId?: string) =>
    http.blob(`${BASE}/export.geojson`, { query: { rootId } }),
  importBoundaries: (featureCollection: unknown, dryRun: boolean) =>
    http.post<BoundaryImportReport>(`${BASE}/import`, { featureCollection, dryRun }),
  resolve: (lng: number, lat: number, toleranceM?: number) =>
    http.get<RegionResolveVO>(`${BASE}/resolve`, { query: { lng, lat, toleranceM } }),
  overview: (id: string, opts?: { signal?: AbortSignal }) =>
    http.get<RegionOverviewVO>(`${BASE}/${encodeURIComponent(id)}/overview`, opts),
};

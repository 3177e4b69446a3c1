import { http } from './http';

/** Region tree levels: town (镇) → community (社区) | village (村) → grid (网格). */
export type RegionLevel = 'town' | 'community' | 'village' | 'grid';

/** One node of the caller's region subtree (flat list; `path` is `/<rootId>/…/<id>/`). */
export interface Region {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  path: string;
  code?: string | null;
}

export interface NewRegion {
  name: string;
  level: RegionLevel;
  parentId: string;
  code?: string;
}

export const regionsApi = {
  list: () => http.get<Region[]>('/api/admin/regions', { silent: true }),
  create: (input: NewRegion) => http.post<Region>('/api/admin/regions', input, { silent: true }),
};

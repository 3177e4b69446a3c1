import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { regionRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { clientInfo } from '../../core/http/client-info';
import { scopePrefix } from '../../core/scope/data-scope';
import { GeoIndexService } from './geo/geo-index.service';
import { RegionImportService } from './region-import.service';
import { RegionViewsService } from './region-views.service';

/** Maps and numbers of the region tree: GeoJSON in and out, point → grid, village overview. */
@ForPrincipal('staff')
@Controller('/')
export class RegionMapController {
  @Inject()
  ctx!: Context;

  @Inject()
  private views!: RegionViewsService;

  @Inject()
  private importer!: RegionImportService;

  @Inject()
  private geoIndex!: GeoIndexService;

  @Api(regionRoutes.geojson)
  async geojson({ query }: RouteInput<typeof regionRoutes.geojson>) {
    return { data: await this.views.featureCollection(principalOf(this.ctx), query.rootId || undefined) };
  }

  @Api(regionRoutes.exportGeojson)
  // Boundaries are administrative geography, not personal data: whoever may see them on the map
  // may download them (still audited). `data:export` guards exports of people and households.
  async exportGeojson({ query }: RouteInput<typeof regionRoutes.exportGeojson>): Promise<string> {
    const collection = await this.views.exportCollection(
      { actor: principalOf(this.ctx), client: clientInfo(this.ctx) },
      query.rootId || undefined,
    );
    const day = new Date().toISOString().slice(0, 10);
    this.ctx.set('Content-Type', 'application/geo+json; charset=utf-8');
    this.ctx.set('Content-Disposition', `attachment; filename="regions-${day}.geojson"`);
    return JSON.stringify(collection);
  }

  @Api(regionRoutes.import)
  async import({ body }: RouteInput<typeof regionRoutes.import>) {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    return { data: await this.importer.import(acting, body.featureCollection, body.dryRun) };
  }

  @Api(regionRoutes.resolve)
  async resolve({ query }: RouteInput<typeof regionRoutes.resolve>) {
    const within = scopePrefix(principalOf(this.ctx));
    if (!within) return { data: { regionId: null, name: null, path: null, exact: false, distanceM: 0 } };
    return { data: await this.geoIndex.resolve(query.lng, query.lat, query.toleranceM, within) };
  }

  @Api(regionRoutes.overview)
  async overview({ params }: RouteInput<typeof regionRoutes.overview>) {
    return { data: await this.views.overview(principalOf(this.ctx), params.id) };
  }
}

import { Destroy, ILogger, Init, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { BoundaryGeometry, RegionResolveVO } from '@zhili/shared';
import { InfraService } from '../../../core/infra/infra.service';
import type { Unsubscribe } from '../../../core/infra/types';
import { Region } from '../region.entity';
import { GeoIndex, IndexedRegion } from './geo-index';

/** Pub/sub channel on which a node announces that region boundaries changed. */
export const BOUNDARIES_CHANGED_CHANNEL = 'region:boundaries-changed';

/**
 * The process's point → region index (see GeoIndex), built lazily from the database and rebuilt on
 * the next resolution after any boundary change. Changes made on another node arrive over the Infra
 * pub/sub (Redis in multi-node deployments) and only mark the index stale, so a burst of edits
 * costs one rebuild.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GeoIndexService {
  @InjectEntityModel(Region)
  private regions!: Repository<Region>;

  @Inject()
  private infraService!: InfraService;

  @Logger()
  private logger!: ILogger;

  /** Identifies this process's own announcements, which need no second invalidation. */
  private readonly nodeId = randomUUID();
  /** Bumped on every change; an index built from an older generation is stale. */
  private generation = 0;
  private current: { index: GeoIndex; generation: number } | null = null;
  private building: Promise<void> | null = null;
  private unsubscribe: Unsubscribe | null = null;

  @Init()
  async init(): Promise<void> {
    this.unsubscribe = await this.infraService.infra.pubsub.subscribe(BOUNDARIES_CHANGED_CHANNEL, (message) => {
      if (message !== this.nodeId) this.generation += 1;
    });
  }

  @Destroy()
  async close(): Promise<void> {
    try {
      await this.unsubscribe?.();
    } catch {
      // The infra connection may already be closed at shutdown: nothing left to unsubscribe from.
    }
  }

  /**
   * The grid for a GCJ-02 point (see GeoIndex.resolve for the order of preference). Asynchronous
   * only when the index must first be (re)built; `within` limits answers to a subtree (data scope).
   */
  async resolve(lng: number, lat: number, toleranceM = 200, within?: string): Promise<RegionResolveVO> {
    const index =
      this.current && this.current.generation === this.generation ? this.current.index : await this.snapshot();
    return index.resolve(lng, lat, toleranceM, within);
  }

  /** The up-to-date index itself, for callers resolving many points at once (imports, benchmarks). */
  async snapshot(): Promise<GeoIndex> {
    // Loop: a build that started before the latest change yields a stale index; build again then.
    while (!this.current || this.current.generation !== this.generation) {
      // One build at a time; callers arriving meanwhile share it.
      this.building ??= this.build().finally(() => {
        this.building = null;
      });
      await this.building;
    }
    return this.current.index;
  }

  /** Marks the index stale here and on every other node. Call after committing a boundary change. */
  async boundariesChanged(): Promise<void> {
    this.generation += 1;
    try {
      await this.infraService.infra.pubsub.publish(BOUNDARIES_CHANGED_CHANNEL, this.nodeId);
    } catch (err) {
      // The change is committed; other nodes catch up on their next change or restart. Never fail the write.
      this.logger.error('could not announce a boundary change: %s', (err as Error).message);
    }
  }

  private async build(): Promise<void> {
    const generation = this.generation;
    const started = Date.now();
    const rows = await this.regions.find({
      where: { level: In(['grid', 'village', 'community']), boundary: Not(IsNull()) },
      select: { id: true, name: true, path: true, level: true, boundary: true },
    });
    const indexed: IndexedRegion[] = [];
    for (const row of rows) {
      try {
        indexed.push({
          id: row.id,
          name: row.name,
          path: row.path,
          level: row.level,
          geometry: JSON.parse(row.boundary as string) as BoundaryGeometry,
        });
      } catch {
        // Boundaries are validated on write; a corrupt one (edited in the database by hand) must not take the index down.
        this.logger.warn('region %s has an unreadable boundary; left out of the geo index', row.id);
      }
    }
    const index = new GeoIndex(indexed);
    // Keep the index even if a change arrived meanwhile: tagged with the old generation, it is rebuilt on next use.
    this.current = { index, generation };
    this.logger.info('geo index built: %d boundaries in %d ms', index.size, Date.now() - started);
  }
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Levels of the region tree: town (镇) → community (社区) | village (村) → grid (网格). */
export type RegionLevel = 'town' | 'community' | 'village' | 'grid';

/**
 * A node of the region tree. `path` is materialized (`/<townId>/<villageId>/`) so a subtree is one
 * indexed prefix query; it is the data scope of staff and scoped records. The boundary is what point → grid resolution (GeoIndexService) uses.
 */
@Entity({ name: 'region' })
@Index('idx_region_path', ['path'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** GB/T 2260-style statistical code (12 digits) where known. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  code!: string | null;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  /** Ids from the root down to and including this node, slash-delimited: `/a/b/`. */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  /** GeoJSON Polygon/MultiPolygon geometry (GCJ-02) as JSON text; null until drawn or imported. */
  @Column({ type: 'text', nullable: true })
  boundary!: string | null;

  /** Label point / map centre (GCJ-02); computed from the boundary when not set explicitly. */
  @Column({ name: 'center_lng', type: 'double', nullable: true })
  centerLng!: number | null;

  @Column({ name: 'center_lat', type: 'double', nullable: true })
  centerLat!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

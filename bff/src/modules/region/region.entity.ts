import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Levels of the region tree: town (镇) → community (社区) | village (村) → grid (网格). */
export type RegionLevel = 'town' | 'community' | 'village' | 'grid';

/**
 * A node of the region tree. `path` is materialized (`/<townId>/<villageId>/`) so a subtree is one
 * indexed prefix query; it is the data scope of staff and scoped records. Boundaries come in #4.
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

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

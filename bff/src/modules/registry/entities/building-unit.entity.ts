import { Column, Entity, Index } from 'typeorm';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/** 单元 of a building (stairwell); same region as its building. */
@Entity({ name: 'building_unit' })
@ScopeIndex('building_unit')
@Index('idx_building_unit_building', ['buildingId'])
export class BuildingUnit extends ScopedRecord {
  @Column({ name: 'building_id', type: 'varchar', length: 36 })
  buildingId!: string;

  /** e.g. 1单元 */
  @Column({ type: 'varchar', length: 32 })
  name!: string;
}

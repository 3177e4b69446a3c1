import { Column, Entity } from 'typeorm';
import { ScopedRecord, ScopeIndex } from './scoped-columns';

/** 小区 (residential estate) of a community; region = the community or one of its grids. */
@Entity({ name: 'estate' })
@ScopeIndex('estate')
export class Estate extends ScopedRecord {
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  address!: string | null;

  /** GCJ-02 */
  @Column({ type: 'double', nullable: true })
  lng!: number | null;

  @Column({ type: 'double', nullable: true })
  lat!: number | null;
}

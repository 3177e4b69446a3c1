import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A recorded home visit (走访) of a person, by a grid worker (mini-program) or staff (admin). */
@Entity({ name: 'visit' })
@Index('idx_visit_person', ['personId', 'visitedAt'])
@Index('idx_visit_scope_path', ['scopePath'])
export class Visit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'person_id', type: 'varchar', length: 36 })
  personId!: string;

  @Column({ name: 'household_id', type: 'varchar', length: 36, nullable: true })
  householdId!: string | null;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  /** `staff` or `mp` and the id of that account. */
  @Column({ name: 'visitor_kind', type: 'varchar', length: 8 })
  visitorKind!: 'staff' | 'mp';

  @Column({ name: 'visitor_id', type: 'varchar', length: 36 })
  visitorId!: string;

  @Column({ name: 'visitor_name', type: 'varchar', length: 64 })
  visitorName!: string;

  @Column({ name: 'visited_at', type: 'datetime' })
  visitedAt!: Date;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  /** Ids of stored files (photos). */
  @Column({ name: 'photo_ids', type: 'simple-json' })
  photoIds!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

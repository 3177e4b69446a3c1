import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag on a person. Carries the person's scope so "persons with tag X in my subtree" is one index. */
@Entity({ name: 'person_tag' })
@Index('idx_person_tag_tag_scope', ['tagCode', 'scopePath'])
export class PersonTag {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 36 })
  personId!: string;

  @PrimaryColumn({ name: 'tag_code', type: 'varchar', length: 32 })
  tagCode!: string;

  @Column({ name: 'scope_path', type: 'varchar', length: 255 })
  scopePath!: string;

  /** When the tag was given: the visit clock starts here for someone never visited. */
  @Column({ name: 'tagged_at', type: 'datetime' })
  taggedAt!: Date;
}

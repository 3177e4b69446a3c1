import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NoticeAudience } from '@zhili/shared';

/**
 * A 党务公开 notice. `orgPath` is the publisher's path (the staff scope); `targetPath` the addressed
 * organisation's (members match by it). `body` is stored already sanitised.
 */
@Entity({ name: 'party_notice' })
@Index('idx_party_notice_org', ['orgPath'])
export class PartyNotice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: NoticeAudience;

  @Column({ name: 'target_org_id', type: 'varchar', length: 36, nullable: true })
  targetOrgId!: string | null;

  @Column({ name: 'target_path', type: 'varchar', length: 255, nullable: true })
  targetPath!: string | null;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ name: 'published_at', type: 'varchar', length: 24, nullable: true })
  publishedAt!: string | null;

  /**
   * When a published notice was withdrawn (members no longer see it); null while it stands. Optional
   * in the class so inserts written before withdrawal existed (the demo seed) need not name it.
   */
  @Column({ name: 'withdrawn_at', type: 'varchar', length: 24, nullable: true })
  withdrawnAt?: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

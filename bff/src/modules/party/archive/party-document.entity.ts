import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * 文件资料柜: a document filed under a party organisation (文号, title, publisher, date) with its scan
 * in the file service (attached in the organisation's party scope). `orgPath` is the scope.
 */
@Entity({ name: 'party_document' })
@Index('idx_party_document_org', ['orgId', 'issuedOn'])
@Index('idx_party_document_path', ['orgPath'])
export class PartyDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'org_id', type: 'varchar', length: 36 })
  orgId!: string;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** 文号 */
  @Column({ type: 'varchar', length: 64 })
  number!: string;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  /** 发文单位 */
  @Column({ type: 'varchar', length: 64 })
  publisher!: string;

  /** 发文日期, YYYY-MM-DD */
  @Column({ name: 'issued_on', type: 'varchar', length: 10 })
  issuedOn!: string;

  @Column({ name: 'file_id', type: 'varchar', length: 36, nullable: true })
  fileId!: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An uploaded file (photo) kept by the file store (local disk under var/ by default). Who may read it
 * follows from what references it; the uploader may always read their own.
 */
@Entity({ name: 'stored_file' })
@Index('idx_stored_file_owner', ['ownerKind', 'ownerId'])
export class StoredFile {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'owner_kind', type: 'varchar', length: 8 })
  ownerKind!: 'staff' | 'mp';

  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId!: string;

  /** image/jpeg | image/png | image/webp — sniffed from the bytes, never taken from the client. */
  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** Key inside the store (relative path), never a client-chosen name. */
  @Column({ name: 'storage_key', type: 'varchar', length: 128 })
  storageKey!: string;

  /** Scope of the record the file is attached to (null until attached). */
  @Column({ name: 'scope_path', type: 'varchar', length: 255, nullable: true })
  scopePath!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

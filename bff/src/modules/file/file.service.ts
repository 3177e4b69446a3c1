import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { createHash, randomUUID } from 'crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { AppError } from '../../core/errors/app-error';
import { IMAGE_LIMITS, imageSize, withinPixelLimits } from './image-dimensions';
import { sniffImage } from './image-format';
import { MalformedImageError, stripImageMetadata } from './image-metadata';
import type { FileStore } from './file-store';
import { StoredFile } from './stored-file.entity';

/** A file and its bytes, for serving. */
export interface FileContent {
  file: StoredFile;
  bytes: Buffer;
}

const refused = (message: string) => new AppError('VALIDATION_FAILED', undefined, [{ field: 'photoIds', message }]);

/**
 * Uploaded photos: accepted only as JPEG/PNG/WebP (by their bytes), stored without metadata, owned
 * by the uploader until attached to a record, whose scope they then take.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FileService {
  @InjectEntityModel(StoredFile)
  private files!: Repository<StoredFile>;

  @Inject('fileStore')
  private store!: FileStore;

  /** Validates, strips metadata, stores and records an upload by `owner`. */
  async upload(owner: Principal, raw: Buffer, now: Date = new Date()): Promise<StoredFile> {
    const mime = sniffImage(raw);
    if (!mime) throw new AppError('FILE_TYPE_NOT_ALLOWED');
    let bytes: Buffer;
    try {
      // The declared canvas is checked before anything else: viewers allocate width × height × 4.
      const size = imageSize(mime, raw);
      if (size && !withinPixelLimits(size)) {
        throw new AppError(
          'IMAGE_TOO_LARGE',
          `图片尺寸 ${size.width}×${size.height} 过大：每边不超过 ${IMAGE_LIMITS.maxSide} 像素、总计不超过 ${IMAGE_LIMITS.maxPixels / 10_000} 万像素，请缩小后再上传`,
        );
      }
      bytes = stripImageMetadata(mime, raw);
    } catch (err) {
      if (err instanceof MalformedImageError) throw new AppError('FILE_TYPE_NOT_ALLOWED', '图片文件已损坏，无法上传');
      throw err;
    }
    const id = randomUUID();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
    await this.store.put(storageKey, bytes);
    const file = this.files.create({
      id,
      ownerKind: owner.kind,
      ownerId: owner.id,
      mime,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
      scopePath: null,
    });
    try {
      await this.files.insert(file);
    } catch (err) {
      await this.store.remove(storageKey);
      throw err;
    }
    return file;
  }

  /**
   * Attaches files to a record in `scopePath`, inside the caller's transaction. Each file must have
   * been uploaded by `owner` and not be attached yet: nobody can take over another person's photo or
   * move a photo from one record (and scope) to another. The conditional UPDATE makes two
   * concurrent attaches of one file fail for all but one.
   */
  async attach(
    manager: EntityManager,
    ids: readonly string[],
    owner: Principal,
    scopePath: string,
  ): Promise<StoredFile[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length !== ids.length) throw refused('图片重复');
    const repo = manager.getRepository(StoredFile);
    const found = await repo.findBy({ id: In(unique), ownerKind: owner.kind, ownerId: owner.id, scopePath: IsNull() });
    if (found.length !== unique.length) throw refused('图片不存在或已被使用，请重新上传');
    const result = await repo
      .createQueryBuilder()
      .update(StoredFile)
      .set({ scopePath })
      .where({ id: In(unique), ownerKind: owner.kind, ownerId: owner.id, scopePath: IsNull() })
      .execute();
    if (result.affected !== undefined && result.affected !== unique.length)
      throw refused('图片不存在或已被使用，请重新上传');
    return unique.map((id) => {
      const file = found.find((f) => f.id === id) as StoredFile;
      file.scopePath = scopePath;
      return file;
    });
  }

  /** A file and its bytes; NOT_FOUND when either is gone. The caller has checked the link. */
  async content(id: string): Promise<FileContent> {
    const file = await this.files.findOneBy({ id });
    if (!file) throw new AppError('NOT_FOUND');
    const bytes = await this.store.get(file.storageKey);
    if (!bytes) throw new AppError('NOT_FOUND');
    return { file, bytes };
  }
}

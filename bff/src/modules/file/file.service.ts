import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { createHash, randomUUID } from 'crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { AppError } from '../../core/errors/app-error';
import { sniffPdf } from './document-format';
import { sniffMp4, VIDEO_MP4_MIME } from './video-format';
import type { FileEnv } from './file.config';
import { IMAGE_LIMITS, imageSize, withinPixelLimits } from './image-dimensions';
import { sniffImage } from './image-format';
import { MalformedImageError, stripImageMetadata } from './image-metadata';
import type { FileStore } from './file-store';
import { MAX_UPLOAD_BYTES } from './multipart';
import { StoredFile } from './stored-file.entity';

/**
 * What an upload entry accepts: `images` (JPEG/PNG/WebP — every photo route, the default) or
 * `documents` (a PDF or an image — only where the caller files papers, e.g. the party cabinet) or
 * `videos` (an MP4 — only for the party school's lessons).
 */
export type UploadAccept = 'images' | 'documents' | 'videos';

export const PDF_MIME = 'application/pdf';

/** A file and its bytes, for serving. */
export interface FileContent {
  file: StoredFile;
  bytes: Buffer;
}

const refused = (message: string, field = 'photoIds') =>
  new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Uploaded photos: accepted only as JPEG/PNG/WebP (by their bytes), stored without metadata, owned
 * by the uploader until attached to a record, whose scope they then take. Where documents are
 * explicitly accepted, a PDF (by its bytes, up to PDF_MAX_BYTES) is stored as is.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FileService {
  @InjectEntityModel(StoredFile)
  private files!: Repository<StoredFile>;

  @Inject('fileStore')
  private store!: FileStore;

  @Config('zhili.modules.file')
  private env!: FileEnv;

  /** The largest upload an entry accepting `accept` reads (the multipart limit of that route). */
  maxUploadBytes(accept: UploadAccept): number {
    if (accept === 'videos') return this.env.VIDEO_MAX_BYTES;
    return accept === 'documents' ? Math.max(this.env.PDF_MAX_BYTES, MAX_UPLOAD_BYTES) : MAX_UPLOAD_BYTES;
  }

  /**
   * Validates, strips metadata, stores and records an upload by `owner`. Images only unless the
   * entry explicitly accepts `documents`.
   */
  async upload(
    owner: Principal,
    raw: Buffer,
    now: Date = new Date(),
    accept: UploadAccept = 'images',
  ): Promise<StoredFile> {
    if (accept === 'videos') {
      // Only an MP4 (by its bytes): what both the browser's and WeChat's <video> play.
      if (!sniffMp4(raw)) throw new AppError('FILE_TYPE_NOT_ALLOWED', '只支持 MP4 视频（文件内容与格式不符）');
      if (raw.length > this.env.VIDEO_MAX_BYTES)
        throw new AppError('PAYLOAD_TOO_LARGE', `视频不能超过 ${mb(this.env.VIDEO_MAX_BYTES)} MB，请压缩后再上传`);
      return this.save(owner, VIDEO_MP4_MIME, raw, now);
    }
    if (accept === 'documents' && sniffPdf(raw)) {
      if (raw.length > this.env.PDF_MAX_BYTES)
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `PDF 文件不能超过 ${mb(this.env.PDF_MAX_BYTES)} MB，请压缩或拆分后再上传`,
        );
      return this.save(owner, PDF_MIME, raw, now);
    }
    const mime = sniffImage(raw);
    if (!mime)
      throw new AppError(
        'FILE_TYPE_NOT_ALLOWED',
        accept === 'documents' ? '只支持 PDF 文件或 JPG、PNG、WebP 图片（文件内容与格式不符）' : undefined,
      );
    // A documents entry reads up to the PDF limit: images keep their own.
    if (raw.length > MAX_UPLOAD_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `图片不能超过 ${mb(MAX_UPLOAD_BYTES)} MB`);
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
    return this.save(owner, mime, bytes, now);
  }

  private async save(owner: Principal, mime: string, bytes: Buffer, now: Date): Promise<StoredFile> {
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
   * concurrent attaches of one file fail for all but one. A PDF attaches only where the record
   * accepts `documents` (a photo field never takes one, whatever the upload entry was).
   */
  async attach(
    manager: EntityManager,
    ids: readonly string[],
    owner: Principal,
    scopePath: string,
    accept: UploadAccept = 'images',
  ): Promise<StoredFile[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (unique.length !== ids.length) throw refused('图片重复');
    const repo = manager.getRepository(StoredFile);
    const found = await repo.findBy({ id: In(unique), ownerKind: owner.kind, ownerId: owner.id, scopePath: IsNull() });
    if (found.length !== unique.length) throw refused('图片不存在或已被使用，请重新上传');
    if (accept === 'images' && found.some((f) => f.mime === PDF_MIME || f.mime === VIDEO_MP4_MIME))
      throw refused('此处只能上传图片，不能附 PDF 文件或视频');
    if (accept === 'documents' && found.some((f) => f.mime === VIDEO_MP4_MIME))
      throw refused('此处只能上传文件资料，不能附视频');
    if (accept === 'videos' && found.some((f) => f.mime !== VIDEO_MP4_MIME)) throw refused('此处只能附 MP4 视频');
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

  /** The stored file's record, or null. */
  async find(id: string): Promise<StoredFile | null> {
    return this.files.findOneBy({ id });
  }

  /** Size of the stored bytes; NOT_FOUND when they are gone. */
  async storedSize(file: StoredFile): Promise<number> {
    const size = await this.store.size(file.storageKey);
    if (size === null) throw new AppError('NOT_FOUND');
    return size;
  }

  /** Bytes `start`..`end` (inclusive) of a stored file; NOT_FOUND when they are gone. */
  async contentRange(file: StoredFile, start: number, end: number): Promise<Buffer> {
    const bytes = await this.store.getRange(file.storageKey, start, end);
    if (!bytes) throw new AppError('NOT_FOUND');
    return bytes;
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

import type { Context } from '@midwayjs/koa';
import { AppError } from '../../core/errors/app-error';
import { readMultipart } from '../../core/http/multipart';

/** Largest accepted upload. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface UploadedPart {
  bytes: Buffer;
  /** As the client sent it; informational only (type is sniffed, names are never used as keys). */
  filename: string;
}

/**
 * Reads the one file of a `multipart/form-data` request from field `file` (413 beyond `maxBytes`,
 * 415 when not multipart, 400 when no file came).
 */
export async function readSingleFile(ctx: Context, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadedPart> {
  const upload = await readMultipart(ctx.req, { maxFileBytes: maxBytes, fileField: 'file' });
  if (!upload.file || upload.file.buffer.length === 0) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要上传的图片' }]);
  }
  return { bytes: upload.file.buffer, filename: upload.file.fileName };
}

import busboy from 'busboy';
import type { Context } from '@midwayjs/koa';
import { AppError } from '../../core/errors/app-error';

/** Largest accepted upload. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Room for multipart boundaries and part headers on top of the file itself. */
const ENVELOPE_SLACK = 64 * 1024;

export interface UploadedPart {
  bytes: Buffer;
  /** As the client sent it; informational only (type is sniffed, names are never used as keys). */
  filename: string;
}

const missingFile = () => new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要上传的图片' }]);

/**
 * Reads the one file of a `multipart/form-data` request from field `file`. The global body parser
 * only handles JSON and forms, so the request stream is still untouched here. Over `maxBytes` the
 * answer is 413 PAYLOAD_TOO_LARGE: a declared Content-Length beyond the limit is refused before
 * reading; otherwise busboy stops buffering at the limit and the rest is drained and discarded.
 */
export async function readSingleFile(ctx: Context, maxBytes = MAX_UPLOAD_BYTES): Promise<UploadedPart> {
  if (!ctx.is('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const declared = Number(ctx.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_SLACK) {
    // Do not keep the connection for a body we refuse to read.
    ctx.set('Connection', 'close');
    throw new AppError('PAYLOAD_TOO_LARGE');
  }
  return new Promise<UploadedPart>((resolvePart, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy reports 'limit' on reaching fileSize exactly: one byte of headroom keeps maxBytes legal.
      const limits = { files: 1, fileSize: maxBytes + 1, fields: 10, parts: 12, fieldSize: 1024 };
      parser = busboy({ headers: ctx.req.headers, limits });
    } catch {
      reject(new AppError('BAD_REQUEST'));
      return;
    }
    let result: UploadedPart | null = null;
    let failure: AppError | null = null;
    // The file stream may end after busboy's own 'close': settle only when both are done.
    let fileDone: Promise<void> = Promise.resolve();
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || result || failure) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      fileDone = new Promise((done) => stream.on('close', done).on('end', done));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = new AppError('PAYLOAD_TOO_LARGE');
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (!failure) result = { bytes: Buffer.concat(chunks), filename: info.filename ?? '' };
      });
    });
    parser.on('error', () => reject(new AppError('BAD_REQUEST')));
    parser.on('close', async () => {
      await fileDone;
      if (failure) reject(failure);
      else if (!result || result.bytes.length === 0) reject(missingFile());
      else resolvePart(result);
    });
    ctx.req.pipe(parser);
  });
}

import busboy from 'busboy';
import type { IncomingMessage } from 'http';
import { AppError } from '../../../core/errors/app-error';

/** The one file and the text fields of a multipart/form-data upload. */
export interface MultipartUpload {
  fields: Record<string, string>;
  file: { fieldName: string; fileName: string; mime: string; buffer: Buffer } | null;
}

export interface MultipartLimits {
  /** Largest accepted file in bytes: beyond it the answer is 413 PAYLOAD_TOO_LARGE. */
  maxFileBytes: number;
  /** Name of the file field (other file fields are refused). */
  fileField: string;
}

/**
 * Reads a multipart body with busboy (the JSON body parser leaves multipart untouched). The file is
 * buffered in memory, bounded by `maxFileBytes`; an oversized upload is refused as soon as the
 * declared length or the streamed bytes exceed it.
 */
export function readMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<MultipartUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return Promise.reject(new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件'));
  // Form fields and boundaries add a little to the body; a body far beyond the file limit is refused unread.
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxFileBytes + 64 * 1024) {
    // Drain (unbuffered) so the client finishes sending and reads the 413 instead of a reset.
    req.resume();
    return Promise.reject(tooLarge());
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: AppError) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    // UTF-8 file names (Chinese) instead of busboy's latin1 default.
    const parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: limits.maxFileBytes } });
    const result: MultipartUpload = { fields: {}, file: null };
    parser.on('field', (name, value) => {
      result.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== limits.fileField) {
        stream.resume();
        return fail(new AppError('BAD_REQUEST', `文件字段应为 ${limits.fileField}`));
      }
      const parts: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => parts.push(chunk));
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => {
        result.file = { fieldName: name, fileName: info.filename ?? '', mime: info.mimeType, buffer: Buffer.concat(parts) };
      });
    });
    parser.on('error', () => fail(new AppError('BAD_REQUEST', '上传内容无法解析')));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(result);
    });
    req.pipe(parser);
  });
}

import busboy from 'busboy';
import type { IncomingMessage } from 'http';
import { AppError } from '../errors/app-error';

/** The one file and the text fields of a multipart/form-data upload. */
export interface MultipartUpload {
  fields: Record<string, string>;
  file: { fieldName: string; fileName: string; mime: string; buffer: Buffer } | null;
}

export interface MultipartLimits {
  /** Largest accepted file in bytes: beyond it the answer is 413 PAYLOAD_TOO_LARGE. */
  maxFileBytes: number;
  /** Name of the file field (parts under other names are skipped). */
  fileField: string;
}

/**
 * Reads a multipart body with busboy (the JSON body parser leaves multipart untouched). The file is
 * buffered in memory, bounded by `maxFileBytes`; an oversized upload is refused as soon as the
 * declared length or the streamed bytes exceed it.
 */
export function readMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<MultipartUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type))
    return Promise.reject(new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件'));
  // Form fields and boundaries add a little to the body; a body far beyond the file limit is refused unread.
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxFileBytes + 64 * 1024) {
    // Drain (unbuffered) so the client finishes sending and reads the 413 instead of a reset.
    req.resume();
    return Promise.reject(tooLarge());
  }

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy reports 'limit' on reaching fileSize exactly: one byte of headroom keeps the maximum legal.
      // UTF-8 file names (Chinese) instead of busboy's latin1 default.
      const options = { files: 1, fields: 10, parts: 12, fieldSize: 1024, fileSize: limits.maxFileBytes + 1 };
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: options });
    } catch {
      req.resume();
      reject(new AppError('BAD_REQUEST', '上传内容无法解析'));
      return;
    }
    const result: MultipartUpload = { fields: {}, file: null };
    let failure: AppError | null = null;
    // The file stream may end after busboy's own 'close': settle only when both are done.
    let fileDone: Promise<void> = Promise.resolve();
    parser.on('field', (name, value) => {
      result.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== limits.fileField || result.file || failure) {
        stream.resume();
        return;
      }
      const parts: Buffer[] = [];
      fileDone = new Promise((done) => stream.on('close', done).on('end', done));
      stream.on('data', (chunk: Buffer) => parts.push(chunk));
      stream.on('limit', () => {
        // busboy drains the rest of the body; the answer is 413 once it is through.
        failure = tooLarge();
        parts.length = 0;
      });
      stream.on('end', () => {
        if (!failure)
          result.file = {
            fieldName: name,
            fileName: info.filename ?? '',
            mime: info.mimeType,
            buffer: Buffer.concat(parts),
          };
      });
    });
    parser.on('error', () => reject(new AppError('BAD_REQUEST', '上传内容无法解析')));
    parser.on('close', async () => {
      await fileDone;
      if (failure) reject(failure);
      else resolve(result);
    });
    req.pipe(parser);
  });
}

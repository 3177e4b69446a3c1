import { Catch, MidwayHttpError } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiError, ErrorCode, errorCatalogue, FieldError } from '@zhili/shared';
import { AppError } from './app-error';
import { dependencyOutageOf, OUTAGE_RETRY_AFTER_SEC } from './dependency-errors';

/** Errors thrown by koa's body parser carry a status and a `type` (from raw-body / co-body). */
interface HttpLikeError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function envelope(code: ErrorCode, message?: string, details?: FieldError[]): ApiError {
  return { error: { code, message: message ?? errorCatalogue[code].message, ...(details ? { details } : {}) } };
}

/** Maps anything thrown to our status + JSON envelope; never leaks a stack trace. */
export function toErrorResponse(err: unknown): {
  status: number;
  body: ApiError;
  internal: boolean;
  retryAfterSec?: number;
} {
  if (err instanceof AppError) {
    const retryAfterSec = err.status === 503 ? OUTAGE_RETRY_AFTER_SEC : undefined;
    return { status: err.status, body: envelope(err.code, err.message, err.details), internal: false, retryAfterSec };
  }
  if (dependencyOutageOf(err)) {
    // Logged (internal) so operators see the outage, answered as "try again shortly".
    return {
      status: 503,
      body: envelope(ErrorCode.SERVICE_UNAVAILABLE),
      internal: true,
      retryAfterSec: OUTAGE_RETRY_AFTER_SEC,
    };
  }
  const e = err as HttpLikeError;
  // A request body whose Content-Encoding does not match its bytes fails in zlib (Z_DATA_ERROR,
  // Z_BUF_ERROR…) inside the body parser, and malformed percent-encoding in decodeURIComponent:
  // both are the client's bad input, not our failure.
  if (/^Z_[A-Z_]+$/.test(String((err as { code?: unknown })?.code ?? ''))) {
    return {
      status: 400,
      body: envelope(ErrorCode.BAD_REQUEST, '请求体的压缩数据已损坏（Content-Encoding 与内容不符）'),
      internal: false,
    };
  }
  if (err instanceof URIError)
    return { status: 400, body: envelope(ErrorCode.BAD_REQUEST, '请求路径编码无效'), internal: false };
  const status = e?.status ?? e?.statusCode ?? (err instanceof MidwayHttpError ? err.status : 500);
  if (e?.type === 'entity.parse.failed' || (status === 400 && /json/i.test(e?.message ?? ''))) {
    return { status: 400, body: envelope(ErrorCode.MALFORMED_JSON), internal: false };
  }
  if (status === 404) return { status, body: envelope(ErrorCode.NOT_FOUND), internal: false };
  if (status === 405) return { status, body: envelope(ErrorCode.METHOD_NOT_ALLOWED), internal: false };
  if (status === 413) return { status, body: envelope(ErrorCode.PAYLOAD_TOO_LARGE), internal: false };
  if (status === 415) return { status, body: envelope(ErrorCode.UNSUPPORTED_MEDIA_TYPE), internal: false };
  if (status >= 400 && status < 500) return { status: 400, body: envelope(ErrorCode.BAD_REQUEST), internal: false };
  return { status: 500, body: envelope(ErrorCode.INTERNAL), internal: true };
}

@Catch()
export class AllErrorsFilter {
  async catch(err: Error, ctx: Context): Promise<ApiError> {
    const { status, body, internal, retryAfterSec } = toErrorResponse(err);
    if (retryAfterSec !== undefined) ctx.set('Retry-After', String(retryAfterSec));
    if (internal) ctx.logger.error(err);
    else ctx.logger.info(`${status} ${body.error.code}: ${err.message}`);
    ctx.status = status;
    ctx.type = 'application/json';
    return body;
  }
}

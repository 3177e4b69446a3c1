import { Middleware, IMiddleware } from '@midwayjs/core';
import type { Context, NextFunction } from '@midwayjs/koa';
import { randomUUID } from 'crypto';
import { toErrorResponse } from '../errors/error.filter';

const ACCEPTABLE_INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

declare module '@midwayjs/koa' {
  interface Context {
    /** Correlates a response with its log lines; echoed in `X-Request-Id`. */
    requestId?: string;
  }
}

/**
 * Gives every request an id (reusing a well-formed one from a proxy) and logs one structured access
 * line per request with status and duration. Registered first (configuration.ts), so also requests
 * refused by the body parser or before routing are logged.
 */
@Middleware()
export class RequestIdMiddleware implements IMiddleware<Context, NextFunction> {
  resolve() {
    return async (ctx: Context, next: NextFunction) => {
      const incoming = ctx.get('X-Request-Id');
      const requestId = ACCEPTABLE_INCOMING_ID.test(incoming) ? incoming : randomUUID();
      ctx.requestId = requestId;
      ctx.set('X-Request-Id', requestId);
      const started = process.hrtime.bigint();
      // Errors are turned into responses by the filter outside this middleware, so compute the
      // status they will get for the access line.
      let status = 0;
      try {
        await next();
        status = ctx.status;
      } catch (err) {
        status = toErrorResponse(err).status;
        throw err;
      } finally {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // Every response, static files and errors included: an unlogged answer is an unexplained one.
        ctx.logger.info(`${ctx.method} ${ctx.path} ${status} ${ms.toFixed(1)}ms`);
      }
    };
  }

  static getName(): string {
    return 'request-id';
  }
}

import {
  CONTROLLER_KEY,
  extractKoaLikeValue,
  getClassMetadata,
  INJECT_CUSTOM_PARAM,
  listModule,
  MidwayDecoratorService,
  WEB_ROUTER_PARAM_KEY,
} from '@midwayjs/core';
import { ErrorCode } from '@zhili/shared';
import { AppError } from '../errors/app-error';

/** One `@Body()`/`@Query()`/`@Param()` of a controller method, as Midway records it. */
interface ParamMeta {
  key: string;
  options?: { throwError?: boolean };
}

interface ParamHandlerOptions {
  metadata: { type: string; propertyData?: unknown };
  originArgs: unknown[];
  originParamType: unknown;
}

/**
 * Midway builds a handler's `@Body()`/`@Query()` DTO in a step that, when it throws, is *ignored*:
 * the validation pipes are skipped and the handler runs with whatever the argument was (undefined).
 * A body nested 5,000 levels overflowed class-transformer's stack and so reached login and refresh
 * with an empty DTO (500s), and other handlers with unvalidated input (issue #11).
 *
 * Here every web parameter of every controller is marked to rethrow, and the failure becomes a 400:
 * a DTO that cannot be built never reaches a handler. Called once at start, after the controllers
 * are loaded and the koa component registered its parameter handler.
 */
export function strictRequestParams(decorators: MidwayDecoratorService): number {
  let marked = 0;
  for (const controller of listModule(CONTROLLER_KEY)) {
    const byMethod = getClassMetadata<Record<string, ParamMeta[]> | undefined>(INJECT_CUSTOM_PARAM, controller);
    for (const params of Object.values(byMethod ?? {})) {
      for (const param of params) {
        if (param.key !== WEB_ROUTER_PARAM_KEY) continue;
        param.options = param.options ?? {};
        param.options.throwError = true;
        marked += 1;
      }
    }
  }
  // The koa component's handler, unchanged, except that a failure is the client's malformed input.
  decorators.registerParameterHandler(WEB_ROUTER_PARAM_KEY, (options: ParamHandlerOptions) => {
    try {
      return extractKoaLikeValue(
        options.metadata.type,
        options.metadata.propertyData,
        options.originParamType,
      )(options.originArgs[0], options.originArgs[1]);
    } catch {
      throw new AppError(ErrorCode.BAD_REQUEST, '请求数据无法解析');
    }
  });
  return marked;
}

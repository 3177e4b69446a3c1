import type { ILogger } from '@midwayjs/core';
import type { FieldError } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { Open311Error } from './open311-error';
import { CONTENT_TYPES, isOpen311Format, renderOpen311 } from './open311-format';
import type { Open311Format, Open311Value } from './open311-format';

/** What a GeoReport handler produces: the document's root element and its JSON form. */
export interface Open311Document {
  root: string;
  value: Open311Value;
}

/** Minimal response surface (Koa's context), so this stays testable without an app. */
export interface Open311ResponseTarget {
  status: number;
  type: string;
}

/** `json`/`xml` in any case; anything else is not one of our resources (answered in XML, the required format). */
export function formatOf(suffix: string | undefined): { format: Open311Format; known: boolean } {
  const lower = (suffix ?? '').toLowerCase();
  return isOpen311Format(lower) ? { format: lower, known: true } : { format: 'xml', known: false };
}

/** Where a problem was found when it is a whole part of the request rather than one argument. */
const REQUEST_PARTS = new Set(['params', 'query', 'body']);

/**
 * One refused argument as a description: the spec's list has no field marker, so the argument is
 * named (our GeoReport schemas word their messages with it already; the central input rules do not).
 */
function describeField({ field, message }: FieldError): string {
  const name = field.split('.')[0];
  return !name || REQUEST_PARTS.has(name) || message.includes(name) ? message : `${name}：${message}`;
}

/**
 * Maps anything thrown to the spec's error answer: our Open311Error as is, catalogue errors by
 * their status (429 kept for rate limits), and anything unexpected to the spec's "400 general
 * service error" (logged with its stack: the client is told to notify us).
 */
export function toOpen311Error(err: unknown, logger: ILogger): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err instanceof AppError) {
    if (err.code === 'RATE_LIMITED') return new Open311Error(429, err.message);
    if (err.status === 404 || err.status === 403) return new Open311Error(err.status, err.message);
    if (err.details?.length) return new Open311Error(400, err.details.map(describeField));
    if (err.status < 500) return new Open311Error(400, err.message);
  }
  logger.error(err);
  return new Open311Error(400, '服务处理请求时出错，请稍后重试；如持续出现请联系我们');
}

/** Runs a handler and writes its document (or its error list) in the requested format. */
export async function respondOpen311(
  target: Open311ResponseTarget,
  suffix: string | undefined,
  logger: ILogger,
  produce: () => Promise<Open311Document>,
): Promise<string> {
  const { format, known } = formatOf(suffix);
  target.type = CONTENT_TYPES[format];
  try {
    if (!known) throw new Open311Error(404, `不支持的格式 .${suffix ?? ''}：请使用 .xml 或 .json`);
    const doc = await produce();
    target.status = 200;
    return renderOpen311(format, doc.root, doc.value);
  } catch (err) {
    const error = toOpen311Error(err, logger);
    target.status = error.status;
    return renderOpen311(format, 'errors', error.toList());
  }
}

import type { ErrorCode } from './errors';

/** A field-level validation problem, e.g. `{ field: 'code', message: '不能为空' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every failed response. */
export interface ApiError {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldError[];
  };
}

/** The body of every successful response. */
export interface ApiSuccess<T> {
  data: T;
}

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

/** The body of a paginated list. */
export interface ApiList<T> {
  data: T[];
  page: PageInfo;
}

export type HealthStatus = 'ok' | 'degraded';

export interface DependencyCheck {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** `GET /api/health` data; HTTP 503 carries the same body when degraded. */
export interface HealthReport {
  status: HealthStatus;
  db: 'sqlite' | 'mysql';
  cache: 'memory' | 'redis';
  version: string;
  uptimeSec: number;
  checks: { db: DependencyCheck; cache: DependencyCheck };
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
}

export function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

import type { HealthReport } from '../api/envelope';
import { defineRoute } from './define';
import { z } from './zod';

const dependencyCheck = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

/** `GET /api/health` data; HTTP 503 carries the same body when degraded. */
export const healthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['sqlite', 'mysql']),
  cache: z.enum(['memory', 'redis']),
  version: z.string(),
  uptimeSec: z.number(),
  checks: z.object({ db: dependencyCheck, cache: dependencyCheck }),
}) satisfies z.ZodType<HealthReport>;

export const healthRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/health',
    // The handler answers 503 with this same body when a dependency is down (not an error envelope).
    summary: '健康检查：数据库与缓存连通性（降级时返回 503，响应体相同）',
    tag: '系统 · 健康检查',
    audience: 'public',
    response: healthReportSchema,
  }),
};

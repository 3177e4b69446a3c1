import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { DependencyCheck, HealthReport } from '@zhili/shared';
import type { AppEnv } from '../../config/env';
import { databaseKind } from '../../config/database';
import { InfraService } from '../../core/infra/infra.service';

const CHECK_TIMEOUT_MS = 2000;

async function timed(check: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  // Sub-millisecond precision: local SQLite and Redis answer in well under 1 ms.
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS}ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: elapsed() };
  } catch (err) {
    return { ok: false, latencyMs: elapsed(), error: (err as Error).message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes the configured dependencies; any failure makes the whole service "degraded". */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HealthService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private infraService!: InfraService;

  @Config('zhili')
  private zhili!: { env: Pick<AppEnv, 'DATABASE_URL'>; version: string };

  private readonly startedAt = Date.now();

  async report(): Promise<HealthReport> {
    const [db, cache] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.infraService.infra.ping(CHECK_TIMEOUT_MS)),
    ]);
    return {
      status: db.ok && cache.ok ? 'ok' : 'degraded',
      db: databaseKind(this.zhili.env.DATABASE_URL),
      cache: this.infraService.infra.kind,
      version: this.zhili.version,
      uptimeSec: Math.round((Date.now() - this.startedAt) / 1000),
      checks: { db, cache },
    };
  }
}

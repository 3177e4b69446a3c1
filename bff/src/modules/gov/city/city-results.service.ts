import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { CaseRecord, CaseWorkflowService, systemActor } from '../../case';
import { GovSyncStateService } from '../core/gov-sync-state.service';
import { clip } from '../core/gov-wire';
import { CityPlatformConnector } from './city-platform.connector';
import { parseCityResult } from './city-payloads';
import { CITY_CONNECTOR, CITY_PLATFORM_NAME } from './city.types';
import type { CityResult } from './city.types';

const MAX_PAGES_PER_PULL = 20;
const CONFLICT_RETRIES = 3;

/**
 * Results from the city platform (pushed or pulled) resolve the escalated case as the system. A
 * result for a case that is no longer escalated to the city (already resolved by the other path,
 * or by the town) is ignored, which also makes push + pull of the same result harmless.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CityResultsService {
  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private connector!: CityPlatformConnector;

  @Inject()
  private syncState!: GovSyncStateService;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Logger()
  private logger!: ILogger;

  /** Applies one result; CASE_NOT_FOUND (404) when the case number is not ours. */
  async apply(result: CityResult): Promise<{ caseNo: string; outcome: 'resolved' | 'ignored' }> {
    const text = clip(`【${result.handler || CITY_PLATFORM_NAME}】${result.result}`, 500) as string;
    for (let attempt = 1; ; attempt += 1) {
      const record = await this.dataSource.manager.findOne(CaseRecord, { where: { no: result.caseNo } });
      if (!record) throw new AppError('CASE_NOT_FOUND');
      if (record.status !== 'escalated' || record.escalationLevel !== 'city')
        return { caseNo: record.no, outcome: 'ignored' };
      try {
        await this.workflow.apply(
          record.id,
          'resolve',
          systemActor(CITY_PLATFORM_NAME),
          { result: text },
          record.version,
        );
        this.logger.info('[gov] city result %s round %d resolved case %s', result.eventId, result.round, record.no);
        return { caseNo: record.no, outcome: 'resolved' };
      } catch (err) {
        // Someone changed the case meanwhile: look again (it may no longer need us).
        if (!(err instanceof AppError && err.code === 'CONFLICT') || attempt >= CONFLICT_RETRIES) throw err;
      }
    }
  }

  /** One pull tick over the results feed (same cursor rules as the 12345 pull). */
  async pull(now = new Date()): Promise<{ pages: number; results: number; resolved: number }> {
    const out = { pages: 0, results: 0, resolved: 0 };
    let cursor = await this.syncState.cursor(CITY_CONNECTOR);
    let note: string | null = null;
    try {
      for (let more = true; more && out.pages < MAX_PAGES_PER_PULL;) {
        const page = await this.connector.queryResults(cursor);
        for (const raw of page.results) {
          out.results += 1;
          try {
            if ((await this.apply(parseCityResult(raw))).outcome === 'resolved') out.resolved += 1;
          } catch (err) {
            if (!(err instanceof AppError) || err.status >= 500) throw err;
            note = `result skipped: ${err.code}`;
            this.logger.error('[gov] city result skipped: %s %j', err.code, raw);
          }
        }
        cursor = page.nextCursor;
        await this.syncState.advance(CITY_CONNECTOR, cursor, now, note);
        out.pages += 1;
        more = page.hasMore;
      }
    } catch (err) {
      await this.syncState.fail(CITY_CONNECTOR, err instanceof Error ? err.message : String(err));
      throw err;
    }
    return out;
  }
}

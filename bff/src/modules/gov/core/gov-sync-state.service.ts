import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { GovSyncState } from '../gov-sync-state.entity';

/** Where each connector's scheduled pull left off (`gov_sync_state`, one row per connector). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class GovSyncStateService {
  @InjectEntityModel(GovSyncState)
  private rows!: Repository<GovSyncState>;

  async cursor(connector: string): Promise<string | null> {
    return (await this.rows.findOne({ where: { connector } }))?.cursor ?? null;
  }

  async get(connector: string): Promise<GovSyncState | null> {
    return this.rows.findOne({ where: { connector } });
  }

  /** Stores the cursor after a page was fully handled; `note` (e.g. a skipped order) replaces the last error. */
  async advance(connector: string, cursor: string, at: Date, note: string | null = null): Promise<void> {
    await this.rows.save(
      Object.assign(new GovSyncState(), {
        connector,
        cursor,
        lastSuccessAt: at,
        lastError: note?.slice(0, 500) ?? null,
      }),
    );
  }

  /** Records why a pull failed (the cursor stays where it was). */
  async fail(connector: string, error: string): Promise<void> {
    const current = await this.rows.findOne({ where: { connector } });
    await this.rows.save(
      Object.assign(new GovSyncState(), {
        connector,
        cursor: current?.cursor ?? null,
        lastSuccessAt: current?.lastSuccessAt ?? null,
        lastError: error.slice(0, 500),
      }),
    );
  }
}

import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { WorkCalendar } from '@zhili/shared';
import { Holiday } from '../entities';

/** How long a node trusts its copy of the holiday table (another node's edit shows up after this). */
const CACHE_MS = 60_000;

/** The holiday table as a `WorkCalendar` for SLA computations, cached in memory. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseCalendarService {
  @InjectEntityModel(Holiday)
  private holidays!: Repository<Holiday>;

  private cached: { at: number; calendar: WorkCalendar } | null = null;

  async calendar(now = Date.now()): Promise<WorkCalendar> {
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.calendar;
    const rows = await this.holidays.find();
    const calendar: WorkCalendar = { days: Object.fromEntries(rows.map((h) => [h.date, h.kind])) };
    this.cached = { at: now, calendar };
    return calendar;
  }

  /** Call after editing holidays so the next deadline uses them. */
  invalidate(): void {
    this.cached = null;
  }
}

import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Between, DataSource } from 'typeorm';
import { holidayLimits, shanghaiDate } from '@zhili/shared';
import type { FieldError, HolidayVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { Acting, AuditActorService } from '../../../core/audit';
import { CaseCalendarService } from '../core/case-calendar.service';
import { Holiday } from '../entities';
import { TownLevelCheck } from './town-level';

/** Whether `YYYY-MM-DD` names a real day (no 2026-02-30). */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** A year from a path or query (`2026`), refused unless four digits in range. */
export function parseHolidayYear(raw: string | number | undefined, now = new Date()): number {
  if (raw === undefined || raw === '') return Number(shanghaiDate(now).slice(0, 4));
  const year = Number(raw);
  if (!/^\d{4}$/.test(String(raw)) || year < holidayLimits.year.min || year > holidayLimits.year.max) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'year', message: '年份应为 2000–2100 的四位数字' }]);
  }
  return year;
}

/**
 * The holiday calendar (法定节假日 and 调休 working weekend days) that SLA deadlines count working
 * time with. Edited a whole year at a time, as the State Council publishes it.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HolidayAdminService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private townLevel!: TownLevelCheck;

  @Inject()
  private calendar!: CaseCalendarService;

  async listYear(year: number): Promise<HolidayVO[]> {
    const rows = await this.dataSource
      .getRepository(Holiday)
      .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
    return rows.map((h) => ({ date: h.date, kind: h.kind, name: h.name }));
  }

  /** Replaces every listed day of `year` in one transaction, then drops the cached calendar. */
  async replaceYear(acting: Acting, year: number, days: HolidayVO[]): Promise<HolidayVO[]> {
    await this.townLevel.assert(acting, 'case.holidays.update', 'holiday', String(year));
    assertDaysOfYear(year, days);
    const before = await this.listYear(year);
    await this.dataSource.transaction(async (m) => {
      await m.delete(Holiday, { date: Between(`${year}-01-01`, `${year}-12-31`) });
      if (days.length)
        await m.insert(
          Holiday,
          days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
        );
    });
    this.calendar.invalidate();
    await this.audit.record(acting, {
      action: 'case.holidays.update',
      resourceType: 'holiday',
      resourceId: String(year),
      result: 'success',
      detail: {
        year,
        before: before.length,
        after: days.length,
        holidays: days.filter((d) => d.kind === 'holiday').length,
        workdays: days.filter((d) => d.kind === 'workday').length,
      },
    });
    return this.listYear(year);
  }
}

/** Every day must be a real date inside the edited year, once (the contract schema already checked shapes and uniqueness). */
function assertDaysOfYear(year: number, days: HolidayVO[]): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!isCalendarDate(d.date)) errors.push({ field: `days.${i}.date`, message: `${d.date} 不是有效日期` });
    else if (!d.date.startsWith(`${year}-`))
      errors.push({ field: `days.${i}.date`, message: `${d.date} 不在 ${year} 年内` });
    else if (seen.has(d.date)) errors.push({ field: `days.${i}.date`, message: `${d.date} 重复` });
    seen.add(d.date);
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, errors);
}

import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { DomainEvents } from '../../../core/events';
import { CaseIntakeService } from '../../case';
import type { CaseIntakeInput, CaseRecord } from '../../case';
import { GovRegions } from '../core/gov-regions';
import { GovSyncStateService } from '../core/gov-sync-state.service';
import { clip, toGcj02 } from '../core/gov-wire';
import { Hotline12345Connector } from './hotline-12345.connector';
import { HotlineOrderReceivedEvent, hotlineOrderKey } from './hotline-events';
import { hotlineCategory, hotlineUrgencyPriority } from './hotline-mapping';
import { parseHotlineOrder } from './hotline-payloads';
import { HOTLINE_CONNECTOR } from './hotline.types';
import type { HotlineOrder } from './hotline.types';

/** Pages per pull tick at most, so one tick stays short; the rest waits for the next tick. */
const MAX_PAGES_PER_PULL = 20;

export interface HotlinePullResult {
  pages: number;
  orders: number;
  created: number;
  skipped: number;
}

/**
 * Inbound 12345 work orders → cases. Pull and push meet here: the intake is idempotent by
 * (hotline12345, orderNo), so an order seen both ways is one case. Receipts go out through the
 * event `gov.hotline_order_received` (receipt subscriber `gov.hotline.ack`, via the outbox), so a
 * platform outage delays them but cannot lose them.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HotlineInboundService {
  @Inject()
  private intake!: CaseIntakeService;

  @Inject()
  private connector!: Hotline12345Connector;

  @Inject()
  private regions!: GovRegions;

  @Inject()
  private syncState!: GovSyncStateService;

  @Inject()
  private events!: DomainEvents;

  @InjectDataSource()
  private dataSource!: DataSource;

  @Logger()
  private logger!: ILogger;

  /** Why the last order was skipped, kept in the sync state for operators. */
  private lastSkip: string | null = null;

  /** One order → one case; queues the receipt (again, harmlessly, for a repeat). */
  async ingest(order: HotlineOrder): Promise<{ record: CaseRecord; created: boolean }> {
    const input = await this.intakeInput(order);
    let result: { record: CaseRecord; created: boolean };
    try {
      result = await this.intake.submit(input);
    } catch (err) {
      // A mapped category the town switched off still has to land somewhere.
      if (!(err instanceof AppError && err.code === 'CASE_CATEGORY_INVALID') || input.categoryCode === 'other')
        throw err;
      result = await this.intake.submit({ ...input, categoryCode: 'other' });
    }
    await this.dataSource.transaction((m) =>
      this.events.append(
        m,
        HotlineOrderReceivedEvent,
        { caseId: result.record.id, orderNo: order.orderNo },
        hotlineOrderKey(order.orderNo),
      ),
    );
    this.events.kick();
    if (result.created) this.logger.info('[gov] 12345 order %s → case %s', order.orderNo, result.record.no);
    return result;
  }

  /**
   * One pull tick: pages from the stored cursor, each page's orders ingested before the cursor
   * moves past them. An order the intake refuses for good (4xx) is logged and skipped so it cannot
   * block the feed; anything else stops the tick with the cursor where it was.
   */
  async pull(now = new Date()): Promise<HotlinePullResult> {
    const result: HotlinePullResult = { pages: 0, orders: 0, created: 0, skipped: 0 };
    let cursor = await this.syncState.cursor(HOTLINE_CONNECTOR);
    this.lastSkip = null;
    try {
      for (let more = true; more && result.pages < MAX_PAGES_PER_PULL;) {
        const page = await this.connector.queryOrders(cursor);
        for (const raw of page.orders) {
          result.orders += 1;
          const outcome = await this.ingestFromPull(raw);
          if (outcome === 'created') result.created += 1;
          if (outcome === 'skipped') result.skipped += 1;
        }
        cursor = page.nextCursor;
        await this.syncState.advance(HOTLINE_CONNECTOR, cursor, now, this.lastSkip);
        result.pages += 1;
        more = page.hasMore;
      }
    } catch (err) {
      await this.syncState.fail(HOTLINE_CONNECTOR, err instanceof Error ? err.message : String(err));
      throw err;
    }
    return result;
  }

  private async ingestFromPull(raw: unknown): Promise<'created' | 'existing' | 'skipped'> {
    try {
      const { created } = await this.ingest(parseHotlineOrder(raw));
      return created ? 'created' : 'existing';
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const orderNo = typeof raw === 'object' && raw !== null ? String((raw as { orderNo?: unknown }).orderNo) : '?';
      this.logger.error(
        '[gov] 12345 order %s skipped: %s %s',
        orderNo,
        err.code,
        JSON.stringify(err.details ?? err.message),
      );
      this.lastSkip = `order ${orderNo} skipped: ${err.code}`;
      return 'skipped';
    }
  }

  private async intakeInput(order: HotlineOrder): Promise<CaseIntakeInput> {
    const title = order.title.trim();
    const content = order.content.trim();
    return {
      source: 'hotline',
      reporter: { kind: 'external', id: HOTLINE_CONNECTOR, name: clip(order.callerName, 64) },
      idempotencyKey: order.orderNo,
      categoryCode: hotlineCategory(order.categoryCode),
      description: (title && !content.startsWith(title) ? `【${title}】${content}` : content).slice(0, 500),
      location: order.location ? toGcj02(order.location) : null,
      // Outside every grid, or no location at all: the town files it and its dispatchers place it.
      regionId: (await this.regions.town()).id,
      address: clip(order.address, 128),
      anonymous: false,
      contactPhone: clip(order.callerPhone, 32),
      priority: hotlineUrgencyPriority[order.urgency],
      external: { system: HOTLINE_CONNECTOR, id: order.orderNo },
    };
  }
}

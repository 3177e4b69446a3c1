import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { PermanentDeliveryError } from '../../../core/outbox';
import { CaseCategory, CaseEvent, CaseRecord, CaseWorkflowService, systemActor } from '../../case';
import { casePayload, deliverOrDrop } from '../core/gov-delivery';
import { GovRegions } from '../core/gov-regions';
import { beijingIso, clip } from '../core/gov-wire';
import { CityPlatformConnector } from './city-platform.connector';
import { CITY_PLATFORM_NAME } from './city.types';
import type { CityEventCreated, CityEventRequest } from './city.types';

/**
 * Outbox handler `gov.city.escalate` `{ caseId, seq }`: sends an escalated case to the city platform
 * (idempotent there by case number), then notes the platform's event number on the timeline.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CityEscalationService {
  @Inject()
  private connector!: CityPlatformConnector;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private regions!: GovRegions;

  @InjectDataSource()
  private dataSource!: DataSource;

  async deliver(payload: Record<string, unknown>): Promise<void> {
    const { caseId, seq } = casePayload(payload, true);
    const m = this.dataSource.manager;
    const record = await m.findOne(CaseRecord, { where: { id: caseId } });
    const event = await m.findOne(CaseEvent, { where: { caseId, seq } });
    if (!record || !event || event.type !== 'escalate' || event.data.level !== 'city') {
      throw new PermanentDeliveryError(`case ${caseId} event ${seq} is not an escalation to the city`);
    }
    // Resolved or moved on before we got through: there is nothing left to ask the city for.
    if (record.status !== 'escalated' || record.escalationLevel !== 'city') return;
    const request = await this.eventRequest(record, event);
    let created: CityEventCreated | undefined;
    await deliverOrDrop(async () => {
      created = await this.connector.createEvent(request);
    });
    if (created) await this.noteOnTimeline(record, created);
  }

  private async eventRequest(record: CaseRecord, event: CaseEvent): Promise<CityEventRequest> {
    const category = await this.dataSource.manager.findOne(CaseCategory, { where: { code: record.categoryCode } });
    const town = await this.regions.townOf(record.scopePath);
    const categoryName = category?.name ?? record.categoryCode;
    return {
      caseNo: record.no,
      title: `${categoryName}：${record.address ?? record.description.slice(0, 30)}`.slice(0, 100),
      description: record.description,
      categoryCode: record.categoryCode,
      categoryName,
      priority: record.priority,
      address: record.address,
      // We store GCJ-02 and say so; the platform converts if it wants another datum.
      location:
        record.lng !== null && record.lat !== null ? { lng: record.lng, lat: record.lat, coordType: 'gcj02' } : null,
      reportedAt: beijingIso(new Date(record.createdAt)),
      escalatedAt: beijingIso(new Date(event.createdAt)),
      reason:
        clip(typeof event.data.reason === 'string' ? event.data.reason : null, 500) ?? '镇级无法处置，申请市级协调',
      townName: town?.name ?? '未知镇街',
    };
  }

  /** Once per event and round (a redelivery after a lost answer must not repeat the line). */
  private async noteOnTimeline(record: CaseRecord, created: CityEventCreated): Promise<void> {
    const synced = await this.dataSource.manager.find(CaseEvent, {
      where: { caseId: record.id, type: 'external_sync' },
    });
    if (synced.some((e) => e.data.eventId === created.eventId && e.data.round === created.round)) return;
    await this.workflow.recordEvent(
      record.id,
      {
        type: 'external_sync',
        note: `已上报${CITY_PLATFORM_NAME}，事件编号 ${created.eventId}`,
        data: { system: 'city', eventId: created.eventId, round: created.round },
      },
      systemActor(CITY_PLATFORM_NAME),
    );
  }
}

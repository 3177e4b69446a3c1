import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { PermanentDeliveryError } from '../../../core/outbox';
import { CaseEvent, CaseRecord } from '../../case';
import { casePayload, deliverOrDrop } from '../core/gov-delivery';
import { beijingIso, clip } from '../core/gov-wire';
import { Hotline12345Connector } from './hotline-12345.connector';
import { hotlineStatusNames, hotlineStatusOf } from './hotline-mapping';
import { HOTLINE_CONNECTOR } from './hotline.types';
import type { HotlineStatusUpdate } from './hotline.types';

const dataText = (v: unknown, max: number) => (typeof v === 'string' ? clip(v, max) : null);

/** Builds the platform's status update from a case and one of its status-changing events. */
export function hotlineStatusUpdate(record: CaseRecord, event: CaseEvent): HotlineStatusUpdate | null {
  const to = event.toStatus;
  if (!to || to === 'pending_review' || to === 'submitted' || !record.externalId) return null;
  const status = hotlineStatusOf[to];
  return {
    orderNo: record.externalId,
    seq: event.seq,
    status,
    statusName: hotlineStatusNames[status],
    caseNo: record.no,
    occurredAt: beijingIso(new Date(event.createdAt)),
    operator: clip(event.actorName, 64) ?? '系统',
    note: clip(event.note, 500),
    reason: dataText(event.data.reason, 500),
    result: dataText(event.data.result, 500),
    outcome: dataText(event.data.outcome, 32) ?? (status === 'CLOSED' ? record.outcome : null),
  };
}

/**
 * Outbox handlers toward the 12345 platform: `gov.hotline.status` (one timeline step, idempotent by
 * orderNo + seq) and `gov.hotline.ack` (receipt). Both re-read the case at delivery time.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HotlineOutboundService {
  @Inject()
  private connector!: Hotline12345Connector;

  @InjectDataSource()
  private dataSource!: DataSource;

  async deliverStatus(payload: Record<string, unknown>): Promise<void> {
    const { caseId, seq } = casePayload(payload, true);
    const record = await this.hotlineCase(caseId);
    const event = await this.dataSource.manager.findOne(CaseEvent, { where: { caseId, seq } });
    if (!event) throw new PermanentDeliveryError(`case ${caseId} has no event ${seq}`);
    const update = hotlineStatusUpdate(record, event);
    // An event the platform has no status for (e.g. content review) has nothing to report.
    if (!update) return;
    await deliverOrDrop(() => this.connector.reportStatus(update));
  }

  async deliverAck(payload: Record<string, unknown>): Promise<void> {
    const { caseId } = casePayload(payload, false);
    const record = await this.hotlineCase(caseId);
    const ack = {
      orderNo: record.externalId as string,
      caseNo: record.no,
      receivedAt: beijingIso(new Date(record.createdAt)),
    };
    await deliverOrDrop(() => this.connector.ackOrder(ack));
  }

  private async hotlineCase(caseId: string): Promise<CaseRecord> {
    const record = await this.dataSource.manager.findOne(CaseRecord, { where: { id: caseId } });
    if (!record || record.externalSystem !== HOTLINE_CONNECTOR || !record.externalId) {
      throw new PermanentDeliveryError(`case ${caseId} is not a 12345 order`);
    }
    return record;
  }
}

import type { OutboxDraft } from '../../../core/outbox';
import type { CaseEventType } from '@zhili/shared';
import type { CaseRecord } from '../entities';

/** Subscribe-message template ids by the moment they announce (from env WECHAT_TMPL_CASE_*). */
export interface CaseTemplateIds {
  accepted: string;
  dispatched: string;
  resolved: string;
}

const SUBSCRIBE_MOMENTS: Partial<Record<CaseEventType, keyof CaseTemplateIds>> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  resolve: 'resolved',
};

/**
 * The messages that must leave the system after a timeline event, written to the outbox in the same
 * transaction (docs/CONTRACTS.md "Outbox"). Payloads carry ids only: handlers read the state at
 * delivery time. Dedupe keys contain the event's seq, so a retried transaction cannot double them.
 */
export function outboxForEvent(
  record: CaseRecord,
  event: { seq: number; type: CaseEventType; statusChanged: boolean; level?: string | null },
  templates: CaseTemplateIds,
): OutboxDraft[] {
  const key = `case:${record.id}:ev:${event.seq}`;
  const drafts: OutboxDraft[] = [{ topic: 'realtime.case', dedupeKey: `${key}:rt`, payload: { caseId: record.id, seq: event.seq, type: event.type } }];
  if (event.type === 'dispatch' && record.assigneeId && record.assigneeKind) {
    drafts.push({
      topic: 'realtime.task',
      dedupeKey: `${key}:task`,
      payload: { caseId: record.id, kind: record.assigneeKind, userId: record.assigneeId },
    });
  }
  const moment = SUBSCRIBE_MOMENTS[event.type];
  if (moment && record.reporterKind === 'mp' && record.subscribedTemplates.includes(templates[moment])) {
    drafts.push({
      topic: 'wechat.subscribe',
      dedupeKey: `case:${record.id}:sub:${moment}:${event.seq}`,
      payload: { caseId: record.id, template: moment, seq: event.seq },
    });
  }
  if (record.externalSystem === 'hotline12345' && event.statusChanged) {
    drafts.push({ topic: 'gov.hotline.status', dedupeKey: `${key}:hotline`, payload: { caseId: record.id, seq: event.seq } });
  }
  if (event.type === 'escalate' && event.level === 'city') {
    drafts.push({ topic: 'gov.city.escalate', dedupeKey: `${key}:city`, payload: { caseId: record.id, seq: event.seq } });
  }
  return drafts;
}

import { z } from '@zhili/shared';
import { caseEventLabels, caseStatusLabels } from '@zhili/shared';
import type { CaseEventType, CaseStatus } from '@zhili/shared';
import { defineDomainEvent } from '../../../core/events';
import type { CaseRecord } from '../entities';

const isCaseEventType = (value: unknown): value is CaseEventType =>
  typeof value === 'string' && Object.hasOwn(caseEventLabels, value);
const isCaseStatus = (value: unknown): value is CaseStatus =>
  typeof value === 'string' && Object.hasOwn(caseStatusLabels, value);
const status = z.custom<CaseStatus>(isCaseStatus, { message: 'unknown case status' });

/**
 * `case.event_appended`: one timeline event was written (docs/CONTRACTS.md "Outbox and domain
 * events"). Carries what subscribers need to decide at append time whether they care; they re-read
 * the case when delivering, so a late delivery shows current data.
 */
export const caseEventAppendedSchema = z.object({
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  /** The event's place in the case's timeline (1 = created). */
  seq: z.number().int().positive(),
  type: z.custom<CaseEventType>(isCaseEventType, { message: 'unknown case event type' }),
  /** Null for events that change no status. */
  fromStatus: status.nullable(),
  toStatus: status,
  statusChanged: z.boolean(),
  /** Escalation level of an `escalate` event (`town` | `city`), else null. */
  level: z.string().nullable(),
  reporterKind: z.enum(['mp', 'staff', 'external']),
  /** Subscribe-message template ids the reporter agreed to (mini-program reports only). */
  subscribedTemplates: z.array(z.string()),
  /** Who the case is assigned to after this event. */
  assignee: z.object({ kind: z.enum(['mp', 'staff']), id: z.string().min(1) }).nullable(),
  /** The government system the case came from (e.g. `hotline12345`), else null. */
  externalSystem: z.string().nullable(),
});

export type CaseEventAppended = z.infer<typeof caseEventAppendedSchema>;

export const CaseEventAppendedEvent = defineDomainEvent('case.event_appended', caseEventAppendedSchema);

/** The event key of a timeline event: unique per case and seq, so a retried transaction dedupes. */
export const caseEventKey = (caseId: string, seq: number): string => `case:${caseId}:ev:${seq}`;

/** The payload for `record` (already updated) and the event just written in the same transaction. */
export function caseEventAppended(
  record: CaseRecord,
  event: { seq: number; type: CaseEventType; fromStatus: CaseStatus | null; level: string | null },
): CaseEventAppended {
  return {
    caseId: record.id,
    caseNo: record.no,
    seq: event.seq,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: record.status,
    statusChanged: event.fromStatus !== null && event.fromStatus !== record.status,
    level: event.level,
    reporterKind: record.reporterKind,
    subscribedTemplates: [...record.subscribedTemplates],
    assignee: record.assigneeKind && record.assigneeId ? { kind: record.assigneeKind, id: record.assigneeId } : null,
    externalSystem: record.externalSystem,
  };
}

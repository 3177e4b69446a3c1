import type { CaseEventType, CaseListItemVO } from '@zhili/shared';

/**
 * Payload of the staff socket event `case:changed` (docs/CONTRACTS.md "Outbox", topic
 * `realtime.case`): the case as an inbox row after the event, and the event's type
 * (`created` for a new case).
 */
export interface CaseChangedEvent {
  case: CaseListItemVO;
  type: CaseEventType;
}

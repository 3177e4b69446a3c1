/** Payload of the staff socket event `case:changed` (typed in `@zhili/shared` socket-events). */
export type { CaseChangedEvent } from '@zhili/shared';

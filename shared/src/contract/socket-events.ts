import type { HealthReport } from '../api/envelope';
import type { CaseEventType } from '../domain/case';
import type { CaseListItemVO, MpTaskItemVO } from './case/case-views';

/**
 * socket.io events (path `/socket.io`), typed once for the BFF and both clients (issue #12):
 * `Socket<ServerToClientEvents, ClientToServerEvents>` on the clients, the BFF's RealtimeService
 * emits only these names with these payloads.
 */

/** `case:changed`: a case in the staff member's scope was created or changed (rooms `scope:<path>`). */
export interface CaseChangedEvent {
  /** The case as an inbox row after the event. */
  case: CaseListItemVO;
  /** The timeline event's type (`created` for a new case). */
  type: CaseEventType;
}

/** `task:assigned`: a case was dispatched to this mini-program grid worker (room `mp:<id>`). */
export interface TaskAssignedEvent {
  task: MpTaskItemVO;
}

export interface ServerToClientEvents {
  /** Server health for 系统状态 (room `system-status`), on connect and every few seconds. */
  health: (report: HealthReport) => void;
  'case:changed': (event: CaseChangedEvent) => void;
  'task:assigned': (event: TaskAssignedEvent) => void;
}

/** Answer of the BFF to `auth:renew`. */
export type RenewAnswer = { ok: true; expiresAt: number | null } | { ok: false; code: string };

export interface ClientToServerEvents {
  /** Replaces the socket's access token by a fresh one of the same session. */
  'auth:renew': (token: string, ack: (answer: RenewAnswer) => void) => void;
}

/** Name of a server → client event. */
export type ServerEventName = keyof ServerToClientEvents;
/** Payload of a server → client event. */
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

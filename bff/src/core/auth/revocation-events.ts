import type { PrincipalKind } from './principal';

/**
 * Revocations announced on the Infra pub/sub, so every BFF node can end what it holds for the
 * revoked session or subject (open sockets) at once. The revocation itself lives in the shared cache
 * and is checked on every request and handshake; these messages only make live connections notice.
 */
export const REVOCATION_CHANNEL = 'auth:revoked';

export type RevocationEvent =
  /** One login session (logout, refresh-family revoke, idle timeout). */
  | { type: 'session'; sessionId: string }
  /** Every token of a subject issued at or before `validAfter` (ms): disable, role/scope/password change, log out everywhere. */
  | { type: 'subject'; kind: PrincipalKind; subjectId: string; validAfter: number };

/** The event in a pub/sub message, or null when the message is not one. */
export function parseRevocationEvent(message: string): RevocationEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (event.type === 'session' && typeof event.sessionId === 'string')
    return { type: 'session', sessionId: event.sessionId };
  if (
    event.type === 'subject' &&
    (event.kind === 'mp' || event.kind === 'staff') &&
    typeof event.subjectId === 'string' &&
    typeof event.validAfter === 'number'
  ) {
    return { type: 'subject', kind: event.kind, subjectId: event.subjectId, validAfter: event.validAfter };
  }
  return null;
}

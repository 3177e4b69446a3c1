import { PermanentDeliveryError } from '../../../core/outbox';
import { GovApiError } from './gov-errors';

/**
 * Runs a platform call for an outbox handler: a business refusal becomes `PermanentDeliveryError`
 * (the same request will always be refused); everything else — transient, auth, breaker open —
 * is rethrown so the outbox retries with backoff.
 */
export async function deliverOrDrop(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (err instanceof GovApiError && err.kind === 'rejected') throw new PermanentDeliveryError(err.message);
    throw err;
  }
}

/** Reads `{ caseId, seq? }` from an outbox payload; a malformed one can never succeed. */
export function casePayload(payload: Record<string, unknown>, needSeq: boolean): { caseId: string; seq: number } {
  const { caseId, seq } = payload;
  if (typeof caseId !== 'string' || (needSeq && (typeof seq !== 'number' || !Number.isInteger(seq)))) {
    throw new PermanentDeliveryError(`malformed payload ${JSON.stringify(payload)}`);
  }
  return { caseId, seq: typeof seq === 'number' ? seq : 0 };
}

import { PermanentDeliveryError } from '../../../core/outbox';

/** Reads a required field of an outbox payload; a malformed payload can never succeed: dropped. */
export function payloadString(payload: Record<string, unknown>, key: string): string {
  const value = payload[key];
  if (typeof value !== 'string' || !value) throw new PermanentDeliveryError(`payload.${key} missing`);
  return value;
}

export function payloadNumber(payload: Record<string, unknown>, key: string): number {
  const value = payload[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new PermanentDeliveryError(`payload.${key} missing`);
  return value;
}

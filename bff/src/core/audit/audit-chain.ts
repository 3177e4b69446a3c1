import { sm3 } from 'sm-crypto';
import type { AuditLog } from './audit-log.entity';

/** The previous hash of the very first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of a record: every column except seq and the hashes, in a fixed order. */
export type AuditContent = Pick<
  AuditLog,
  | 'at'
  | 'actorKind'
  | 'actorId'
  | 'actorName'
  | 'actorRoles'
  | 'ip'
  | 'userAgent'
  | 'action'
  | 'resourceType'
  | 'resourceId'
  | 'result'
  | 'detail'
>;

const FIELDS: (keyof AuditContent)[] = [
  'at',
  'actorKind',
  'actorId',
  'actorName',
  'actorRoles',
  'ip',
  'userAgent',
  'action',
  'resourceType',
  'resourceId',
  'result',
  'detail',
];

/** SM3 (GB/T 32905) over the previous hash and the record's canonical JSON. */
export function chainHash(prevHash: string, content: AuditContent): string {
  const canonical = JSON.stringify(FIELDS.map((f) => content[f] ?? null));
  return sm3(`${prevHash}\n${canonical}`);
}

export interface ChainBreak {
  seq: number;
  reason: 'content' | 'link';
}

/**
 * Walks records in sequence order; returns the first record whose hash does not match its content
 * (edited) or whose prev_hash does not match the previous record (inserted/deleted/reordered).
 */
export function findChainBreak(records: Iterable<AuditLog>, startPrevHash = GENESIS_HASH): ChainBreak | null {
  let prev = startPrevHash;
  for (const record of records) {
    if (record.prevHash !== prev) return { seq: record.seq, reason: 'link' };
    if (chainHash(record.prevHash, record) !== record.hash) return { seq: record.seq, reason: 'content' };
    prev = record.hash;
  }
  return null;
}

import type { MpCaseSubmitBody } from '@zhili/shared/client';
import type { KeyValueStore } from './key-value-store';
import { isTransientError } from './retry-policy';

/**
 * The offline outbox of case reports: a report that could not be sent waits here, in storage, with
 * its idempotency key, and is sent when the network returns. The BFF answers the same case for a
 * key it has seen, so sending an entry twice (two triggers, a lost answer) still files one case.
 * Pure: storage and the network are passed in.
 */

export const OUTBOX_KEY = 'zhili.caseOutbox';
/** Transient failures (no network, 5xx) after which an entry stops retrying by itself. */
export const MAX_OUTBOX_ATTEMPTS = 20;

export interface OutboxEntry {
  /** The mini-program user who wrote it (the device may switch accounts). */
  userId: string;
  body: MpCaseSubmitBody;
  /** Photos picked while offline (local paths): uploaded first, their ids then join `body.photoIds`. */
  pendingPhotos: string[];
  queuedAt: number;
  attempts: number;
  /** `failed`: refused for good or retried too often; waits for the user (重试 / 删除). */
  state: 'waiting' | 'failed';
  lastError: string | null;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<OutboxEntry>;
  return (
    typeof v.userId === 'string' &&
    typeof v.body === 'object' &&
    v.body !== null &&
    typeof v.body.idempotencyKey === 'string' &&
    Array.isArray(v.pendingPhotos) &&
    typeof v.attempts === 'number' &&
    (v.state === 'waiting' || v.state === 'failed')
  );
}

/** Every entry on the device; anything unreadable is ignored. */
export function readOutbox(store: KeyValueStore): OutboxEntry[] {
  const raw = store.get(OUTBOX_KEY);
  return Array.isArray(raw) ? raw.filter(isEntry) : [];
}

function writeOutbox(store: KeyValueStore, entries: OutboxEntry[]): void {
  if (entries.length === 0) store.remove(OUTBOX_KEY);
  else store.set(OUTBOX_KEY, entries);
}

const sameEntry = (e: OutboxEntry, userId: string, key: string) => e.userId === userId && e.body.idempotencyKey === key;

/** The user's entries, oldest first. */
export function outboxOf(store: KeyValueStore, userId: string): OutboxEntry[] {
  return readOutbox(store).filter((e) => e.userId === userId);
}

/** Queue a report (replacing an entry with the same key, so a report is never queued twice). */
export function enqueueReport(
  store: KeyValueStore,
  input: { userId: string; body: MpCaseSubmitBody; pendingPhotos?: string[] },
  now: number = Date.now(),
): OutboxEntry {
  const entry: OutboxEntry = {
    userId: input.userId,
    body: input.body,
    pendingPhotos: input.pendingPhotos ?? [],
    queuedAt: now,
    attempts: 0,
    state: 'waiting',
    lastError: null,
  };
  const others = readOutbox(store).filter((e) => !sameEntry(e, input.userId, input.body.idempotencyKey));
  writeOutbox(store, [...others, entry]);
  return entry;
}

export function removeReport(store: KeyValueStore, userId: string, key: string): void {
  writeOutbox(
    store,
    readOutbox(store).filter((e) => !sameEntry(e, userId, key)),
  );
}

function updateEntry(store: KeyValueStore, userId: string, key: string, patch: Partial<OutboxEntry>): void {
  writeOutbox(
    store,
    readOutbox(store).map((e) => (sameEntry(e, userId, key) ? { ...e, ...patch } : e)),
  );
}

/** 重试: a failed entry goes back to waiting with a fresh attempt budget. */
export function retryReport(store: KeyValueStore, userId: string, key: string): void {
  updateEntry(store, userId, key, { state: 'waiting', attempts: 0, lastError: null });
}

/** What to do with an entry after a failed try. */
export type FailureDecision = 'retry-later' | 'give-up';

/** Transient failures are retried later until the budget is spent; anything else is final. */
export function decideAfterFailure(error: unknown, attemptsSoFar: number): FailureDecision {
  if (!isTransientError(error)) return 'give-up';
  return attemptsSoFar >= MAX_OUTBOX_ATTEMPTS ? 'give-up' : 'retry-later';
}

export interface OutboxSender {
  /** Uploads a local photo; resolves its file id. */
  upload(localPath: string): Promise<string>;
  /** POST /api/mp/cases; resolves the case id. */
  submit(body: MpCaseSubmitBody): Promise<string>;
  /** A safe message for anything thrown. */
  describe(error: unknown): string;
}

export interface FlushOutcome {
  sent: { key: string; caseId: string }[];
  failed: { key: string; message: string }[];
  /** Entries still waiting (the network went away again). */
  waiting: number;
}

/** A photo the BFF refuses for good (not an image, too big) is left out rather than blocking the report. */
async function uploadOrSkip(sender: OutboxSender, localPath: string): Promise<string | null> {
  try {
    return await sender.upload(localPath);
  } catch (error) {
    if (isTransientError(error)) throw error;
    return null;
  }
}

/**
 * Sends the user's waiting entries in order. A transient failure stops the run (the network is
 * probably down again; the next trigger resumes); a final one marks the entry failed and goes on.
 * Progress is written after every step, so a run cut short never re-uploads a photo.
 */
export async function flushOutbox(store: KeyValueStore, userId: string, sender: OutboxSender): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { sent: [], failed: [], waiting: 0 };
  for (const initial of outboxOf(store, userId).filter((e) => e.state === 'waiting')) {
    const key = initial.body.idempotencyKey;
    let entry = initial;
    try {
      while (entry.pendingPhotos.length > 0) {
        const fileId = await uploadOrSkip(sender, entry.pendingPhotos[0]);
        const photoIds = fileId ? [...entry.body.photoIds, fileId] : entry.body.photoIds;
        entry = { ...entry, pendingPhotos: entry.pendingPhotos.slice(1), body: { ...entry.body, photoIds } };
        updateEntry(store, userId, key, { pendingPhotos: entry.pendingPhotos, body: entry.body });
      }
      const caseId = await sender.submit(entry.body);
      removeReport(store, userId, key);
      outcome.sent.push({ key, caseId });
    } catch (error) {
      const attempts = entry.attempts + 1;
      const message = sender.describe(error);
      if (decideAfterFailure(error, attempts) === 'retry-later') {
        updateEntry(store, userId, key, { attempts, lastError: message });
        break;
      }
      updateEntry(store, userId, key, { attempts, lastError: message, state: 'failed' });
      outcome.failed.push({ key, message });
    }
  }
  outcome.waiting = outboxOf(store, userId).filter((e) => e.state === 'waiting').length;
  return outcome;
}

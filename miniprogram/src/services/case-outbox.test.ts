import type { MpCaseSubmitBody } from '@zhili/shared/client';
import {
  enqueueReport,
  flushOutbox,
  MAX_OUTBOX_ATTEMPTS,
  outboxOf,
  readOutbox,
  retryReport,
  type OutboxSender,
} from './case-outbox';
import { AppError, ClientErrorCode, describeError } from './errors';
import { memoryStore } from './key-value-store';

const body = (key: string, photoIds: string[] = []): MpCaseSubmitBody => ({
  idempotencyKey: key,
  categoryCode: 'road',
  description: '路面塌陷一个大坑',
  photoIds,
  location: { lng: 120.1, lat: 30.2 },
  address: '文一路',
  anonymous: false,
});
const offline = () => new AppError(ClientErrorCode.NETWORK, '网络异常，请检查网络', 0);
const refused = () => new AppError('CONTENT_RISKY', '内容含有违规信息', 400);

/** A fake BFF that files one case per idempotency key, like the real one. */
function fakeBff() {
  const cases = new Map<string, MpCaseSubmitBody>();
  const submits: string[] = [];
  const uploads: string[] = [];
  let down = false;
  let nextFailure: Error | null = null;
  const sender: OutboxSender = {
    upload: async (path) => {
      if (down) throw offline();
      uploads.push(path);
      return `file-${path}`;
    },
    submit: async (b) => {
      if (down) throw offline();
      if (nextFailure) {
        const e = nextFailure;
        nextFailure = null;
        throw e;
      }
      submits.push(b.idempotencyKey);
      if (!cases.has(b.idempotencyKey)) cases.set(b.idempotencyKey, b);
      return `case-${b.idempotencyKey}`;
    },
    describe: describeError,
  };
  return {
    sender,
    cases,
    submits,
    uploads,
    setDown: (v: boolean) => void (down = v),
    failNext: (e: Error) => void (nextFailure = e),
  };
}

describe('case outbox', () => {
  it('keeps one entry per key and per user', () => {
    const store = memoryStore();
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1') });
    enqueueReport(store, { userId: 'u1', body: { ...body('key-aaaa-1'), description: '改过的描述内容' } });
    enqueueReport(store, { userId: 'u2', body: body('key-bbbb-1') });
    expect(outboxOf(store, 'u1')).toHaveLength(1);
    expect(outboxOf(store, 'u1')[0].body.description).toBe('改过的描述内容');
    expect(readOutbox(store)).toHaveLength(2);
  });

  it('waits while offline, then sends exactly once when the network is back, even if flushed twice', async () => {
    const store = memoryStore();
    const bff = fakeBff();
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1') });
    bff.setDown(true);
    const first = await flushOutbox(store, 'u1', bff.sender);
    expect(first).toEqual({ sent: [], failed: [], waiting: 1 });
    expect(outboxOf(store, 'u1')[0]).toMatchObject({
      attempts: 1,
      state: 'waiting',
      lastError: '网络异常，请检查网络',
    });

    bff.setDown(false);
    const [a, b] = await Promise.all([flushOutbox(store, 'u1', bff.sender), flushOutbox(store, 'u1', bff.sender)]);
    expect([...a.sent, ...b.sent].map((s) => s.caseId)).toContain('case-key-aaaa-1');
    expect(bff.cases.size).toBe(1);
    expect(readOutbox(store)).toEqual([]);
  });

  it("sends only the signed-in user's entries", async () => {
    const store = memoryStore();
    const bff = fakeBff();
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1') });
    enqueueReport(store, { userId: 'u2', body: body('key-bbbb-1') });
    await flushOutbox(store, 'u1', bff.sender);
    expect(bff.submits).toEqual(['key-aaaa-1']);
    expect(outboxOf(store, 'u2')).toHaveLength(1);
  });

  it('uploads photos picked offline first and never uploads one twice', async () => {
    const store = memoryStore();
    const bff = fakeBff();
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1', ['file-early']), pendingPhotos: ['p1', 'p2'] });
    bff.failNext(offline());
    await flushOutbox(store, 'u1', bff.sender);
    // Both photos went up before the submit failed; the entry remembers them.
    expect(outboxOf(store, 'u1')[0]).toMatchObject({
      pendingPhotos: [],
      body: { photoIds: ['file-early', 'file-p1', 'file-p2'] },
    });
    await flushOutbox(store, 'u1', bff.sender);
    expect(bff.uploads).toEqual(['p1', 'p2']);
    expect(bff.cases.get('key-aaaa-1')?.photoIds).toEqual(['file-early', 'file-p1', 'file-p2']);
  });

  it('marks a refused report failed, goes on with the next, and 重试 puts it back', async () => {
    const store = memoryStore();
    const bff = fakeBff();
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1') });
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-2') });
    bff.failNext(refused());
    const outcome = await flushOutbox(store, 'u1', bff.sender);
    expect(outcome.failed).toEqual([{ key: 'key-aaaa-1', message: '内容含有违规信息' }]);
    expect(outcome.sent.map((s) => s.key)).toEqual(['key-aaaa-2']);
    expect(outboxOf(store, 'u1')[0]).toMatchObject({ state: 'failed' });

    // A failed entry is not retried by itself…
    await flushOutbox(store, 'u1', bff.sender);
    expect(bff.submits).toEqual(['key-aaaa-2']);
    // …until the user asks.
    retryReport(store, 'u1', 'key-aaaa-1');
    await flushOutbox(store, 'u1', bff.sender);
    expect(bff.submits).toEqual(['key-aaaa-2', 'key-aaaa-1']);
    expect(readOutbox(store)).toEqual([]);
  });

  it('stops retrying by itself after the attempt budget', async () => {
    const store = memoryStore();
    const bff = fakeBff();
    bff.setDown(true);
    enqueueReport(store, { userId: 'u1', body: body('key-aaaa-1') });
    for (let i = 0; i < MAX_OUTBOX_ATTEMPTS; i += 1) await flushOutbox(store, 'u1', bff.sender);
    expect(outboxOf(store, 'u1')[0]).toMatchObject({ state: 'failed', attempts: MAX_OUTBOX_ATTEMPTS });
  });
});

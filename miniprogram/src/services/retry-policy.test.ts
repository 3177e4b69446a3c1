import { AppError, ClientErrorCode } from './errors';
import { newIdempotencyKey } from './idempotency-key';
import { backoffMs, isTransientError, withRetry } from './retry-policy';

const network = () => new AppError(ClientErrorCode.NETWORK, '网络异常', 0);
const http = (status: number, code = 'X') => new AppError(code as never, 'x', status);

describe('retry policy', () => {
  it('retries no-network, 429 and 5xx, never 4xx or unknown throws', () => {
    expect(isTransientError(network())).toBe(true);
    expect(isTransientError(http(429, 'RATE_LIMITED'))).toBe(true);
    expect(isTransientError(http(503, 'SERVICE_UNAVAILABLE'))).toBe(true);
    expect(isTransientError(http(400, 'CONTENT_RISKY'))).toBe(false);
    expect(isTransientError(http(404, 'NOT_FOUND'))).toBe(false);
    expect(isTransientError(new Error('boom'))).toBe(false);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 100, 500))).toEqual([100, 200, 400, 500]);
  });

  it('tries a transient failure again and returns the later success', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw network();
        return 'ok';
      },
      { attempts: 3, baseMs: 10, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([10, 20]);
  });

  it('gives up at once on a final error and after the budget on transient ones', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw http(400);
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw network();
        },
        { attempts: 3, sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(calls).toBe(3);
  });
});

describe('idempotency keys', () => {
  it('are RFC 4122 version-4 UUIDs the BFF accepts, different each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a).not.toBe(b);
  });

  it('works without Web Crypto (WeChat) from any byte source', () => {
    expect(newIdempotencyKey((n) => new Uint8Array(n).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});

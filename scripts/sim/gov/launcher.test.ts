import { startGovSimsForStack } from './launcher';
import { signedPost, startReceiver } from './test-helpers';
import { HOTLINE_PATHS } from './types';

describe('government simulators for npm start', () => {
  it('hands the BFF matching credentials and pushes the demo orders to it', async () => {
    const receiver = await startReceiver();
    const sims = await startGovSimsForStack('127.0.0.1');
    try {
      const env = sims.connect(receiver.url);
      expect(env).toMatchObject({ HOTLINE_API_BASE: sims.hotline.url, CITY_API_BASE: sims.city.url });
      expect(env.HOTLINE_APP_SECRET.length).toBeGreaterThanOrEqual(16);
      expect(env.CITY_APP_SECRET).not.toBe(env.HOTLINE_APP_SECRET);
      await sims.hotline.idle();
      expect(receiver.received.map((r) => r.path)).toEqual([
        '/api/callbacks/gov/hotline12345',
        '/api/callbacks/gov/hotline12345',
      ]);
      // The credentials really are the simulator's.
      const reply = await signedPost(
        env.HOTLINE_API_BASE,
        HOTLINE_PATHS.queryOrders,
        {},
        { appKey: env.HOTLINE_APP_KEY, appSecret: env.HOTLINE_APP_SECRET },
      );
      expect((reply.body?.data as { orders: unknown[] }).orders).toHaveLength(2);
      // Connecting again (a restarted BFF) does not file the demo orders twice.
      sims.connect(receiver.url);
      expect(sims.hotline.orders()).toHaveLength(2);
    } finally {
      await sims.close();
      await receiver.close();
    }
  });
});

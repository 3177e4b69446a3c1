// The government simulators as `npm start` runs them: in the launcher's process, on free ports,
// with fresh random credentials per start, pushing to the BFF once its address is known.
import { randomBytes } from 'node:crypto';
import { GOV_CALLBACK_PATHS } from './cli-config';
import { startCitySim } from './city-sim';
import { DEMO_HOTLINE_ORDERS } from './demo-orders';
import { startHotlineSim } from './hotline-sim';
import type { CitySim, HotlineSim } from './types';

export interface GovStackSims {
  hotline: HotlineSim;
  city: CitySim;
  /**
   * Points both simulators' pushes at the BFF, files the demo orders (their pushes retry for about
   * two minutes while the BFF starts; the pull job catches anything later) and returns the BFF env.
   */
  connect(bffOrigin: string): Record<string, string>;
  close(): Promise<void>;
}

const secret = () => randomBytes(24).toString('base64url');

/** Starts both simulators; nothing keeps the process alive on their account. */
export async function startGovSimsForStack(
  host: string,
  demoOrders = DEMO_HOTLINE_ORDERS.length,
): Promise<GovStackSims> {
  const hotlineCreds = { appKey: `hotline-${randomBytes(4).toString('hex')}`, appSecret: secret() };
  const cityCreds = { appKey: `city-${randomBytes(4).toString('hex')}`, appSecret: secret() };
  const push = { maxAttempts: 8, baseDelayMs: 1000 };
  const hotline = await startHotlineSim({
    host,
    port: 0,
    ...hotlineCreds,
    unref: true,
    push,
    seed: Date.now() % 2 ** 31,
  });
  const city = await startCitySim({ host, port: 0, ...cityCreds, unref: true, push, seed: Date.now() % 2 ** 31 });
  let connected = false;
  return {
    hotline,
    city,
    connect(bffOrigin) {
      const base = bffOrigin.replace(/\/$/, '');
      hotline.setPushUrl(base + GOV_CALLBACK_PATHS.hotline);
      city.setPushUrl(base + GOV_CALLBACK_PATHS.city);
      if (!connected)
        for (let i = 0; i < demoOrders; i += 1)
          hotline.createOrder(DEMO_HOTLINE_ORDERS[i % DEMO_HOTLINE_ORDERS.length]);
      connected = true;
      return {
        HOTLINE_API_BASE: hotline.url,
        HOTLINE_APP_KEY: hotlineCreds.appKey,
        HOTLINE_APP_SECRET: hotlineCreds.appSecret,
        CITY_API_BASE: city.url,
        CITY_APP_KEY: cityCreds.appKey,
        CITY_APP_SECRET: cityCreds.appSecret,
      };
    },
    close: async () => {
      await Promise.all([hotline.close(), city.close()]);
    },
  };
}

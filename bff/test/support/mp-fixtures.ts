import type { WechatSim } from '../../../scripts/sim/wechat';
import { devLoginCode, TEST_APPID, TestApp } from './test-app';

export interface MpFixture {
  id: string;
  auth: string;
  refreshToken: string;
}

/** Signs a simulator identity in to the mini-program API. */
export async function mpLogin(t: TestApp, identity: string, nickname = '测试居民'): Promise<MpFixture> {
  const res = await t
    .http()
    .post('/api/mp/auth/login')
    .send({ code: await devLoginCode(t.sim, identity), nickname });
  if (res.status !== 200) throw new Error(`mp login of ${identity} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.data.user.id,
    auth: `Bearer ${res.body.data.accessToken}`,
    refreshToken: res.body.data.refreshToken,
  };
}

/** A getPhoneNumber code from the simulator, as the phone button gives the mini-program. */
export async function devPhoneCode(sim: WechatSim, phoneNumber: string, countryCode?: string): Promise<string> {
  const res = await fetch(`${sim.url}/__dev/phone-code`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ appid: TEST_APPID, phoneNumber, ...(countryCode ? { countryCode } : {}) }),
  });
  const body = (await res.json()) as { code?: string };
  if (!body.code) throw new Error(`simulator refused a phone code: ${JSON.stringify(body)}`);
  return body.code;
}

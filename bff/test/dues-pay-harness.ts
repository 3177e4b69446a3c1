// Shared by bff/test/dues-pay-*.test.ts: the WeChat Pay simulator with one throwaway merchant, and our client
// configured against it in either key mode (the way the BFF will be: base URL = the simulator's).
import { dev, MERCHANT, startReceiver, startSim } from '../../scripts/sim/wechatpay/test-helpers';
import type { KeyMode, WechatPaySim } from '../../scripts/sim/wechatpay';
import { WechatPayClient, type ClientOptions } from '../src/modules/dues/pay/wechat-pay.client';
import type { WechatPaySettings } from '../src/modules/dues/pay/wechat-pay.types';

export { dev, MERCHANT, startReceiver, startSim };

export function settingsFor(
  sim: WechatPaySim,
  notifyUrl: string,
  overrides: Partial<WechatPaySettings> = {},
): WechatPaySettings {
  const platform = sim.platform();
  return {
    mchid: MERCHANT.mchid,
    appid: MERCHANT.appid,
    serialNo: MERCHANT.serialNo,
    privateKeyPem: MERCHANT.privateKeyPem,
    apiV3Key: MERCHANT.apiV3Key,
    baseUrl: sim.url,
    notifyUrl,
    maxSkewSeconds: 300,
    timeoutMs: 5000,
    publicKey: sim.mode === 'publicKey' ? { id: platform.serial, pem: platform.publicKeyPem } : undefined,
    ...overrides,
  };
}

export function clientFor(
  sim: WechatPaySim,
  notifyUrl: string,
  overrides: Partial<WechatPaySettings> = {},
  options: ClientOptions = {},
): WechatPayClient {
  return new WechatPayClient(settingsFor(sim, notifyUrl, overrides), options);
}

let seq = 0;
/** A fresh out_trade_no in WeChat Pay's alphabet. */
export function tradeNo(prefix = 'DUES'): string {
  seq += 1;
  return `${prefix}${Date.now()}${seq}`.slice(0, 32);
}

export type { KeyMode, WechatPaySim };

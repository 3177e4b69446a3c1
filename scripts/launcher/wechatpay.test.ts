import { createSign, createVerify } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './dev-env';
import { startPaySimForStack, type StackPaySim } from './wechatpay';

const APPID = 'wx0000000000000001';

/** What the BFF does with the files the env names: verify a platform signature, sign as the merchant. */
function verifiesWithPublicKeyFile(paySim: StackPaySim, path: string): boolean {
  const message = '1700000000\nnonce\n{"ok":true}\n';
  const signature = createSign('RSA-SHA256').update(message).sign(paySim.platform().privateKeyPem, 'base64');
  return createVerify('RSA-SHA256').update(message).verify(readFileSync(path, 'utf8'), signature, 'base64');
}

describe('the WeChat Pay simulator in the stack', () => {
  it('gives the BFF a complete public-key-mode environment whose files match the running simulator', async () => {
    const paySim = await startPaySimForStack({ host: '127.0.0.1', port: 0, appid: APPID });
    try {
      const env = paySim.env('http://127.0.0.1:7001/');
      expect(env.WECHATPAY_NOTIFY_URL).toBe('http://127.0.0.1:7001/api/callbacks/wechatpay/payment');
      expect(env.WECHATPAY_BASE_URL).toBe(paySim.url);
      expect(env.WECHATPAY_APPID).toBe(APPID);
      expect(env.WECHATPAY_MCHID).toBe(paySim.merchant.mchid);
      expect(env.WECHATPAY_SERIAL_NO).toBe(paySim.merchant.serialNo);
      expect(env.WECHATPAY_APIV3_KEY).toHaveLength(32);
      expect(env.WECHATPAY_PUBLIC_KEY_ID).toBe(paySim.platform().serial);
      expect(env.WECHATPAY_PUBLIC_KEY_ID).toMatch(/^PUB_KEY_ID_\d+$/);
      expect(readFileSync(env.WECHATPAY_PRIVATE_KEY_PATH, 'utf8')).toBe(paySim.merchant.privateKeyPem);
      expect(verifiesWithPublicKeyFile(paySim, env.WECHATPAY_PUBLIC_KEY_PATH)).toBe(true);
      const health = await fetch(`${paySim.url}/__dev/health`);
      expect(((await health.json()) as { mode: string }).mode).toBe('publicKey');
    } finally {
      await paySim.close();
    }
    // Its own throwaway key directory goes with it.
    expect(existsSync(paySim.keyDir)).toBe(false);
  });

  it('in certificate mode names no public key, so the BFF downloads the platform certificates', async () => {
    const paySim = await startPaySimForStack({ host: '127.0.0.1', port: 0, appid: APPID, mode: 'platformCert' });
    try {
      const env = paySim.env('http://127.0.0.1:7001');
      expect(env.WECHATPAY_PUBLIC_KEY_ID).toBeUndefined();
      expect(env.WECHATPAY_PUBLIC_KEY_PATH).toBeUndefined();
      expect(paySim.sim.mode).toBe('platformCert');
    } finally {
      await paySim.close();
    }
  });

  it('keeps the keys of a given directory across starts (the demo restarts with the same merchant)', async () => {
    const dir = mkdtempSync(join(repoRoot, 'var/wechatpay-test-'));
    try {
      const first = await startPaySimForStack({ host: '127.0.0.1', port: 0, appid: APPID, keyDir: dir });
      const before = { env: first.env('http://x'), platform: first.platform().serial };
      await first.close();
      expect(existsSync(join(dir, 'merchant.json'))).toBe(true);
      const second = await startPaySimForStack({ host: '127.0.0.1', port: 0, appid: APPID, keyDir: dir });
      try {
        const after = second.env('http://x');
        expect(second.platform().serial).toBe(before.platform);
        expect(after.WECHATPAY_SERIAL_NO).toBe(before.env.WECHATPAY_SERIAL_NO);
        expect(after.WECHATPAY_APIV3_KEY).toBe(before.env.WECHATPAY_APIV3_KEY);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

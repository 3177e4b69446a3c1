// The WECHATPAY_* environment: off when unset, validated together when any is set, key files read at start.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from '@zhili/shared';
import { newPlatformKey } from '../../scripts/sim/wechatpay/keys';
import { duesEnv, wechatPayEnvProblems } from '../src/modules/dues/dues.config';
import { rfc3339Beijing } from '../src/modules/dues/pay/wechat-pay.client';
import { wechatPaySettingsFrom } from '../src/modules/dues/pay/wechat-pay.settings';

const schema = z.object(duesEnv);
const dir = mkdtempSync(join(tmpdir(), 'dues-pay-'));
const merchantKey = newPlatformKey('publicKey', Date.now());
writeFileSync(join(dir, 'apiclient_key.pem'), merchantKey.privateKeyPem);
writeFileSync(join(dir, 'wechatpay_public_key.pem'), merchantKey.publicKeyPem);
writeFileSync(join(dir, 'junk.pem'), 'not a key');

const complete = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_PRIVATE_KEY_PATH: join(dir, 'apiclient_key.pem'),
  WECHATPAY_APIV3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
  WECHATPAY_NOTIFY_URL: 'https://zhili.example.cn/api/callbacks/wechatpay',
};

describe('WECHATPAY_* environment', () => {
  it('leaves payments off when nothing is set (empty strings count as unset)', () => {
    const env = schema.parse({ WECHATPAY_MCHID: '', WECHATPAY_APIV3_KEY: '  ', WECHATPAY_PUBLIC_KEY_PATH: '' });
    expect(env.WECHATPAY_BASE_URL).toBe('https://api.mch.weixin.qq.com');
    expect(wechatPayEnvProblems(env)).toEqual([]);
    expect(wechatPaySettingsFrom(env)).toBeNull();
  });

  it('names every missing variable once any is set', () => {
    const env = schema.parse({ WECHATPAY_MCHID: '1900000109' });
    const problems = wechatPayEnvProblems(env);
    expect(problems.join('\n')).toMatch(/WECHATPAY_SERIAL_NO is required/);
    expect(problems.join('\n')).toMatch(/WECHATPAY_APIV3_KEY is required/);
    expect(problems.join('\n')).toMatch(/WECHATPAY_APPID \(or WECHAT_APPID\)/);
    expect(() => wechatPaySettingsFrom(env)).toThrow(/WeChat Pay configuration: .*WECHATPAY_NOTIFY_URL/);
  });

  it('checks each value', () => {
    const result = schema.safeParse({
      ...complete,
      WECHATPAY_APIV3_KEY: 'short',
      WECHATPAY_PUBLIC_KEY_ID: 'KEY1',
      WECHATPAY_BASE_URL: 'nope',
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/WECHATPAY_APIV3_KEY must be exactly 32 characters/);
    expect(messages).toMatch(/PUB_KEY_ID_/);
    expect(messages).toMatch(/WECHATPAY_BASE_URL must be a URL/);
  });

  it('wants the public key id and file together', () => {
    const env = schema.parse({
      ...complete,
      WECHAT_APPID: undefined,
      WECHATPAY_APPID: 'wxd678efh567hg6787',
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000',
    });
    expect(wechatPayEnvProblems(env)).toEqual([
      'WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY_PATH go together (public-key mode)',
    ]);
  });

  it('reads the key files: platform-certificate mode without a public key, public-key mode with one', () => {
    const certMode = wechatPaySettingsFrom({ ...schema.parse(complete), WECHAT_APPID: 'wx0123456789abcdef' });
    expect(certMode).toMatchObject({
      appid: 'wx0123456789abcdef',
      mchid: '1900000109',
      publicKey: undefined,
      maxSkewSeconds: 300,
    });
    expect(certMode!.privateKeyPem).toContain('PRIVATE KEY');
    const keyMode = wechatPaySettingsFrom(
      schema.parse({
        ...complete,
        WECHATPAY_APPID: 'wxd678efh567hg6787',
        WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000',
        WECHATPAY_PUBLIC_KEY_PATH: join(dir, 'wechatpay_public_key.pem'),
      }),
    );
    expect(keyMode).toMatchObject({ appid: 'wxd678efh567hg6787', publicKey: { id: 'PUB_KEY_ID_0114232134912410000' } });
  });

  it('stops with the variable and path when a key file is missing or not a key', () => {
    const base = { ...schema.parse(complete), WECHAT_APPID: 'wx0123456789abcdef' };
    expect(() => wechatPaySettingsFrom({ ...base, WECHATPAY_PRIVATE_KEY_PATH: join(dir, 'absent.pem') })).toThrow(
      /WECHATPAY_PRIVATE_KEY_PATH: cannot read .*absent\.pem \(ENOENT\)/,
    );
    expect(() => wechatPaySettingsFrom({ ...base, WECHATPAY_PRIVATE_KEY_PATH: join(dir, 'junk.pem') })).toThrow(
      /WECHATPAY_PRIVATE_KEY_PATH: .*junk\.pem is not a valid PEM key/,
    );
  });
});

describe('rfc3339Beijing', () => {
  it('writes time_expire in Beijing time with its offset', () => {
    expect(rfc3339Beijing(new Date('2026-12-07T16:30:05.123Z'))).toBe('2026-12-08T00:30:05+08:00');
  });
});

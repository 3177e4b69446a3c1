import { decryptPush, encryptPush, wxSignature } from './push-crypto';
import { connectPushToBff, generatePushSecrets } from './push-secrets';
import type { PushTarget } from './types';

describe('push crypto', () => {
  it('matches the signature examples of the message-push guide', () => {
    // developers.weixin.qq.com message-push: Token "AAAAA".
    expect(wxSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
    expect(wxSignature('AAAAA', '1714037059', '486452656')).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78');
  });

  it('round-trips safe-mode encryption with 32-byte PKCS#7 blocks', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    for (const message of ['', '{"a":1}', '中文'.repeat(40)]) {
      const encrypted = encryptPush(key, 'wxapp', message);
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
      expect(decryptPush(key, encrypted)).toEqual({ message, appid: 'wxapp' });
    }
    expect(() => encryptPush('short', 'wxapp', 'x')).toThrow(/43/);
  });
});

describe('launcher wiring', () => {
  it('generates valid secrets and points the simulator at the BFF callback', () => {
    const secrets = generatePushSecrets();
    expect(secrets.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(secrets.aesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(decryptPush(secrets.aesKey, encryptPush(secrets.aesKey, 'wx1', 'hi')).message).toBe('hi');
    let target: PushTarget | null = null;
    const env = connectPushToBff({ setPush: (t) => (target = t) }, secrets, 'http://127.0.0.1:7001/');
    expect(target).toEqual({
      url: 'http://127.0.0.1:7001/api/callbacks/wechat',
      token: secrets.token,
      aesKey: secrets.aesKey,
    });
    expect(env).toEqual({
      WECHAT_PUSH_TOKEN: secrets.token,
      WECHAT_PUSH_AES_KEY: secrets.aesKey,
      PUBLIC_BASE_URL: 'http://127.0.0.1:7001',
    });
  });
});

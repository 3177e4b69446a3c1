import { ConfigError, loadEnv } from './env';

const valid = {
  JWT_SECRET: 'x'.repeat(32),
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'a'.repeat(32),
  PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k1',
  PII_HMAC_KEY: Buffer.alloc(32, 2).toString('base64'),
};

describe('environment validation at start', () => {
  it('applies the embedded defaults when only the secrets are given', () => {
    const env = loadEnv(valid);
    expect(env).toMatchObject({
      PORT: 7001,
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:var/zhili.sqlite',
      WECHAT_API_BASE: 'https://api.weixin.qq.com',
      ACCESS_TOKEN_TTL_SEC: 900,
    });
    expect(env.REDIS_URL).toBeUndefined();
    // X-Forwarded-For is ignored unless a trusted proxy is declared.
    expect(env.TRUST_PROXY).toBe(false);
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ ...valid, REDIS_URL: '', PORT: '' }).PORT).toBe(7001);
  });

  it('lists every problem at once, one message per bad or missing value', () => {
    let error: unknown;
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x', REDIS_URL: 'localhost:6379', WECHAT_APPID: 'abc' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET']) {
      expect(problems).toContain(name);
    }
    expect(problems).toContain(
      'DATABASE_URL must be mysql://user:pass@host:3306/db (mariadb:// for MariaDB) or sqlite:<path>',
    );
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadEnv({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});

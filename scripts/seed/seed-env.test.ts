import { seedEnv } from './seed-env';

/** `npm run seed` must seal with the keys the BFF of `npm start` will open with. */
describe('seedEnv', () => {
  const secrets = {
    JWT_SECRET: 'j'.repeat(40),
    WECHAT_APPID: 'wx0000000000000001',
    WECHAT_SECRET: 's'.repeat(32),
    PII_KEYS: 'dev1:AAAA',
    PII_ACTIVE_KEY_ID: 'dev1',
    PII_HMAC_KEY: 'HMAC',
  };

  it('uses the checkout secrets and the default SQLite database when nothing is configured', () => {
    expect(seedEnv({}, secrets)).toMatchObject({
      DATABASE_URL: 'sqlite:var/zhili.sqlite',
      PII_KEYS: 'dev1:AAAA',
      PII_ACTIVE_KEY_ID: 'dev1',
      PII_HMAC_KEY: 'HMAC',
      JWT_SECRET: secrets.JWT_SECRET,
    });
  });

  it('keeps a configured database and a complete configured PII key set', () => {
    const env = seedEnv(
      {
        DATABASE_URL: 'mariadb://u:p@db:3306/zhili',
        PII_KEYS: 'prod:BBBB',
        PII_ACTIVE_KEY_ID: 'prod',
        PII_HMAC_KEY: 'H2',
      },
      secrets,
    );
    expect(env).toMatchObject({
      DATABASE_URL: 'mariadb://u:p@db:3306/zhili',
      PII_KEYS: 'prod:BBBB',
      PII_ACTIVE_KEY_ID: 'prod',
      PII_HMAC_KEY: 'H2',
    });
  });

  it('never mixes a partial configured key set with the checkout keys', () => {
    const env = seedEnv({ PII_KEYS: 'prod:BBBB' }, secrets);
    expect(env).toMatchObject({ PII_KEYS: 'dev1:AAAA', PII_ACTIVE_KEY_ID: 'dev1', PII_HMAC_KEY: 'HMAC' });
  });
});

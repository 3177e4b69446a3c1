import { CODE_TTL_MS } from './codes';
import { TOKEN_TTL_MS } from './tokens';
import { APP_A, APP_B, stableToken, startHarness, tokenOf, type Harness } from './test-helpers';

const PATH = '/wxa/business/getuserphonenumber';

describe('POST /wxa/business/getuserphonenumber', () => {
  let h: Harness;
  let token: string;
  beforeEach(async () => {
    h = await startHarness();
    token = tokenOf(await stableToken(h));
  });
  afterEach(() => h.close());

  async function phoneCode(phoneNumber: string, appid = APP_A.appid, countryCode?: string): Promise<string> {
    const reply = await h.post('/__dev/phone-code', { appid, phoneNumber, ...(countryCode ? { countryCode } : {}) });
    expect(reply.status).toBe(200);
    return String(reply.body.code);
  }
  const redeem = (code: string, accessToken = token) => h.post(PATH, { code }, { access_token: accessToken });

  it('returns phone_info with the watermark of the issuing moment', async () => {
    const issuedAt = h.now();
    const code = await phoneCode('13800138000');
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    h.advance(61_000);
    const reply = await redeem(code);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: Math.floor(issuedAt / 1000), appid: APP_A.appid },
      },
    });
  });

  it('prefixes foreign numbers with their country code', async () => {
    const reply = await redeem(await phoneCode('91234567', APP_A.appid, '852'));
    expect(reply.body.phone_info).toMatchObject({
      phoneNumber: '+85291234567',
      purePhoneNumber: '91234567',
      countryCode: '852',
    });
  });

  it('rejects used, expired, unknown and other-app codes with 40029', async () => {
    const code = await phoneCode('13800138000');
    expect((await redeem(code)).body.errcode).toBe(0);
    expect((await redeem(code)).body.errcode).toBe(40029);

    const stale = await phoneCode('13800138001');
    h.advance(CODE_TTL_MS);
    expect((await redeem(stale)).body.errcode).toBe(40029);

    expect((await redeem('f'.repeat(64))).body.errcode).toBe(40029);
    const otherApp = await phoneCode('13800138002', APP_B.appid);
    expect((await redeem(otherApp)).body.errcode).toBe(40029);
  });

  it('rejects a missing (41001), invalid (40001) or expired (42001) access_token', async () => {
    const code = await phoneCode('13800138000');
    expect((await h.post(PATH, { code })).body.errcode).toBe(41001);
    expect((await redeem(code, 'bogus-token')).body.errcode).toBe(40001);
    // Token failures do not consume the code.
    expect((await redeem(code)).body.errcode).toBe(0);

    h.advance(TOKEN_TTL_MS);
    const expired = await redeem(await phoneCode('13800138001'));
    expect(expired.body.errcode).toBe(42001);
    expect(expired.body.errmsg).toMatch(/^access_token expired, rid: /);
  });

  it('rejects malformed bodies (47001), empty bodies (44002), a missing code (41008) and GET (43002)', async () => {
    const post = (body: string) => h.post(PATH, body, { access_token: token });
    expect((await post('{code:')).body.errcode).toBe(47001);
    expect((await post('{"code":42}')).body.errcode).toBe(47001);
    expect((await post('')).body.errcode).toBe(44002);
    expect((await post('{}')).body.errcode).toBe(41008);
    expect((await h.get(PATH, { access_token: token })).body.errcode).toBe(43002);
  });
});

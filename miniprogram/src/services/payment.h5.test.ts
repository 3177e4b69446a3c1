import { requests, resetTaroMock, respondWith } from '../../test/taro-mock';
import { openPaymentSheet, PAY_SIM_URL_OVERRIDE_KEY, paySimulatorBase } from './payment.h5';

const params = {
  appId: 'wx0000000000000001',
  timeStamp: '1796615100',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx07100500abc',
  signType: 'RSA' as const,
  paySign: 'c2lnbmF0dXJl',
};
const context = { outTradeNo: 'D1', returnPath: '/party/pages/dues/index?order=D1' };

/** The bits of `window` the stand-in touches: storage, where the page is, and leaving it. */
function fakeWindow(stored: Record<string, string> = {}) {
  const assigned: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.window = {
    localStorage: { getItem: (key: string) => stored[key] ?? null },
    location: {
      protocol: 'http:',
      hostname: '127.0.0.1',
      origin: 'http://127.0.0.1:7001',
      pathname: '/h5/',
      assign: (url: string) => assigned.push(url),
    },
  };
  return assigned;
}

const g = globalThis as Record<string, unknown>;

describe('the h5 stand-in for the payment sheet', () => {
  beforeEach(() => {
    resetTaroMock();
    g.ZHILI_DEV_LOGIN = true;
  });
  afterEach(() => {
    g.ZHILI_DEV_LOGIN = false;
    delete g.window;
  });

  it('has the simulator check the signed parameters, then leaves for its payment page and comes back', async () => {
    const assigned = fakeWindow({ [PAY_SIM_URL_OVERRIDE_KEY]: 'http://127.0.0.1:48123/' });
    respondWith(() => ({ statusCode: 200, data: { ok: true, pay_page: '/__dev/pay-page?prepay_id=wx07100500abc' } }));
    await expect(openPaymentSheet(params, context)).resolves.toEqual({ kind: 'left' });
    expect(requests[0]).toMatchObject({ url: 'http://127.0.0.1:48123/__dev/request-payment', method: 'POST' });
    expect(requests[0].data).toEqual(params);
    expect(assigned).toEqual([
      'http://127.0.0.1:48123/__dev/pay-page?prepay_id=wx07100500abc&return_url=' +
        encodeURIComponent('http://127.0.0.1:7001/h5/#/party/pages/dues/index?order=D1'),
    ]);
  });

  it('stays on the page when the simulator refuses the parameters or cannot be reached', async () => {
    const assigned = fakeWindow();
    respondWith(() => ({ statusCode: 400, data: { error: { code: 'BAD_PAY_SIGN', message: 'x' } } }));
    await expect(openPaymentSheet(params, context)).resolves.toMatchObject({ kind: 'failed' });
    respondWith(() => {
      throw new Error('ECONNREFUSED');
    });
    await expect(openPaymentSheet(params, context)).resolves.toMatchObject({ kind: 'failed' });
    expect(assigned).toEqual([]);
    expect(paySimulatorBase()).toBe('http://127.0.0.1:7005');
  });

  it('cannot pay in a plain h5 build (no dev login): no request, a clear reason', async () => {
    g.ZHILI_DEV_LOGIN = false;
    fakeWindow();
    await expect(openPaymentSheet(params, context)).resolves.toEqual({
      kind: 'failed',
      message: '浏览器中无法使用微信支付，请在微信小程序中缴纳',
    });
    expect(requests).toEqual([]);
  });
});

import Taro from '@tarojs/taro';
import type { RequestPaymentVO } from '@zhili/shared/client';
import { isCancelErrMsg, openPaymentSheet } from './payment';

const params: RequestPaymentVO = {
  appId: 'wx0000000000000001',
  timeStamp: '1796615100',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx07100500abc',
  signType: 'RSA',
  paySign: 'c2lnbmF0dXJl',
};
const context = { outTradeNo: 'D1', returnPath: '/party/pages/dues/index?order=D1' };

type Mutable = { requestPayment?: (opts: unknown) => Promise<unknown> };

describe('the WeChat payment sheet', () => {
  afterEach(() => delete (Taro as unknown as Mutable).requestPayment);

  it('passes the signed parameters through unchanged and reports a submitted sheet', async () => {
    const calls: unknown[] = [];
    (Taro as unknown as Mutable).requestPayment = (opts) => {
      calls.push(opts);
      return Promise.resolve({ errMsg: 'requestPayment:ok' });
    };
    await expect(openPaymentSheet(params, context)).resolves.toEqual({ kind: 'submitted' });
    const { appId: _appId, ...wxParams } = params;
    expect(calls).toEqual([wxParams]);
  });

  it('tells a closed sheet from a failure', async () => {
    (Taro as unknown as Mutable).requestPayment = () => Promise.reject({ errMsg: 'requestPayment:fail cancel' });
    await expect(openPaymentSheet(params, context)).resolves.toEqual({ kind: 'cancelled' });
    (Taro as unknown as Mutable).requestPayment = () => Promise.reject({ errMsg: 'requestPayment:fail 签名错误' });
    await expect(openPaymentSheet(params, context)).resolves.toMatchObject({ kind: 'failed' });
    expect(isCancelErrMsg('requestPayment:fail cancel')).toBe(true);
    expect(isCancelErrMsg(undefined)).toBe(false);
  });
});

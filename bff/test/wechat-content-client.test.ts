import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TestApp } from './support/test-app';
import { WechatApiError, WechatClient } from '../src/modules/wechat';
import { simOpenid } from '../../scripts/sim/wechat';

const backend = currentBackend();
const OPENID = simOpenid(TEST_APPID, 'content-client');
const TEMPLATE = 'sim_tmpl_case_accepted';
const DATA = {
  character_string1: { value: 'SP20260301-0001' },
  thing2: { value: '道路破损' },
  phrase3: { value: '已受理' },
  time4: { value: '2026-03-01 09:30' },
  thing5: { value: '感谢您的反映' },
};

describe(`WechatClient content security and subscribe messages on ${backend.name}`, () => {
  let t: TestApp;
  let wechat: WechatClient;

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false' });
    wechat = await t.get(WechatClient);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function simPost(path: string, body: object): Promise<void> {
    const res = await fetch(`${t.sim.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  const injectFault = (path: string, errcode: number, times = 1) => simPost('/__dev/faults', { path, errcode, times });
  const calls = (path: string) => t.simRequests.filter((r) => r.path === path).length;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (err: unknown) => err as WechatApiError,
    );

  it('checks text: pass, review and risky verdicts with a trace id', async () => {
    const pass = await wechat.msgSecCheck({ openid: OPENID, content: '小区门口路灯不亮', scene: 3 });
    expect(pass).toEqual({ suggest: 'pass', label: '100', traceId: expect.stringMatching(/^[0-9a-f-]{26}$/) });
    expect((await wechat.msgSecCheck({ openid: OPENID, content: '【测试复核】', scene: 3 })).suggest).toBe('review');
    expect(await wechat.msgSecCheck({ openid: OPENID, content: '【测试违规】', scene: 3 })).toMatchObject({
      suggest: 'risky',
      label: '20001',
    });
  });

  it.each([40001, 42001])('refreshes the token once on %i and succeeds', async (errcode) => {
    const tokenFetches = calls('/cgi-bin/stable_token');
    await injectFault('/wxa/msg_sec_check', errcode);
    expect((await wechat.msgSecCheck({ openid: OPENID, content: '正常内容', scene: 3 })).suggest).toBe('pass');
    expect(calls('/cgi-bin/stable_token')).toBe(tokenFetches + 1);

    await injectFault('/cgi-bin/message/subscribe/send', errcode);
    await simPost('/__dev/subscribe', { appid: TEST_APPID, openid: OPENID, templateIds: [TEMPLATE] });
    await wechat.sendSubscribeMessage({ touser: OPENID, templateId: TEMPLATE, page: 'pages/index/index', data: DATA });
    expect(calls('/cgi-bin/stable_token')).toBe(tokenFetches + 2);
  });

  it('retries msg_sec_check once on "system busy", and reports an outage as WECHAT_UNAVAILABLE', async () => {
    await injectFault('/wxa/msg_sec_check', -1);
    expect((await wechat.msgSecCheck({ openid: OPENID, content: '正常', scene: 3 })).suggest).toBe('pass');

    await simPost('/__dev/outage', { down: true });
    const down = await failure(wechat.msgSecCheck({ openid: OPENID, content: '正常', scene: 3 }));
    expect(down).toBeInstanceOf(WechatApiError);
    expect(down).toMatchObject({ code: 'WECHAT_UNAVAILABLE', errcode: null });
    await simPost('/__dev/outage', { down: false });

    await t.sim.setAvailability('refused');
    try {
      expect(
        await failure(wechat.mediaCheckAsync({ openid: OPENID, mediaUrl: 'http://127.0.0.1:1/x.jpg', scene: 3 })),
      ).toMatchObject({
        code: 'WECHAT_UNAVAILABLE',
        errcode: null,
      });
    } finally {
      await t.sim.setAvailability('up');
    }
  });

  it('starts media checks and gets a trace id; bad input surfaces WeChat’s errcode', async () => {
    const { traceId } = await wechat.mediaCheckAsync({
      openid: OPENID,
      mediaUrl: `${t.url}/api/files/none.jpg`,
      scene: 3,
    });
    expect(traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(
      await failure(wechat.mediaCheckAsync({ openid: 'not-an-openid', mediaUrl: `${t.url}/x.jpg`, scene: 3 })),
    ).toMatchObject({ errcode: 40003 });
  });

  it('sends subscribe messages once per subscription; 43101 and validation errors carry the errcode', async () => {
    const user = simOpenid(TEST_APPID, 'subscriber');
    const refused = await failure(wechat.sendSubscribeMessage({ touser: user, templateId: TEMPLATE, data: DATA }));
    expect(refused).toBeInstanceOf(WechatApiError);
    expect(refused?.errcode).toBe(43101);

    await simPost('/__dev/subscribe', { appid: TEST_APPID, openid: user, templateIds: [TEMPLATE] });
    expect(await failure(wechat.sendSubscribeMessage({ touser: user, templateId: 'nope', data: DATA }))).toMatchObject({
      errcode: 40037,
    });
    const tooLong = { ...DATA, thing2: { value: '这个问题类型的名称实在是太长了超过了二十个字的限制' } };
    expect(
      await failure(wechat.sendSubscribeMessage({ touser: user, templateId: TEMPLATE, data: tooLong })),
    ).toMatchObject({ errcode: 47003 });

    await wechat.sendSubscribeMessage({
      touser: user,
      templateId: TEMPLATE,
      page: 'pages/case/detail?id=1',
      data: DATA,
    });
    expect(t.sim.subscribeMessages(user)).toEqual([
      expect.objectContaining({
        template_id: TEMPLATE,
        page: 'pages/case/detail?id=1',
        data: DATA,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      }),
    ]);
    expect(
      (await failure(wechat.sendSubscribeMessage({ touser: user, templateId: TEMPLATE, data: DATA })))?.errcode,
    ).toBe(43101);
  });
});

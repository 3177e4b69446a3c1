import { simOpenid } from './identity';
import { APP_A, APP_B, callWithToken, startHarness, type Harness } from './test-helpers';

const OPENID = simOpenid(APP_A.appid, 'alice');
const TEMPLATE = 'sim_tmpl_case_accepted';
const DATA = {
  character_string1: { value: 'SP20260301-0001' },
  thing2: { value: '路灯损坏' },
  phrase3: { value: '已受理' },
  time4: { value: '2026-03-01 09:30' },
  thing5: { value: '我们会尽快处理' },
};

describe('subscribeMessage.send', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const send = (body: Record<string, unknown>, app = APP_A) =>
    callWithToken(
      h,
      '/cgi-bin/message/subscribe/send',
      { touser: OPENID, template_id: TEMPLATE, page: 'pages/case/detail?id=1', data: DATA, ...body } as never,
      app,
    );
  const grant = (templateIds: string[], who: Record<string, string> = { identity: 'alice' }) =>
    h.post('/__dev/subscribe', { appid: APP_A.appid, ...who, templateIds });

  it('sends one message per granted subscription, then answers 43101', async () => {
    expect((await send({})).body.errcode).toBe(43101);
    const granted = await grant([TEMPLATE, TEMPLATE.replace('accepted', 'resolved')]);
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({ openid: OPENID, granted: { [TEMPLATE]: 1, sim_tmpl_case_resolved: 1 } });
    expect(granted.headers.get('access-control-allow-origin')).toBe('*');

    expect((await send({ miniprogram_state: 'developer' })).body).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await send({})).body.errcode).toBe(43101);
    // Quotas are per app: the same user in app B has none.
    expect((await send({}, APP_B)).body.errcode).toBe(43101);

    const log = await h.get('/__dev/subscribe-messages', { openid: OPENID });
    expect(log.body.messages).toEqual([
      expect.objectContaining({
        appid: APP_A.appid,
        touser: OPENID,
        template_id: TEMPLATE,
        page: 'pages/case/detail?id=1',
        data: DATA,
        miniprogram_state: 'developer',
        lang: 'zh_CN',
      }),
    ]);
    expect(h.sim.subscribeMessages()).toHaveLength(1);
    expect(h.sim.subscribeMessages(simOpenid(APP_A.appid, 'bob'))).toHaveLength(0);
  });

  it('validates the template, every field and the options (47003), consuming nothing', async () => {
    await grant([TEMPLATE]);
    expect((await send({ template_id: 'nope' })).body.errcode).toBe(40037);
    expect((await send({ touser: 'x' })).body.errcode).toBe(40003);
    const invalid = async (patch: Record<string, unknown>, hint: string): Promise<void> => {
      const reply = await send({ data: { ...DATA, ...patch } });
      expect(reply.body.errcode).toBe(47003);
      expect(String(reply.body.errmsg)).toContain(`argument invalid! ${hint}`);
    };
    await invalid(
      { thing2: { value: '这是一个超过二十个字的非常非常长的问题类型描述文字' } },
      'data.thing2.value invalid',
    );
    await invalid({ thing2: { value: '' } }, 'data.thing2.value is emtpy');
    await invalid({ thing2: undefined }, 'data.thing2.value is emtpy');
    await invalid({ phrase3: { value: '已经受理完毕了' } }, 'data.phrase3.value invalid');
    await invalid({ phrase3: { value: 'ok' } }, 'data.phrase3.value invalid');
    await invalid({ character_string1: { value: '编号1' } }, 'data.character_string1.value invalid');
    await invalid({ character_string1: { value: 'x'.repeat(33) } }, 'data.character_string1.value invalid');
    await invalid({ time4: { value: '2026/03/01' } }, 'data.time4.value invalid');
    await invalid({ time4: { value: 1700000000 } }, 'data.time4.value invalid');
    await invalid({ thing9: { value: 'x' } }, 'data.thing9 invalid');
    expect((await send({ miniprogram_state: 'beta' })).body.errcode).toBe(47003);
    expect((await send({ lang: 'fr' })).body.errcode).toBe(47003);
    expect((await send({ data: [] })).body.errcode).toBe(47001);
    // Other documented time forms are fine; the single quota is still there.
    expect((await send({ data: { ...DATA, time4: { value: '2026年3月1日 09:30' } } })).body.errcode).toBe(0);
  });

  it('checks the dev subscribe request', async () => {
    expect((await grant(['nope'])).status).toBe(400);
    expect((await grant([])).status).toBe(400);
    expect((await grant([TEMPLATE], {})).status).toBe(400);
    expect((await grant([TEMPLATE], { openid: OPENID })).body).toMatchObject({ openid: OPENID });
    expect((await h.post('/__dev/subscribe', { appid: 'wxnope', identity: 'a', templateIds: [TEMPLATE] })).status).toBe(
      400,
    );
  });
});

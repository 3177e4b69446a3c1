import { callWithToken, stableToken, startHarness, type Harness } from './test-helpers';

describe('taking the simulator down', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('answers every WeChat path with an HTML 5xx during an outage, dev paths still work', async () => {
    expect((await h.post('/__dev/outage', { down: true })).body).toMatchObject({ down: true, httpStatus: 503 });
    const res = await fetch(`${h.sim.url}/cgi-bin/stable_token`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('503');
    expect((await h.get('/__dev/health')).status).toBe(200);
    expect((await h.post('/__dev/outage', { down: 'yes' })).status).toBe(400);

    expect((await h.post('/__dev/outage', { down: false })).body).toEqual({ down: false });
    expect((await stableToken(h)).status).toBe(200);

    // A timed outage ends on the simulator's clock: no sleeping, no race with a busy machine.
    await h.post('/__dev/outage', { down: true, httpStatus: 502, forMs: 50 });
    expect(await callWithToken(h, '/wxa/msg_sec_check', {}).catch(() => null)).toBeNull();
    h.advance(49);
    expect((await fetch(`${h.sim.url}/cgi-bin/stable_token`, { method: 'POST', body: '{}' })).status).toBe(502);
    h.advance(1);
    expect((await stableToken(h)).status).toBe(200);
  });

  it('refuses connections while "refused" and serves again on the same port', async () => {
    await h.sim.setAvailability('refused');
    await expect(fetch(`${h.sim.url}/__dev/health`)).rejects.toThrow();
    await h.sim.setAvailability('up');
    await h.sim.setAvailability('up');
    expect((await h.get('/__dev/health')).status).toBe(200);
  });
});

import { parseGovSimConfig } from './cli-config';

const base = {
  HOTLINE_APP_KEY: 'hk',
  HOTLINE_APP_SECRET: 'h'.repeat(16),
  CITY_APP_KEY: 'ck',
  CITY_APP_SECRET: 'c'.repeat(16),
};

describe('gov simulator CLI config', () => {
  it('uses defaults with just the credentials', () => {
    expect(parseGovSimConfig(base)).toEqual({
      ok: true,
      config: {
        host: '127.0.0.1',
        hotline: { port: 7003, appKey: 'hk', appSecret: 'h'.repeat(16) },
        city: { port: 7004, appKey: 'ck', appSecret: 'c'.repeat(16) },
        pushBase: null,
        latencyMs: 0,
        failureRate: 0,
        seed: 1,
        demoOrders: 2,
      },
    });
  });

  it('reads faults, ports and the push origin', () => {
    const parsed = parseGovSimConfig({
      ...base,
      GOV_SIM_FAILURE_RATE: '0.25',
      HOTLINE_SIM_PORT: '0',
      GOV_SIM_PUSH_BASE: 'http://127.0.0.1:7001',
    });
    expect(parsed).toMatchObject({
      ok: true,
      config: { failureRate: 0.25, hotline: { port: 0 }, pushBase: 'http://127.0.0.1:7001' },
    });
  });

  it.each([
    [{ HOTLINE_APP_KEY: undefined }, /HOTLINE_APP_KEY/],
    [{ CITY_APP_SECRET: 'short' }, /at least 16/],
    [{ GOV_SIM_FAILURE_RATE: '2' }, /GOV_SIM_FAILURE_RATE/],
    [{ CITY_SIM_PORT: 'x' }, /CITY_SIM_PORT/],
    [{ GOV_SIM_PUSH_BASE: 'http://127.0.0.1:7001/api' }, /origin/],
  ])('refuses %j', (patch, message) => {
    const parsed = parseGovSimConfig({ ...base, ...patch });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

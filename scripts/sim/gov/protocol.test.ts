import { FaultInjector, seededRandom } from './faults';
import { beijingIso, sign, stringToSign } from './protocol';

describe('gov simulator protocol helpers', () => {
  it('signs the documented known-answer vector (docs/GOV-PROTOCOL.md §2.2)', () => {
    const canonical = stringToSign(
      'POST',
      '/open/api/v1/hotline/orders/query',
      'demo',
      '1795000000000',
      '0123456789abcdef',
      '{}',
    );
    expect(sign('s3cr3t-s3cr3t-s3cr3t', canonical)).toBe(
      '425cda8f1a22a204a73b3d83d707423a529ec80daa5353ff3d78d665b0b3cb73',
    );
  });

  it('writes Beijing time with its offset', () => {
    expect(beijingIso(Date.UTC(2026, 10, 22, 1, 30, 0))).toBe('2026-11-22T09:30:00+08:00');
  });

  it('draws the same faults for the same seed, and none at rate 0', () => {
    const draws = (seed: number) => {
      const f = new FaultInjector(seed, { failureRate: 0.3 });
      return Array.from({ length: 50 }, () => f.next());
    };
    expect(draws(9)).toEqual(draws(9));
    expect(draws(9)).not.toEqual(draws(10));
    expect(new Set(draws(9))).toEqual(new Set(['ok', 'error', 'gateway', 'hang']));
    const quiet = new FaultInjector(1, {});
    expect(Array.from({ length: 20 }, () => quiet.next()).every((k) => k === 'ok')).toBe(true);
    expect(seededRandom(1)()).toBeGreaterThanOrEqual(0);
  });

  it('refuses settings out of range', () => {
    expect(() => new FaultInjector(1, { failureRate: 1.5 })).toThrow(/failureRate/);
    expect(() => new FaultInjector(1, {}).update({ latencyMs: -1 })).toThrow(/latencyMs/);
  });
});

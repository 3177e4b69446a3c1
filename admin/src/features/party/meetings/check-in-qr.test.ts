import { describe, expect, it } from 'vitest';
import { countdownText, refreshDelay, retryDelay, secondsLeft } from './check-in-qr';

const t0 = Date.parse('2026-12-06T08:00:00.000Z');
const in2min = '2026-12-06T08:02:00.000Z';

describe('check-in QR timing', () => {
  it('fetches the next token 20 s before the current one expires', () => {
    expect(refreshDelay(in2min, t0)).toBe(100_000);
    expect(refreshDelay(in2min, t0 + 60_000)).toBe(40_000);
  });

  it('never schedules faster than every 5 s, also for an expired or unreadable expiry', () => {
    expect(refreshDelay(in2min, t0 + 110_000)).toBe(5_000);
    expect(refreshDelay(in2min, t0 + 10 * 60_000)).toBe(5_000);
    expect(refreshDelay('not a date', t0)).toBe(5_000);
  });

  it('counts down whole seconds, rounding up, and stops at zero', () => {
    expect(secondsLeft(in2min, t0)).toBe(120);
    expect(secondsLeft(in2min, t0 + 500)).toBe(120);
    expect(secondsLeft(in2min, t0 + 119_001)).toBe(1);
    expect(secondsLeft(in2min, t0 + 121_000)).toBe(0);
    expect(secondsLeft('x', t0)).toBe(0);
    // A browser clock 3 s behind the BFF's still shows at most the token's lifetime.
    expect(secondsLeft(in2min, t0 - 3_000)).toBe(120);
  });

  it('shows the countdown as m:ss', () => {
    expect(countdownText(120)).toBe('2:00');
    expect(countdownText(65)).toBe('1:05');
    expect(countdownText(9)).toBe('0:09');
    expect(countdownText(-3)).toBe('0:00');
  });

  it('backs off after failures: 2 s, 4 s, 8 s, then 15 s', () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 15_000, 15_000]);
  });
});

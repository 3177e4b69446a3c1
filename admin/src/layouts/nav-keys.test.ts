import { describe, expect, it } from 'vitest';
import { navMove } from './nav-keys';

const at = (index: number, extra: Partial<{ isGroup: boolean; inGroup: boolean }> = {}) => ({
  index,
  count: 4,
  isGroup: false,
  inGroup: false,
  ...extra,
});

describe('navMove', () => {
  it('steps up and down through the visible entries, wrapping at the ends', () => {
    expect(navMove('ArrowDown', at(1))).toEqual({ kind: 'focus', index: 2 });
    expect(navMove('ArrowDown', at(3))).toEqual({ kind: 'focus', index: 0 });
    expect(navMove('ArrowUp', at(0))).toEqual({ kind: 'focus', index: 3 });
    expect(navMove('Home', at(2))).toEqual({ kind: 'focus', index: 0 });
    expect(navMove('End', at(0))).toEqual({ kind: 'focus', index: 3 });
  });

  it('opens groups with → and closes them (or returns to them) with ←; links ignore →', () => {
    expect(navMove('ArrowRight', at(1, { isGroup: true }))).toEqual({ kind: 'open' });
    expect(navMove('ArrowRight', at(1))).toEqual({ kind: 'none' });
    expect(navMove('ArrowLeft', at(2, { inGroup: true }))).toEqual({ kind: 'close' });
    expect(navMove('ArrowLeft', at(1, { isGroup: true }))).toEqual({ kind: 'close' });
    expect(navMove('ArrowLeft', at(0))).toEqual({ kind: 'none' });
  });

  it('leaves other keys (Tab, Enter, letters) to the browser', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a']) expect(navMove(key, at(1))).toEqual({ kind: 'none' });
  });
});

import { memoryStore } from '../../services/key-value-store';
import { createDisplayStore } from './display-store';
import { elderKey } from './elder-preference';
import { ELDER_SCALE, effectiveScale, fontTokens, MAX_SCALE, systemScale, tapTokens, tokenPx } from './scale';

describe('the size scale follows the system font setting', () => {
  it('takes WeChat fontSizeScaleFactor as it is', () => {
    expect(systemScale({ fontSizeScaleFactor: 1 })).toBe(1);
    expect(systemScale({ fontSizeScaleFactor: 1.4 })).toBe(1.4);
    // A factor wins over the px setting that may come with it.
    expect(systemScale({ fontSizeScaleFactor: 1.12, fontSizeSetting: 16 })).toBe(1.12);
  });

  it('derives the factor from fontSizeSetting (px, 16 = standard) on clients without the factor', () => {
    expect(systemScale({ fontSizeSetting: 16 })).toBe(1);
    expect(systemScale({ fontSizeSetting: 20 })).toBe(1.25);
    expect(systemScale({ fontSizeSetting: 32 })).toBe(2);
    // h5 reports NaN; a missing or broken setting means the standard size.
    expect(systemScale({ fontSizeSetting: Number.NaN })).toBe(1);
    expect(systemScale({ fontSizeScaleFactor: 0 })).toBe(1);
    expect(systemScale({})).toBe(1);
    expect(systemScale(null)).toBe(1);
  });

  it('never shrinks below the standard size and stops at 200 %', () => {
    expect(systemScale({ fontSizeScaleFactor: 0.85 })).toBe(1);
    expect(systemScale({ fontSizeSetting: 12 })).toBe(1);
    expect(systemScale({ fontSizeScaleFactor: 3.1 })).toBe(MAX_SCALE);
  });
});

describe('长辈模式 raises the scale', () => {
  it('lifts the standard size to the elder scale: body text and even the smallest text at least 18 px', () => {
    expect(effectiveScale(1, true)).toBe(ELDER_SCALE);
    expect(tokenPx(fontTokens.body, effectiveScale(1, true))).toBeGreaterThanOrEqual(18);
    expect(tokenPx(fontTokens.caption, effectiveScale(1, true))).toBeGreaterThanOrEqual(18);
    expect(tokenPx(fontTokens.body, effectiveScale(1, false))).toBe(16);
  });

  it('keeps a larger system setting instead of lowering it', () => {
    expect(effectiveScale(1.6, true)).toBe(1.6);
    expect(effectiveScale(1.1, true)).toBe(ELDER_SCALE);
    expect(effectiveScale(1.3, true)).toBe(1.3);
    expect(effectiveScale(2.5, false)).toBe(MAX_SCALE);
  });

  it('makes every target at least 44 px and key actions 60 px in 长辈模式', () => {
    expect(tokenPx(tapTokens.min, 1)).toBe(44);
    expect(tokenPx(tapTokens.key, 1)).toBe(44);
    expect(tokenPx(tapTokens.elderKey, effectiveScale(1, true))).toBeGreaterThanOrEqual(60);
    // Targets grow with the text: at 200 % a 44 px target is 88 px.
    expect(tokenPx(tapTokens.min, effectiveScale(2, false))).toBe(88);
  });
});

describe('display store', () => {
  let font = { fontSizeScaleFactor: 1 };
  const readFont = () => font;
  beforeEach(() => {
    font = { fontSizeScaleFactor: 1 };
  });

  it('remembers 长辈模式 per user and applies it when that user signs in again', () => {
    const store = memoryStore();
    const display = createDisplayStore(store, readFont);
    expect(display.get()).toMatchObject({ scale: 1, elder: false, userId: null });

    display.setUser('u-old');
    display.setElder(true);
    expect(display.get()).toMatchObject({ scale: ELDER_SCALE, elder: true });
    expect(store.data.get(elderKey('u-old'))).toBe(true);

    // Another person on the same phone starts without it…
    display.setUser('u-young');
    expect(display.get()).toMatchObject({ elder: false, scale: 1 });
    // …and the first one gets it back.
    display.setUser('u-old');
    expect(display.get().elder).toBe(true);
  });

  it('starts a new launch with the last user’s choice before the profile has loaded', () => {
    const store = memoryStore();
    const first = createDisplayStore(store, readFont);
    first.setUser('u-old');
    first.setElder(true);
    const relaunched = createDisplayStore(store, readFont);
    expect(relaunched.get()).toMatchObject({ userId: 'u-old', elder: true, scale: ELDER_SCALE });
  });

  it('turning 长辈模式 off forgets it and goes back to the system size', () => {
    const store = memoryStore();
    const display = createDisplayStore(store, readFont);
    display.setUser('u1');
    display.setElder(true);
    display.setElder(false);
    expect(store.data.has(elderKey('u1'))).toBe(false);
    expect(display.get().scale).toBe(1);
  });

  it('follows a changed system setting on refresh and tells its listeners once per change', () => {
    const display = createDisplayStore(memoryStore(), readFont);
    const seen: number[] = [];
    const stop = display.subscribe(() => seen.push(display.get().scale));
    font = { fontSizeScaleFactor: 1.5 };
    display.refreshSystem();
    display.refreshSystem();
    expect(seen).toEqual([1.5]);
    stop();
    font = { fontSizeScaleFactor: 2 };
    display.refreshSystem();
    expect(seen).toEqual([1.5]);
    expect(display.get().scale).toBe(2);
  });
});

import { resetTaroMock, storage } from '../../test/taro-mock';
import { createDisplayStore } from '../utils/a11y/display-store';
import { elderKey } from '../utils/a11y/elder-preference';
import { ELDER_SCALE } from '../utils/a11y/scale';
import { taroStore } from './key-value-store';
import { clearAllForLogout, getSession, hasLoggedOut, saveTokens } from './session';

const readFont = () => ({ fontSizeScaleFactor: 1 });

describe('退出登录', () => {
  beforeEach(() => resetTaroMock());

  it('forgets the session and everything cached on the device, but keeps each person’s 长辈模式', () => {
    saveTokens({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    storage.set('zhili.case.outbox', [{ key: 'k1' }]);
    storage.set('zhili.case.draft.u-old', { description: '草稿' });
    storage.set(elderKey('u-old'), true);
    storage.set(elderKey('u-other'), true);
    storage.set('zhili.elder.lastUser', 'u-old');

    clearAllForLogout();

    expect(getSession()).toBeNull();
    expect(hasLoggedOut()).toBe(true);
    expect(storage.has('zhili.case.outbox')).toBe(false);
    expect(storage.has('zhili.case.draft.u-old')).toBe(false);
    expect(storage.get(elderKey('u-old'))).toBe(true);
    expect(storage.get(elderKey('u-other'))).toBe(true);
    expect(storage.get('zhili.elder.lastUser')).toBe('u-old');
  });

  it('on → 退出登录 → the same person signs in again (a new launch): 长辈模式 is still on', () => {
    const before = createDisplayStore(taroStore, readFont);
    before.setUser('u-old');
    before.setElder(true);

    clearAllForLogout();
    // The next launch, before anyone has signed in, keeps the sizes of the last person…
    const relaunched = createDisplayStore(taroStore, readFont);
    expect(relaunched.get()).toMatchObject({ elder: true, scale: ELDER_SCALE });
    // …and once they are signed in again their choice holds; someone else gets their own.
    relaunched.setUser('u-old');
    expect(relaunched.get()).toMatchObject({ elder: true, scale: ELDER_SCALE });
    relaunched.setUser('u-young');
    expect(relaunched.get()).toMatchObject({ elder: false, scale: 1 });
  });
});

import Taro from '@tarojs/taro';
import { DEV_IDENTITY_KEY, simulatorBase, testIdentities } from './dev-login';

/**
 * h5 has no requestSubscribeMessage. In the dev-login test build the user's 允许 is stood in for by
 * the WeChat simulator (`POST /__dev/subscribe`), so the BFF's later subscribe/send calls have quota
 * exactly as on a phone. Without the dev login (a plain h5 build) nothing is subscribed.
 */

function identityFor(nickname: string): string | null {
  const stored = window.localStorage.getItem(DEV_IDENTITY_KEY);
  if (stored) return stored;
  return testIdentities.find((t) => t.nickname === nickname)?.identity ?? null;
}

export async function requestSubscriptions(templateIds: string[], who: { nickname: string }): Promise<string[]> {
  if (!ZHILI_DEV_LOGIN || templateIds.length === 0) return [];
  const identity = identityFor(who.nickname);
  if (!identity) return [];
  try {
    const res = await Taro.request<{ granted?: Record<string, unknown> }>({
      url: `${simulatorBase()}/__dev/subscribe`,
      method: 'POST',
      data: { appid: ZHILI_WECHAT_APPID, identity, templateIds },
      header: { 'Content-Type': 'application/json' },
      dataType: 'json',
    });
    const granted = res.statusCode === 200 && typeof res.data === 'object' && res.data?.granted ? res.data.granted : {};
    return templateIds.filter((id) => id in granted);
  } catch {
    return [];
  }
}

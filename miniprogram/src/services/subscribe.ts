import Taro from '@tarojs/taro';

/**
 * Asks for WeChat subscribe messages (办理进度通知). Must run inside the user's tap: WeChat refuses
 * requestSubscribeMessage otherwise. Resolves the ids the user accepted ([] when refused or failed).
 * Taro resolves subscribe.h5.ts instead of this file in h5 builds.
 */
export async function requestSubscriptions(templateIds: string[], _who: { nickname: string }): Promise<string[]> {
  if (templateIds.length === 0) return [];
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<
      string,
      string
    >;
    return templateIds.filter((id) => res[id] === 'accept');
  } catch {
    return [];
  }
}

import Taro from '@tarojs/taro';
import { classifyWxFailure } from './wx-errors';

/**
 * Calls to WeChat's privacy-protected APIs (location, camera/album) with the consent flow WeChat
 * requires: the privacy agreement first (`requirePrivacyAuthorize` shows WeChat's own sheet), then
 * the API; a refused agreement (errno 104/112) is explained with a 重试, a refused permission
 * leads to the settings page. Resolves null when the user backed out.
 */

const weapp = process.env.TARO_ENV === 'weapp';

/** Resolves true when the privacy agreement is accepted (always in h5, which has none). */
function requirePrivacy(): Promise<boolean> {
  if (!weapp || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return res.confirm;
  } catch {
    return false;
  }
}

function explainPrivacy(what: string, undeclared: boolean): Promise<boolean> {
  const content = undeclared
    ? `当前版本的小程序未声明${what}的用途，暂时无法使用。请稍后重试或更新微信。`
    : `需要您同意《用户隐私保护指引》后才能${what}。我们只把这些信息用于办理您上报的问题。`;
  return confirm('需要您的同意', content, '重试');
}

/** Permission refused earlier: WeChat will not ask again, only the settings page can change it. */
export async function guideToSettings(what: string): Promise<void> {
  if (!weapp) {
    await Taro.showModal({
      title: '无法使用',
      content: `浏览器未允许${what}，请在浏览器的网站设置中允许后重试。`,
      showCancel: false,
    });
    return;
  }
  if (await confirm('需要授权', `您之前拒绝了${what}的授权。请在设置中打开后重试。`, '去设置')) {
    try {
      await Taro.openSetting();
    } catch {
      // The settings page could not open; nothing more we can do here.
    }
  }
}

/**
 * Runs `call` (e.g. `() => Taro.getLocation(...)`) after the privacy agreement. `what` completes
 * "才能…" / "…的授权", e.g. 获取您的位置. Rethrows failures that are neither consent nor cancel,
 * and `unsupported` ones, so the caller can fall back.
 */
export async function withConsent<T>(what: string, call: () => Promise<T>): Promise<T | null> {
  for (;;) {
    if (!(await requirePrivacy())) {
      if (await explainPrivacy(what, false)) continue;
      return null;
    }
    try {
      return await call();
    } catch (error) {
      const kind = classifyWxFailure(error);
      if (kind === 'cancelled') return null;
      if (kind === 'privacy' || kind === 'privacy-undeclared') {
        if (await explainPrivacy(what, kind === 'privacy-undeclared')) continue;
        return null;
      }
      if (kind === 'denied') {
        await guideToSettings(what);
        return null;
      }
      throw error;
    }
  }
}

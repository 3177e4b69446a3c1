import Taro from '@tarojs/taro';
import { routes } from './routes';

/**
 * weapp: a page that does not exist (an old share card or scan code after a route was renamed)
 * would open WeChat's blank "页面不存在"; start over at home instead. Failures of navigateTo itself
 * (subpackage download offline) are reported by utils/navigate.ts's fail callback.
 */
export function installNavigationGuard(): void {
  Taro.onPageNotFound(() => {
    void Taro.reLaunch({ url: routes.home }).then(() =>
      Taro.showToast({ title: '页面不存在，已回到首页', icon: 'none' }),
    );
  });
}

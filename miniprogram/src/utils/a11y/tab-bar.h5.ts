/**
 * h5: Taro's router draws the tab bar (首页 / 我的) as links whose only sign of the current page is
 * a red label and icon. Tell screen readers which one is current (aria-current="page", kept in step
 * whenever the bar re-renders) and name the bar as the app's navigation; styles/h5.css adds a bar
 * and bold underlined text for sighted users.
 */
const CURRENT_CLASS = 'weui-bar__item_on';

function sync(tabBar: Element): void {
  const bar = tabBar.querySelector('.weui-tabbar');
  if (bar && bar.getAttribute('role') !== 'navigation') {
    bar.setAttribute('role', 'navigation');
    bar.setAttribute('aria-label', '主导航');
  }
  for (const item of Array.from(tabBar.querySelectorAll('.weui-tabbar__item'))) {
    const current = item.classList.contains(CURRENT_CLASS);
    if (current && item.getAttribute('aria-current') !== 'page') item.setAttribute('aria-current', 'page');
    if (!current && item.hasAttribute('aria-current')) item.removeAttribute('aria-current');
  }
}

function watch(tabBar: Element): void {
  sync(tabBar);
  // Only class changes and new items matter; our own aria-current writes do not wake the observer.
  new MutationObserver(() => sync(tabBar)).observe(tabBar, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}

export function installTabBarA11y(): void {
  const existing = document.querySelector('taro-tabbar');
  if (existing) return watch(existing);
  // The router adds the bar after the app module has run (and only on tab pages' first show).
  const observer = new MutationObserver(() => {
    const tabBar = document.querySelector('taro-tabbar');
    if (!tabBar) return;
    observer.disconnect();
    watch(tabBar);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
}

/**
 * h5: Taro's router draws the navigation bar as plain divs: the back arrow is an unnamed 24 px div
 * a keyboard cannot reach, and the page title is not a heading. Once the bar exists, name its
 * parts, make the icons buttons (Enter / Space press them) and the title the page's h1.
 */
const BUTTONS: [selector: string, label: string][] = [
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '返回首页'],
];

function enhance(bar: HTMLElement): void {
  bar.setAttribute('role', 'banner');
  for (const [selector, label] of BUTTONS) {
    const button = bar.querySelector<HTMLElement>(selector);
    if (!button || button.hasAttribute('role')) continue;
    button.setAttribute('role', 'button');
    button.setAttribute('aria-label', label);
    button.tabIndex = 0;
    button.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      button.click();
    });
  }
  const title = bar.querySelector<HTMLElement>('.taro-navigation-bar-title');
  title?.setAttribute('role', 'heading');
  title?.setAttribute('aria-level', '1');
  bar.querySelector('.taro-navigation-bar-loading')?.setAttribute('aria-hidden', 'true');
}

export function installNavigationBarA11y(): void {
  const existing = document.getElementById('taro-navigation-bar');
  if (existing) return enhance(existing);
  // The router adds the bar after the app module has run.
  const observer = new MutationObserver(() => {
    const bar = document.getElementById('taro-navigation-bar');
    if (!bar) return;
    observer.disconnect();
    enhance(bar);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
}

import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * Waits until the page has stopped moving: no finite CSS animation or transition running (Taro's
 * page slide-in, Element Plus dialog fades; endless spinners do not count) and every image in view
 * loaded. Screenshots taken then show the screen a person would see, not a frame of a transition.
 * `ignore`: CSS animation names (prefixes, as scoped styles add a suffix) worth capturing mid-way,
 * e.g. a highlight that marks a row that just arrived.
 */
export async function settle(page: Page, ignore: string[] = []): Promise<void> {
  await page.waitForFunction((ignored) => {
    const moving = document.getAnimations().some((a) => {
      if (a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity) return false;
      const name = (a as CSSAnimation).animationName;
      return !(typeof name === 'string' && ignored.some((prefix) => name.startsWith(prefix)));
    });
    if (moving) return false;
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        r.bottom > 0 &&
        r.right > 0 &&
        r.top < window.innerHeight &&
        r.left < window.innerWidth
      );
    };
    return Array.from(document.images).every(
      (img) => !img.currentSrc || !inView(img) || (img.complete && img.naturalWidth > 0),
    );
  }, ignore);
}

/** `settle`, then a full-page screenshot into the artifacts dir. */
export async function settledScreenshot(page: Page, name: string, ignore: string[] = []): Promise<string> {
  await settle(page, ignore);
  return screenshot(page, name);
}

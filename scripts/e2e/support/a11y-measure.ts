import type { Page } from 'playwright-core';

/**
 * Presses Tab until the focused element is (or sits inside) `selector`, as a keyboard user would
 * move there; fails when `maxTabs` presses never reach it. Resolves with the number of presses.
 */
export async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<number> {
  for (let presses = 1; presses <= maxTabs; presses += 1) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => {
      const active = document.activeElement;
      return Boolean(active && active !== document.body && active.closest(sel));
    }, selector);
    if (reached) return presses;
  }
  throw new Error(`Tab never reached ${selector} in ${maxTabs} presses`);
}

/** What the keyboard focus is on now, in words a failure message can use. */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '(nothing)';
    return `${el.tagName.toLowerCase()} role=${el.getAttribute('role')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  });
}

export interface Clipped {
  selector: string;
  text: string;
  scroll: [number, number];
  client: [number, number];
}

/**
 * Titles and controls of the visible page whose content does not fit their box (more content than
 * room: scrollWidth / scrollHeight above clientWidth / clientHeight) or that stick out of the
 * viewport sideways. Inline elements (no box of their own) are measured by their nearest block.
 */
export function clippedElements(page: Page, selectors: string[]): Promise<Clipped[]> {
  return page.evaluate((sels) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const found: Clipped[] = [];
    for (const sel of sels) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        if (!visible(el)) continue;
        const box = el.clientHeight > 0 ? el : (el.parentElement ?? el);
        const rect = el.getBoundingClientRect();
        const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
        const offScreen = rect.right > window.innerWidth + 1 || rect.left < -1;
        if (overflows || offScreen) {
          found.push({
            selector: sel,
            text: (el.textContent ?? '').trim().slice(0, 40),
            scroll: [box.scrollWidth, box.scrollHeight],
            client: [box.clientWidth, box.clientHeight],
          });
        }
      }
    }
    return found;
  }, selectors);
}

/** Computed font size (px) and box height (px) of the first element matching `selector`. */
export function measure(page: Page, selector: string): Promise<{ fontSize: number; height: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => ({
      fontSize: parseFloat(getComputedStyle(el).fontSize),
      height: el.getBoundingClientRect().height,
    }));
}

/** `data-test` (or id) of the element that has the keyboard focus, '' for none. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    return el.getAttribute('data-test') ?? el.id ?? '';
  });
}

/**
 * Contrast ratio (WCAG 2.x) of the placeholder text of the field `selector` against the nearest
 * opaque background behind it. axe does not check placeholders, so the tests measure them.
 */
export function placeholderContrast(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((field) => {
      const rgba = (css: string): [number, number, number, number] => {
        const n = (css.match(/[\d.]+/g) ?? []).map(Number);
        return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n.length > 3 ? n[3] : 1];
      };
      const luminance = ([r, g, b]: number[]) => {
        const lin = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      let background: [number, number, number, number] = [255, 255, 255, 1];
      for (let el: Element | null = field; el; el = el.parentElement) {
        const bg = rgba(getComputedStyle(el).backgroundColor);
        if (bg[3] > 0.99) {
          background = bg;
          break;
        }
      }
      const fg = rgba(getComputedStyle(field, '::placeholder').color);
      // A translucent placeholder colour (or opacity) blends into the background.
      const opacity = fg[3] * Number(getComputedStyle(field, '::placeholder').opacity || 1);
      const blended = [0, 1, 2].map((i) => fg[i] * opacity + background[i] * (1 - opacity));
      const [light, dark] = [luminance(blended), luminance(background)].sort((a, b) => b - a);
      return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
    });
}

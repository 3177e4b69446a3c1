import type { SystemFontInfo } from './scale';

/**
 * h5: the browser's default font size stands for WeChat's setting (WeChat's own browser maps its
 * 字体大小 onto it, and so do a desktop browser's settings). Taro sets the root font size in px for
 * its rem units, so the root cannot tell us; an element sized `medium` still resolves to the
 * user's default. 16 px is the browsers' standard.
 */
export function readSystemFont(): SystemFontInfo {
  if (typeof document === 'undefined' || !document.body) return {};
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;';
  document.body.appendChild(probe);
  const px = parseFloat(window.getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(px) ? { fontSizeSetting: px } : {};
}

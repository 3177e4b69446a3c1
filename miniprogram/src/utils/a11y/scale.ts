/**
 * The one size scale of the mini-program. Every font size and tap target in our CSS is a token
 * (app.css) multiplied by `--zl-scale`; this module decides that number. Pure, so it is unit-tested.
 *
 * - WeChat's font-size setting (我-设置-通用-字体大小) arrives as `fontSizeScaleFactor` (1 = 标准) from
 *   getAppBaseInfo, or only as `fontSizeSetting` (px, 16 = 标准) on older base libraries; in h5 the
 *   browser's default font size plays that part (system-font.h5.ts).
 * - 长辈模式 raises the scale to at least ELDER_SCALE (body text 16 px → 20.8 px, the smallest
 *   text 14 px → 18.2 px) and never lowers a larger system setting.
 * - The scale never goes below 1 (a smaller system font must not shrink text under 16 px or targets
 *   under 44 px) nor above MAX_SCALE (200 %, the largest WeChat offers with room to spare).
 */

/** 标准 in WeChat's font settings, in px. */
export const STANDARD_FONT_PX = 16;
export const ELDER_SCALE = 1.3;
export const MAX_SCALE = 2;

export interface SystemFontInfo {
  fontSizeScaleFactor?: number;
  fontSizeSetting?: number;
}

const usable = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/** Rounded to 0.01 so equal settings give equal CSS (and React sees no change). */
const round = (n: number): number => Math.round(n * 100) / 100;

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return round(Math.min(MAX_SCALE, Math.max(1, scale)));
}

/** The factor the user chose in WeChat (or the browser); 1 when nothing usable is reported. */
export function systemScale(info: SystemFontInfo | null | undefined): number {
  if (!info) return 1;
  if (usable(info.fontSizeScaleFactor)) return clampScale(info.fontSizeScaleFactor);
  if (usable(info.fontSizeSetting)) return clampScale(info.fontSizeSetting / STANDARD_FONT_PX);
  return 1;
}

/** The scale the pages use: the system's, raised to ELDER_SCALE in 长辈模式. */
export function effectiveScale(system: number, elder: boolean): number {
  const base = clampScale(system);
  return elder ? clampScale(Math.max(base, ELDER_SCALE)) : base;
}

/** Design sizes (750-wide design units, i.e. twice CSS px on a 375 px phone) the tokens start from. */
export const fontTokens = {
  caption: 28,
  body: 32,
  title: 36,
  heading: 40,
  display: 48,
} as const;

/**
 * Tap targets in design units, multiplied by the scale like the fonts (app.css): 44 px at the
 * standard size; in 长辈模式 (scale ≥ ELDER_SCALE) key actions use `elderKey`, 96 × 1.3 → 62 px.
 */
export const tapTokens = { min: 88, key: 88, elderKey: 96 } as const;

/** CSS px (on the 375 px reference phone) a token ends up at with `scale`. */
export function tokenPx(designUnits: number, scale: number): number {
  return round((designUnits / 2) * scale);
}

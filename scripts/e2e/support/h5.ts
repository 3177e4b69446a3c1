import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser';

/**
 * `selector` on the H5 page in view: Taro's router slides a new page in from the right and marks it
 * `taro_page_stationed` once it has arrived (earlier pages stay in the DOM, hidden). Wait on this
 * before a screenshot, or the shot catches the page half-way in.
 */
export const onScreen = (page: Page, selector: string, hasText?: string) =>
  page.locator(`.taro_page_stationed:not([style*="display: none"]) ${selector}`, hasText ? { hasText } : {});

/** Phone-sized pages for the H5 build. */
export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 } as const;

/**
 * Opens the H5 build in `context` and signs in through the WeChat simulator's dev login as one of
 * its demo identities (zhangsan, lisi, wangwu); resolves on the home page greeting.
 */
export async function h5DevLogin(
  context: BrowserContext,
  urls: { bffUrl: string; simUrl: string },
  identity: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((simUrl) => window.localStorage.setItem('zhili.dev.simUrl', simUrl), urls.simUrl);
  await page.goto(`${urls.bffUrl}/h5/`);
  await page.locator('#login-button').click();
  await page.locator(`#dev-login-${identity}`).click();
  await page.locator('#home-nickname').waitFor();
  return page;
}

/** A real JPEG drawn by the browser itself (so no binary fixture), saved under the artifacts dir. */
export async function drawJpeg(page: Page, name: string, label: string, color: string): Promise<string> {
  const dataUrl = await page.evaluate(
    ({ text, fill }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 480;
      canvas.height = 360;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = fill;
      ctx.fillRect(0, 0, 480, 360);
      ctx.fillStyle = '#ffffff';
      ctx.font = '40px sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(text, 240, 190);
      return canvas.toDataURL('image/jpeg', 0.85);
    },
    { text: label, fill: color },
  );
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.jpg`);
  writeFileSync(path, Buffer.from(dataUrl.split(',')[1], 'base64'));
  return path;
}

/** Taps 确定 on the Taro H5 `showModal` that is open now. */
export async function confirmTaroModal(page: Page): Promise<void> {
  await page.locator('.taro-model__confirm:visible').click();
}

/** The page's own access token (the H5 session in localStorage). */
export async function mpToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const value = window.localStorage.getItem(window.localStorage.key(i) ?? '') ?? '';
      const match = /"accessToken"\s*:\s*"([^"]+)"/.exec(value);
      if (match) return match[1];
    }
    return null;
  });
  if (!token) throw new Error('no mini-program session in localStorage');
  return token;
}

/** GET a mini-program route as the page's member; its `data`. */
export async function mpGet<T>(bffUrl: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${bffUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

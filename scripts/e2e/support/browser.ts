import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../launcher/dev-env';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Screenshots land here; CI keeps them as artifacts of the run. */
export const ARTIFACTS_DIR = join(repoRoot, 'var/e2e');

/**
 * Whether browser tests can run. Without Chromium they are skipped with a message — except under
 * CI=true, where a missing browser must fail the run, not silently pass it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium)`);
  }
  console.warn(`Chromium not found at ${CHROMIUM_PATH}: browser end-to-end tests are skipped.`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

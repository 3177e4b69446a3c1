import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The impacts that fail a page: the bar is "no critical or serious violation". */
const BLOCKING = new Set(['critical', 'serious']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the first offending nodes, enough to find them in the page. */
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, which include colour contrast and labels) over the page
 * as it is now and returns the critical and serious findings. Tests assert the list is empty, so the
 * failure message names each rule and where it fired.
 */
export async function blockingViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/**
 * ARIA for both builds from one description. h5 renders real DOM, where the role goes in `role`;
 * WeChat reads `aria-role` (aria-component), which config/weapp-aria-plugin.ts lets through.
 * Everything else is the same `aria-*` attribute on both. Booleans become "true" / "false".
 */
export const isH5 = process.env.TARO_ENV === 'h5';

export type A11yRole =
  | 'button'
  | 'link'
  | 'tab'
  | 'tablist'
  | 'tabpanel'
  | 'radio'
  | 'radiogroup'
  | 'switch'
  | 'heading'
  | 'img'
  | 'main'
  | 'region'
  | 'search'
  | 'group'
  | 'list'
  | 'listitem'
  | 'status'
  | 'alert';

export interface AriaOptions {
  role?: A11yRole;
  label?: string;
  /** Heading level (role heading). */
  level?: number;
  checked?: boolean;
  selected?: boolean;
  disabled?: boolean;
  /** Decorative: hidden from screen readers. */
  hidden?: boolean;
  live?: 'polite' | 'assertive';
  /** h5 only: the id of the element whose text names this one. */
  labelledBy?: string;
  /** h5 only: the id of the element whose text describes this one. */
  describedBy?: string;
}

export type AriaAttributes = Record<string, string>;

const flag = (value: boolean): string => (value ? 'true' : 'false');

export function aria(options: AriaOptions): AriaAttributes {
  const attrs: AriaAttributes = {};
  if (options.role) attrs[isH5 ? 'role' : 'aria-role'] = options.role;
  if (options.label) attrs['aria-label'] = options.label;
  if (options.level !== undefined) attrs['aria-level'] = String(options.level);
  if (options.checked !== undefined) attrs['aria-checked'] = flag(options.checked);
  if (options.selected !== undefined) attrs['aria-selected'] = flag(options.selected);
  if (options.disabled) attrs['aria-disabled'] = 'true';
  if (options.hidden) attrs['aria-hidden'] = 'true';
  if (options.live) attrs['aria-live'] = options.live;
  if (isH5 && options.labelledBy) attrs['aria-labelledby'] = options.labelledBy;
  if (isH5 && options.describedBy) attrs['aria-describedby'] = options.describedBy;
  return attrs;
}

/** The keys that activate a control of `role` from the keyboard (h5). */
export function activationKeys(role: A11yRole): readonly string[] {
  if (role === 'link') return ['Enter'];
  if (role === 'switch') return [' ', 'Spacebar', 'Enter'];
  return ['Enter', ' ', 'Spacebar'];
}

/**
 * `{ id }` only when there is one: Taro's h5 components are web components, and an `id={undefined}`
 * would become the text "undefined" on every such element (duplicate ids).
 */
export function idProp(id: string | undefined): { id?: string } {
  return id ? { id } : {};
}

import { isH5 } from './aria';

/**
 * Names a field (<Input>, <Textarea>) after its visible label, not its placeholder: a placeholder
 * disappears while typing and is not read as a name everywhere. In h5 Taro's fields are web
 * components whose inner <input> / <textarea> takes attributes through `nativeProps`; in weapp
 * config/weapp-aria-plugin.ts lets `aria-label` through to WeChat's field.
 */
export function fieldLabel(label: string): { nativeProps: Record<string, string> } | Record<string, string> {
  return isH5 ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label };
}

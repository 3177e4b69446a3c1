import type { IPluginContext } from '@tarojs/service';
import weappAriaPatch from '../src/utils/a11y/weapp-aria.json';

/** The part of a mini-program platform this plugin touches (h5 has no template). */
interface TemplatePlatform {
  template?: { mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void };
}

/**
 * Lets `aria-role`, `aria-label`… set on View / Text / Input / Textarea reach WeChat, which reads
 * them since base library 2.7.1 (aria-component). Taro 4.2's weapp template passes none of them
 * through, so they are added to it here; src/utils/a11y/weapp-aria-runtime.ts tells the runtime
 * the same list (weapp-aria.json), because both number a component's attributes from one sorted
 * list and must agree. '' = no default value.
 */
export default function weappAriaPlugin(ctx: IPluginContext): void {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TemplatePlatform) {
      platform.template?.mergeComponents(ctx, weappAriaPatch);
    },
  });
}

import { mergeInternalComponents } from '@tarojs/shared';
import weappAriaPatch from './weapp-aria.json';

/**
 * weapp: the runtime must know the aria attributes the build added to the template
 * (config/weapp-aria-plugin.ts), or it would not send them. Imported first thing by app.ts, before
 * any page renders (the runtime reads the list once, at the first render).
 */
if (process.env.TARO_ENV !== 'h5') mergeInternalComponents(weappAriaPatch);

export {};

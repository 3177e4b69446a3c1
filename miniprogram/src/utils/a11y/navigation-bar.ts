/** weapp: WeChat's own navigation bar is native and named already. See navigation-bar.h5.ts. */
export function installNavigationBarA11y(): void {}

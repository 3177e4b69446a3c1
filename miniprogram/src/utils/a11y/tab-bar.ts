/** weapp: WeChat draws the tab bar natively and announces the selected tab itself. See tab-bar.h5.ts. */
export function installTabBarA11y(): void {}

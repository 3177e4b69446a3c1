// First: the weapp runtime must know the aria attributes before anything renders.
import './utils/a11y/weapp-aria-runtime';
import type { PropsWithChildren } from 'react';
// Registers the re-login handler of the request client before any page calls the BFF.
import './services/auth';
import './app.css';
import './styles/platform';
import './utils/a11y/display';
import { installNavigationBarA11y } from './utils/a11y/navigation-bar';
import { installTabBarA11y } from './utils/a11y/tab-bar';
import { installNavigationGuard } from './utils/navigation-guard';

// Once per launch: pages that fail to open show 重试 instead of nothing (utils/navigate.ts).
installNavigationGuard();
// h5: the router's navigation bar gets names, keyboard access and the page heading.
installNavigationBarA11y();
// h5: the tab bar says which tab is current, in words as well as colour.
installTabBarA11y();

function App({ children }: PropsWithChildren) {
  // children are the pages being rendered
  return children;
}

export default App;

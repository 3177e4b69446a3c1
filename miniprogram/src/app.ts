import type { PropsWithChildren } from 'react';
// Registers the re-login handler of the request client before any page calls the BFF.
import './services/auth';
import './app.css';
import './styles/platform';
import { installNavigationGuard } from './utils/navigation-guard';

// Once per launch: pages that fail to open show 重试 instead of nothing (utils/navigate.ts).
installNavigationGuard();

function App({ children }: PropsWithChildren) {
  // children are the pages being rendered
  return children;
}

export default App;

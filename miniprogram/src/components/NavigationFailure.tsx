import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import {
  currentNavigationFailure,
  dismissNavigationFailure,
  onNavigationFailure,
  retryNavigation,
} from '../utils/navigate';
import { ErrorState, OfflineState } from './StateView';
import './StateView.css';

/**
 * Covers the page when a page it opened could not be loaded (utils/navigate.ts): offline it says so
 * and offers 重试 (which opens the page once the network is back) and 返回.
 */
export function NavigationFailure() {
  const [failure, setFailure] = useState(currentNavigationFailure);
  useEffect(() => onNavigationFailure(setFailure), []);
  if (!failure) return null;
  return (
    <View className="nav-failure" id="nav-failure" data-url={failure.url}>
      {failure.offline ? (
        <OfflineState onRetry={() => void retryNavigation()} onClose={dismissNavigationFailure} />
      ) : (
        <ErrorState title="页面打开失败" message={failure.reason} onRetry={() => void retryNavigation()} />
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { Button, Skeleton } from '../ui/nutui';
import { aria } from './a11y/aria';
import { Tappable } from './a11y/Tappable';
import { Icon } from './Icon';
import './StateView.css';

/** Placeholder blocks while a page loads. */
export function LoadingSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className="state-skeleton" id="state-loading" {...aria({ role: 'status', label: '加载中' })}>
      <Skeleton rows={rows} animated visible={false} />
    </View>
  );
}

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  title?: string;
}

/** A failed load with the reason and a retry button. */
export function ErrorState({ message, onRetry, title = '加载失败' }: ErrorStateProps) {
  return (
    <View className="state-box" id="state-error" {...aria({ role: 'alert' })}>
      <View className="state-box__mark state-box__mark--error">
        <Icon name="error" className="state-box__icon" />
      </View>
      <Text className="state-box__title">{title}</Text>
      <Text className="state-box__desc">{message}</Text>
      <Button id="state-retry" type="primary" size="small" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

/** No connection: what to do about it, and a retry once the network is back. */
export function OfflineState({ onRetry, onClose }: { onRetry: () => void; onClose?: () => void }) {
  return (
    <View className="state-box" id="state-offline" {...aria({ role: 'alert' })}>
      <View className="state-box__mark">
        <Icon name="offline" className="state-box__icon" />
      </View>
      <Text className="state-box__title">网络不可用，请检查网络后重试</Text>
      <Text className="state-box__desc">页面需要联网才能打开；恢复网络后点“重试”即可继续。</Text>
      <Button id="state-offline-retry" type="primary" size="small" onClick={onRetry}>
        重试
      </Button>
      {onClose ? (
        <Tappable className="state-box__link" id="state-offline-close" onPress={onClose}>
          返回
        </Tappable>
      ) : null}
    </View>
  );
}

interface EmptyStateProps {
  title: string;
  description?: string;
}

/** Nothing to show yet, said plainly. */
export function EmptyState({ title, description }: EmptyStateProps) {
  return (
    <View className="state-box state-box--empty">
      <View className="state-box__mark">
        <Icon name="empty" className="state-box__icon" />
      </View>
      <Text className="state-box__title">{title}</Text>
      {description ? <Text className="state-box__desc">{description}</Text> : null}
    </View>
  );
}

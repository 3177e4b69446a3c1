import { Text, View } from '@tarojs/components';
import { Button, Skeleton } from '../ui/nutui';
import './StateView.css';

/** Placeholder blocks while a page loads. */
export function LoadingSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className='state-skeleton' id='state-loading'>
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
    <View className='state-box' id='state-error'>
      <View className='state-box__mark state-box__mark--error'>!</View>
      <Text className='state-box__title'>{title}</Text>
      <Text className='state-box__desc'>{message}</Text>
      <Button id='state-retry' type='primary' size='small' onClick={onRetry}>
        重试
      </Button>
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
    <View className='state-box state-box--empty'>
      <View className='state-box__mark'>空</View>
      <Text className='state-box__title'>{title}</Text>
      {description ? <Text className='state-box__desc'>{description}</Text> : null}
    </View>
  );
}

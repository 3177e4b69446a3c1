import { Text, View } from '@tarojs/components';
import { aria } from '../../components/a11y/aria';
import { Heading } from '../../components/a11y/Heading';
import { Tappable } from '../../components/a11y/Tappable';
import type { OutboxEntry } from '../../services/case-outbox';
import { formatCaseTime } from '../../utils/case-view/case-format';
import './resident.css';

interface OutboxListProps {
  entries: OutboxEntry[];
  onRetry: (key: string) => void;
  onRemove: (key: string) => void;
}

/** Reports made offline, waiting on this phone (待发送), with 重试 / 删除 for refused ones. */
export function OutboxList({ entries, onRetry, onRemove }: OutboxListProps) {
  if (entries.length === 0) return null;
  return (
    <View className="section" data-test="outbox-list">
      <Heading>待发送（{entries.length}）</Heading>
      <View className="list-group">
        {entries.map((e) => (
          <View key={e.body.idempotencyKey} className="case-row" data-test="outbox-item" data-state={e.state}>
            <Text className="case-row__icon" {...aria({ hidden: true })}>
              {e.state === 'failed' ? '!' : '…'}
            </Text>
            <View className="case-row__main">
              <Text className="case-row__desc">{e.body.description}</Text>
              <Text className={e.state === 'failed' ? 'case-error' : 'case-row__meta'}>
                {e.state === 'failed'
                  ? `未能提交：${e.lastError ?? '未知原因'}`
                  : `网络恢复后自动提交 · 保存于 ${formatCaseTime(new Date(e.queuedAt).toISOString())}`}
              </Text>
              <View className="case-row__actions">
                <Tappable
                  className="case-row__action draft-notice__action"
                  onPress={() => onRetry(e.body.idempotencyKey)}
                >
                  立即重试
                </Tappable>
                <Tappable className="case-row__action case-muted" onPress={() => onRemove(e.body.idempotencyKey)}>
                  删除
                </Tappable>
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

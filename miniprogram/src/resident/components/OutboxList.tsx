import { Text, View } from '@tarojs/components';
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
      <Text className="section__title">待发送（{entries.length}）</Text>
      <View className="list-group">
        {entries.map((e) => (
          <View key={e.body.idempotencyKey} className="case-row" data-test="outbox-item" data-state={e.state}>
            <Text className="case-row__icon">{e.state === 'failed' ? '!' : '…'}</Text>
            <View className="case-row__main">
              <Text className="case-row__desc">{e.body.description}</Text>
              <Text className={e.state === 'failed' ? 'case-error' : 'case-row__meta'}>
                {e.state === 'failed'
                  ? `未能提交：${e.lastError ?? '未知原因'}`
                  : `网络恢复后自动提交 · 保存于 ${formatCaseTime(new Date(e.queuedAt).toISOString())}`}
              </Text>
              <View className="case-row__head">
                <Text className="draft-notice__action" onClick={() => onRetry(e.body.idempotencyKey)}>
                  立即重试
                </Text>
                <Text className="case-muted" onClick={() => onRemove(e.body.idempotencyKey)}>
                  删除
                </Text>
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

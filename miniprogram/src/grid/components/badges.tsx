import { Text, View } from '@tarojs/components';
import type { VisitDueStatus } from '@zhili/shared';
import './grid.css';

/** Words for a visit-due state, as a grid worker says them. */
export function dueLabel(status: VisitDueStatus, overdueDays: number): string {
  switch (status) {
    case 'overdue':
      return `逾期${overdueDays}天`;
    case 'due':
      return '今日应访';
    case 'upcoming':
      return '即将到期';
    default:
      return '按期走访';
  }
}

export function DueBadge({ status, overdueDays }: { status: VisitDueStatus; overdueDays: number }) {
  return <Text className={`grid-badge grid-badge--${status}`}>{dueLabel(status, overdueDays)}</Text>;
}

export interface TagView {
  code: string;
  name: string;
  color: string;
}

export function TagList({ tags }: { tags: TagView[] }) {
  if (tags.length === 0) return null;
  return (
    <View className="grid-tags">
      {tags.map((tag) => (
        // The tag's own colour marks the border; the words stay dark enough to read on white.
        <Text key={tag.code} className="grid-tag" style={{ borderColor: tag.color }}>
          {tag.name}
        </Text>
      ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ListRows.css';

/** A white card of rows separated by hairlines. */
export function ListGroup({ children }: { children: ReactNode }) {
  return <View className="list-group">{children}</View>;
}

interface ListRowProps {
  title: string;
  value?: ReactNode;
  /** DOM id in h5 (for tests); Taro passes `id` through to the element. */
  id?: string;
  /** Makes the row tappable and shows an arrow. */
  onClick?: () => void;
}

/** Title on the left, value (and an arrow when tappable) on the right. */
export function ListRow({ title, value, id, onClick }: ListRowProps) {
  return (
    <View id={id} className="list-row" hoverClass={onClick ? 'list-row--hover' : 'none'} onClick={onClick}>
      <Text className="list-row__title">{title}</Text>
      <View className="list-row__value">
        {value}
        {onClick ? <Text className="list-row__arrow">›</Text> : null}
      </View>
    </View>
  );
}

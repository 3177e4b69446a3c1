import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { aria, idProp } from './a11y/aria';
import { Tappable } from './a11y/Tappable';
import './ListRows.css';

/** A white card of rows separated by hairlines. */
export function ListGroup({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <View className="list-group" {...aria({ role: 'group', label })}>
      {children}
    </View>
  );
}

interface ListRowProps {
  title: string;
  value?: ReactNode;
  /** DOM id in h5 (for tests); Taro passes `id` through to the element. */
  id?: string;
  /** Makes the row tappable and shows an arrow. */
  onClick?: () => void;
  /** `link` (the default) opens another page; `button` acts on this one. */
  role?: 'link' | 'button';
}

/** Title on the left, value (and an arrow when tappable) on the right; tappable rows are real controls. */
export function ListRow({ title, value, id, onClick, role = 'link' }: ListRowProps) {
  const content = (
    <>
      <Text className="list-row__title">{title}</Text>
      <View className="list-row__value">
        {value}
        {onClick ? (
          <Text className="list-row__arrow" {...aria({ hidden: true })}>
            ›
          </Text>
        ) : null}
      </View>
    </>
  );
  if (!onClick) {
    return (
      <View {...idProp(id)} className="list-row">
        {content}
      </View>
    );
  }
  return (
    <Tappable {...idProp(id)} role={role} className="list-row" hoverClass="list-row--hover" onPress={onClick}>
      {content}
    </Tappable>
  );
}

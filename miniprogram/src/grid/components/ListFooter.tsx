import { Text, View } from '@tarojs/components';
import { aria } from '../../components/a11y/aria';
import { Tappable } from '../../components/a11y/Tappable';
import type { PagedList } from '../../hooks/usePagedList';
import './grid.css';

/** The bottom of a paged list: 加载更多 / 加载中 / 没有更多了, with the total. */
export function ListFooter<T>({ list, unit }: { list: PagedList<T>; unit: string }) {
  if (list.items.length === 0) return null;
  if (list.loadingMore)
    return (
      <View className="grid-more" {...aria({ live: 'polite' })}>
        加载中…
      </View>
    );
  if (list.hasMore) {
    return (
      <Tappable className="grid-more" id="list-more" onPress={() => void list.loadMore()}>
        <Text>
          已显示 {list.items.length}/{list.total} {unit}，点击加载更多
        </Text>
      </Tappable>
    );
  }
  return (
    <View className="grid-more" {...aria({ live: 'polite' })}>
      <Text>
        共 {list.total} {unit}，没有更多了
      </Text>
    </View>
  );
}

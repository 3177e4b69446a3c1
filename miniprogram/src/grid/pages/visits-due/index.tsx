import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { VisitDueStatus } from '@zhili/shared';
import { useEffect, useRef, useState } from 'react';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { routes } from '../../../utils/routes';
import { DueBadge, TagList } from '../../components/badges';
import { Chips, type ChipOption } from '../../components/Chips';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../../hooks/usePagedList';
import { formatDate } from '../../format';
import { fetchVisitsDue } from '../../services/grid-api';
import '../../components/grid.css';

const statusOptions: ChipOption<VisitDueStatus>[] = [
  { value: '', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'due', label: '今日应访' },
  { value: 'upcoming', label: '即将到期' },
];

/** Persons with care tags whose visit is due, most urgent first; tap to record the visit. */
export default function GridVisitsDue() {
  const [status, setStatus] = useState<VisitDueStatus | ''>('');
  const list = usePagedList((page) => fetchVisitsDue({ status: status || undefined, page }));
  const shownOnce = useRef(false);

  const { reload } = list;
  useEffect(() => {
    void reload();
  }, [status, reload]);
  // Back from 记录走访: the visited person must leave the list.
  useDidShow(() => {
    if (shownOnce.current) void list.reload();
    shownOnce.current = true;
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <Screen>
      <Chips idPrefix="due-status" label="走访状态" options={statusOptions} value={status} onChange={setStatus} />
      {list.loading ? (
        <LoadingSkeleton rows={5} />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="暂无待走访对象" description="独居老人、低保户等需关怀人员到期未走访时会出现在这里" />
      ) : (
        <View className="list-group" id="due-list">
          {list.items.map((d) => (
            <Tappable
              key={d.personId}
              id={`due-${d.personId}`}
              role="link"
              className="grid-item"
              hoverClass="list-row--hover"
              onPress={() =>
                void Taro.navigateTo({
                  url: `${routes.gridVisitNew}?personId=${d.personId}&name=${encodeURIComponent(d.name)}`,
                })
              }
            >
              <View className="grid-item__head">
                <Text className="grid-item__title">{d.name}</Text>
                <DueBadge status={d.status} overdueDays={d.overdueDays} />
              </View>
              <Text className="grid-item__meta">
                {d.address ?? d.regionName}
                {d.phone ? ` · ${d.phone}` : ''}
              </Text>
              <Text className="grid-item__meta">
                应于 {formatDate(d.dueAt)} 前走访 · 上次 {d.lastVisitedAt ? formatDate(d.lastVisitedAt) : '未走访'}
              </Text>
              <TagList tags={d.tags} />
            </Tappable>
          ))}
        </View>
      )}
      <ListFooter list={list} unit="人" />
    </Screen>
  );
}

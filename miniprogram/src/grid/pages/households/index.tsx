import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { householdTypeLabels, type HouseholdType } from '@zhili/shared/client';
import { useEffect, useState } from 'react';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { routes } from '../../../utils/routes';
import { Chips, type ChipOption } from '../../components/Chips';
import { ListFooter } from '../../components/ListFooter';
import { SearchBar } from '../../components/SearchBar';
import { usePagedList } from '../../../hooks/usePagedList';
import { fetchHouseholds } from '../../services/grid-api';
import '../../components/grid.css';

const typeOptions: ChipOption<HouseholdType>[] = [
  { value: '', label: '全部' },
  ...(Object.keys(householdTypeLabels) as HouseholdType[]).map((value) => ({
    value,
    label: householdTypeLabels[value],
  })),
];

/** The households of the worker's grid: search by head name or address, filter by type. */
export default function GridHouseholds() {
  const [q, setQ] = useState('');
  const [type, setType] = useState<HouseholdType | ''>('');
  const list = usePagedList((page) => fetchHouseholds({ q, type: type || undefined, page }));

  const { reload } = list;
  useEffect(() => {
    void reload();
    // Reload whenever the filters change; `reload` itself is stable.
  }, [q, type, reload]);
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <Screen>
      <SearchBar id="households-search" label="搜索户" placeholder="户主姓名或地址" onSearch={setQ} />
      <Chips idPrefix="households-type" label="户类型" options={typeOptions} value={type} onChange={setType} />
      {list.loading ? (
        <LoadingSkeleton rows={5} />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={q || type ? '没有符合条件的户' : '本网格暂无登记的户'}
          description={q ? '换个关键词试试，姓名按开头匹配' : undefined}
        />
      ) : (
        <View className="list-group" id="households-list">
          {list.items.map((h) => (
            <Tappable
              key={h.id}
              id={`households-row-${h.id}`}
              role="link"
              className="grid-item"
              hoverClass="list-row--hover"
              onPress={() => void Taro.navigateTo({ url: `${routes.gridHousehold}?id=${h.id}` })}
            >
              <View className="grid-item__head">
                <Text className="grid-item__title">{h.headName ? `${h.headName}户` : '未登记户主'}</Text>
                <Text className="grid-badge grid-badge--type">{householdTypeLabels[h.type]}</Text>
              </View>
              <Text className="grid-item__meta">
                {h.address ?? '地址未登记'} · {h.memberCount} 人{h.code ? ` · 户号 ${h.code}` : ''}
              </Text>
            </Tappable>
          ))}
        </View>
      )}
      <ListFooter list={list} unit="户" />
    </Screen>
  );
}

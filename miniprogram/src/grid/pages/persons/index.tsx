import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { defaultPersonTags, genderLabels, hukouTypeLabels } from '@zhili/shared/client';
import { useEffect, useState } from 'react';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { routes } from '../../../utils/routes';
import { TagList } from '../../components/badges';
import { Chips, type ChipOption } from '../../components/Chips';
import { ListFooter } from '../../components/ListFooter';
import { SearchBar } from '../../components/SearchBar';
import { usePagedList } from '../../../hooks/usePagedList';
import { fetchPersons } from '../../services/grid-api';
import '../../components/grid.css';

const tagByCode = new Map(defaultPersonTags.map((t) => [t.code, t]));
const tagOptions: ChipOption<string>[] = [
  { value: '', label: '全部' },
  ...defaultPersonTags.map((t) => ({ value: t.code, label: t.name })),
];

/** The persons of the worker's grid: name prefix (or a full ID / mobile number) and a care tag. */
export default function GridPersons() {
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const list = usePagedList((page) => fetchPersons({ q, tag: tag || undefined, page }));

  const { reload } = list;
  useEffect(() => {
    void reload();
  }, [q, tag, reload]);
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <Screen>
      <SearchBar id="persons-search" label="搜索人员" placeholder="姓名，或完整身份证号/手机号" onSearch={setQ} />
      <Chips idPrefix="persons-tag" label="人员标签" options={tagOptions} value={tag} onChange={setTag} />
      {list.loading ? (
        <LoadingSkeleton rows={5} />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState message={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState title="没有符合条件的人员" description={q ? '姓名按开头匹配；身份证号、手机号须完整' : undefined} />
      ) : (
        <View className="list-group" id="persons-list">
          {list.items.map((p) => (
            <Tappable
              key={p.id}
              id={`persons-row-${p.id}`}
              role="link"
              className="grid-item"
              hoverClass="list-row--hover"
              onPress={() => void Taro.navigateTo({ url: `${routes.gridPerson}?id=${p.id}` })}
            >
              <View className="grid-item__head">
                <Text className="grid-item__title">{p.name}</Text>
                <Text className="grid-badge grid-badge--type">{hukouTypeLabels[p.hukouType]}</Text>
              </View>
              <Text className="grid-item__meta">
                {genderLabels[p.gender]}
                {p.age !== null ? ` · ${p.age}岁` : ''}
                {p.phone ? ` · ${p.phone}` : ''}
              </Text>
              {p.address ? <Text className="grid-item__meta">{p.address}</Text> : null}
              <TagList
                tags={p.tags.map((code) => ({
                  code,
                  name: tagByCode.get(code)?.name ?? code,
                  color: tagByCode.get(code)?.color ?? '#767c87',
                }))}
              />
            </Tappable>
          ))}
        </View>
      )}
      <ListFooter list={list} unit="人" />
    </Screen>
  );
}

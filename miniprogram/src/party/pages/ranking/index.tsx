import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { MpRankingVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { PartyState } from '../../components/PartyState';
import { fetchRanking } from '../../services/study-progress-api';
import '../../components/party.css';
import '../points/points.css';

type Scope = 'branch' | 'town';
type Period = 'month' | 'year';

function Tabs<T extends string>({
  options,
  value,
  onChange,
  name,
}: {
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (v: T) => void;
  name: string;
}) {
  return (
    <View className="ranking-tabs" {...aria({ role: 'tablist', label: name })}>
      {options.map(([key, label]) => (
        <Tappable
          key={key}
          role="tab"
          className={`ranking-tab ${value === key ? 'ranking-tab--on' : ''}`}
          data-test={`ranking-${key}`}
          label={label}
          selected={value === key}
          onPress={() => onChange(key)}
        >
          {label}
        </Tappable>
      ))}
    </View>
  );
}

function Rows({ ranking }: { ranking: MpRankingVO }) {
  if (ranking.rows.length === 0)
    return <EmptyState title="暂无排行" description="本期还没有党员获得积分，学习后再来看看。" />;
  return (
    <View>
      <Text className="party-text" id="ranking-me">
        我的排名：第 {ranking.me.rank} 名，{ranking.me.total} 分（{ranking.period.from} 至 {ranking.period.to}）
      </Text>
      <View className="list-group" data-test="ranking-list">
        {ranking.rows.map((row, i) => (
          <View
            key={`${row.rank}-${i}`}
            className={`party-row ranking-row ${row.isMe ? 'ranking-row--me' : ''}`}
            data-test="ranking-row"
            {...aria({ label: `第 ${row.rank} 名，${row.name}，${row.total} 分${row.isMe ? '，是我' : ''}` })}
          >
            <Text className={`ranking-row__rank ${row.rank <= 3 ? 'ranking-row__rank--top' : ''}`}>{row.rank}</Text>
            <View className="ranking-row__who">
              <Text className="party-row__title">
                {row.name}
                {row.isMe ? '（我）' : ''}
              </Text>
              <Text className="party-row__meta">{row.branchName}</Text>
            </View>
            <Text className="ranking-row__total">{row.total} 分</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 积分排行: my branch or the whole town, this month or this year; names only, ties share a place. */
export default function PartyRanking() {
  const [scope, setScope] = useState<Scope>('branch');
  const [period, setPeriod] = useState<Period>('month');
  const load = useCallback(() => fetchRanking(scope, period), [scope, period]);
  const [state, reload] = useAsync(load);
  useEffect(() => void reload(), [reload, scope, period]);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen dataTest="party-ranking">
      <Tabs
        name="排行范围"
        options={[
          ['branch', '本支部'],
          ['town', '全镇'],
        ]}
        value={scope}
        onChange={setScope}
      />
      <Tabs
        name="排行周期"
        options={[
          ['month', '本月'],
          ['year', '本年'],
        ]}
        value={period}
        onChange={setPeriod}
      />
      <PartyState state={state} reload={() => void reload()}>
        {(data) => <Rows ranking={data} />}
      </PartyState>
    </Screen>
  );
}

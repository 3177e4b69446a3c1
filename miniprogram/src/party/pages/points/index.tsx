import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect } from 'react';
import type { MyStudyVO, PointsEntryVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { usePagedList } from '../../../hooks/usePagedList';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { formatPartyTime } from '../../services/party-format';
import { formatStudyTime } from '../../services/heartbeat';
import { fetchMyPoints, fetchMyStudy } from '../../services/study-progress-api';
import '../../components/party.css';
import './points.css';

function Summary({ me }: { me: MyStudyVO }) {
  return (
    <View className="card party-card points-summary" id="points-summary">
      <Text className="party-card__eyebrow">{me.branchName}</Text>
      <Heading className="party-card__title">{me.name} 同志的学习积分</Heading>
      <View className="points-totals">
        {(
          [
            ['本月', me.points.month, 'points-month'],
            ['本年', me.points.year, 'points-year'],
            ['累计', me.points.all, 'points-all'],
          ] as const
        ).map(([label, value, id]) => (
          <View key={id} className="points-total" {...aria({ label: `${label} ${value} 分` })}>
            <Text className="points-total__value" id={id}>
              {value}
            </Text>
            <Text className="points-total__label">{label}积分</Text>
          </View>
        ))}
      </View>
      <Text className="party-text" id="points-rank">
        本月排名：支部第 {me.rank.branch.rank} 名（共 {me.rank.branch.of} 人），全镇第 {me.rank.town.rank} 名（共{' '}
        {me.rank.town.of} 人）
      </Text>
      <Text className="party-text party-text--muted">今日已学习 {formatStudyTime(me.todayStudyMs)}</Text>
      {me.loginAwarded ? (
        <Text className="party-text points-login" id="points-login">
          今日首次登录，获得 {me.loginAwarded.points} 积分
        </Text>
      ) : null}
      <Tappable
        className="party-more points-ranking-link"
        role="link"
        data-test="points-ranking-link"
        onPress={() => void Taro.navigateTo({ url: routes.partyRanking })}
      >
        查看积分排行 ›
      </Tappable>
    </View>
  );
}

function EntryRow({ entry }: { entry: PointsEntryVO }) {
  return (
    <View className="party-row points-entry" data-test="points-entry">
      <View className="party-row__head">
        <Text className="party-row__title">{entry.reason}</Text>
        <Text className={`points-entry__points ${entry.points > 0 ? '' : 'points-entry__points--zero'}`}>
          {entry.points > 0 ? `+${entry.points}` : '0'}
        </Text>
      </View>
      <Text className="party-row__meta">{formatPartyTime(entry.at)}</Text>
    </View>
  );
}

/** 我的学习积分: totals and ranks, then every entry with its reason (capped ones show 0 and why). */
export default function PartyPoints() {
  const loadMe = useCallback(() => fetchMyStudy(), []);
  const [me, reloadMe] = useAsync(loadMe);
  const list = usePagedList(fetchMyPoints);
  const { reload } = list;
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reloadMe());
  usePullDownRefresh(() => void Promise.all([reloadMe(), reload()]).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  let entries;
  if (list.loading && list.items.length === 0) entries = <LoadingSkeleton rows={4} />;
  else if (list.error && list.items.length === 0)
    entries = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    entries = (
      <EmptyState title="还没有积分记录" description="每天登录、学完课时、考试合格、参加组织生活都能获得积分。" />
    );
  else
    entries = (
      <View className="list-group" data-test="points-list">
        {list.items.map((e) => (
          <EntryRow key={e.id} entry={e} />
        ))}
      </View>
    );

  return (
    <Screen dataTest="party-points">
      <PartyState state={me} reload={() => void reloadMe()}>
        {(data) => <Summary me={data} />}
      </PartyState>
      <Heading className="points-list__title">积分明细</Heading>
      {entries}
      {list.items.length > 0 ? (
        list.hasMore && !list.loadingMore ? (
          <Tappable className="party-more" data-test="points-more" onPress={() => void list.loadMore()}>
            已显示 {list.items.length}/{list.total}，点击加载更多
          </Tappable>
        ) : (
          <View className="party-more" {...aria({ live: 'polite' })}>
            <Text>{list.loadingMore ? '加载中…' : `共 ${list.total} 条，没有更多了`}</Text>
          </View>
        )
      ) : null}
    </Screen>
  );
}

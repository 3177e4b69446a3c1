import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { MyNoticeVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { usePagedList } from '../../../hooks/usePagedList';
import { routes } from '../../../utils/routes';
import { fetchMyNotices } from '../../services/party-api';
import { formatPartyTime } from '../../services/party-format';
import '../../components/party.css';

function NoticeRow({ notice }: { notice: MyNoticeVO }) {
  const label = `${notice.pinned ? '置顶，' : ''}${notice.read ? '' : '未读，'}${notice.title}`;
  return (
    <Tappable
      className="party-row"
      role="link"
      label={label}
      data-test="party-notice-row"
      data-read={notice.read ? 'true' : 'false'}
      hoverClass="list-row--hover"
      onPress={() => void Taro.navigateTo({ url: `${routes.partyNotice}?id=${encodeURIComponent(notice.id)}` })}
    >
      <View className="party-row__head">
        {notice.read ? null : (
          <View className="party-unread">
            <View className="party-unread__dot" />
            <Text>未读</Text>
          </View>
        )}
        <Text className={`party-row__title ${notice.read ? '' : 'party-row__title--unread'}`}>{notice.title}</Text>
        {notice.pinned ? <Text className="party-chip party-chip--pinned">置顶</Text> : null}
      </View>
      <Text className="party-row__meta">
        {notice.orgName} · {formatPartyTime(notice.publishedAt)}
      </Text>
    </Tappable>
  );
}

/** 党务公开: notices addressed to me, pinned first, unread marked; "load more" at the bottom. */
export default function PartyNotices() {
  const list = usePagedList(fetchMyNotices);
  const { reload } = list;
  useEffect(() => void reload(), [reload]);
  // Back from a notice: it is read now.
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  let body;
  if (list.loading && list.items.length === 0) body = <LoadingSkeleton rows={4} />;
  else if (list.error && list.items.length === 0)
    body = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    body = <EmptyState title="暂无党务公开" description="党组织发布的通知、公开事项会显示在这里。" />;
  else
    body = (
      <View className="list-group" data-test="party-notice-list">
        {list.items.map((n) => (
          <NoticeRow key={n.id} notice={n} />
        ))}
      </View>
    );

  return (
    <Screen dataTest="party-notices">
      {body}
      {list.items.length > 0 ? (
        list.hasMore && !list.loadingMore ? (
          <Tappable className="party-more" data-test="party-notices-more" onPress={() => void list.loadMore()}>
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

import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { aria } from '../../../components/a11y/aria';
import { ChoiceGroup } from '../../../components/a11y/ChoiceGroup';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { WithProfile } from '../../../components/WithProfile';
import { useProfile } from '../../../hooks/useProfile';
import type { MpProfile } from '../../../services/api';
import { outboxOf, removeReport, retryReport, type OutboxEntry } from '../../../services/case-outbox';
import { flushCaseOutbox, onOutboxFlushed, startCaseOutboxSync } from '../../../services/case-outbox-sync';
import { taroStore } from '../../../services/key-value-store';
import { Button } from '../../../ui/nutui';
import { caseDetailUrl, caseRoutes } from '../../../utils/case-routes';
import { CaseRow } from '../../components/CaseRow';
import { OutboxList } from '../../components/OutboxList';
import { fetchMyCases, type MyCaseScope, type MyCaseStatus } from '../../services/case-api';
import { rememberCaseUser, rememberedCaseUser } from '../../services/case-user';
import { usePagedList } from '../../../hooks/usePagedList';
import '../../components/resident.css';

type TabKey = 'open' | 'resolved' | 'closed' | 'following';
const tabs: { key: TabKey; label: string; scope: MyCaseScope; status?: MyCaseStatus; empty: string }[] = [
  { key: 'open', label: '进行中', scope: 'mine', status: 'open', empty: '没有进行中的上报' },
  { key: 'resolved', label: '已办结', scope: 'mine', status: 'resolved', empty: '没有待评价的上报' },
  { key: 'closed', label: '已关闭', scope: 'mine', status: 'closed', empty: '没有已关闭的上报' },
  { key: 'following', label: '我附议的', scope: 'following', empty: '还没有附议过别人的上报' },
];

function MyCases({ profile }: { profile: MpProfile }) {
  const [tab, setTab] = useState<TabKey>('open');
  const current = tabs.find((t) => t.key === tab) ?? tabs[0];
  const list = usePagedList((page) => fetchMyCases({ scope: current.scope, status: current.status, page }));
  const [outbox, setOutbox] = useState<OutboxEntry[]>(() => outboxOf(taroStore, profile.id));
  const { reload } = list;

  const refreshOutbox = useCallback(() => setOutbox(outboxOf(taroStore, profile.id)), [profile.id]);
  useEffect(() => rememberCaseUser(profile.id), [profile.id]);

  useEffect(() => {
    void reload();
  }, [tab, reload]);
  // A queued report that went out shows up in the list at once.
  useEffect(
    () =>
      onOutboxFlushed((outcome) => {
        refreshOutbox();
        if (outcome.sent.length > 0) void reload();
      }),
    [refreshOutbox, reload],
  );
  // Coming back from a case (rated, disputed) must show its new state.
  useDidShow(() => {
    refreshOutbox();
    startCaseOutboxSync();
    void reload();
  });
  usePullDownRefresh(() => {
    void Promise.all([reload(), flushCaseOutbox()]).finally(() => {
      refreshOutbox();
      void Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => void list.loadMore());

  const retry = (key: string) => {
    retryReport(taroStore, profile.id, key);
    refreshOutbox();
    void flushCaseOutbox().finally(refreshOutbox);
  };
  const remove = async (key: string) => {
    const res = await Taro.showModal({
      title: '删除这条上报？',
      content: '删除后将不会提交，且无法恢复。',
      confirmText: '删除',
    });
    if (res.confirm) {
      removeReport(taroStore, profile.id, key);
      refreshOutbox();
    }
  };

  let body;
  if (list.loading && list.items.length === 0) body = <LoadingSkeleton rows={4} />;
  else if (list.error && list.items.length === 0)
    body = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    body = <EmptyState title={current.empty} description="遇到环境卫生、道路设施等问题，可以随手拍上报。" />;
  else
    body = (
      <View className="list-group" data-test="my-case-list">
        {list.items.map((item) => (
          <CaseRow key={item.id} item={item} onOpen={() => void Taro.navigateTo({ url: caseDetailUrl(item.id) })} />
        ))}
      </View>
    );

  return (
    <View>
      <OutboxList entries={outbox} onRetry={retry} onRemove={(key) => void remove(key)} />
      <ChoiceGroup role="tablist" label="上报状态" className="case-tabs">
        {tabs.map((t) => (
          <Tappable
            key={t.key}
            role="tab"
            selected={t.key === tab}
            tabStop={t.key === tab}
            data-test={`cases-tab-${t.key}`}
            className={`case-tab ${t.key === tab ? 'case-tab--active' : ''}`}
            onPress={() => setTab(t.key)}
          >
            {t.label}
          </Tappable>
        ))}
      </ChoiceGroup>
      <View id="cases-list" {...aria({ role: 'tabpanel' })}>
        {body}
      </View>
      {list.items.length > 0 ? (
        list.hasMore && !list.loadingMore ? (
          <Tappable className="case-more" data-test="cases-more" onPress={() => void list.loadMore()}>
            已显示 {list.items.length}/{list.total}，点击加载更多
          </Tappable>
        ) : (
          <View className="case-more" data-test="cases-more" {...aria({ live: 'polite' })}>
            <Text>{list.loadingMore ? '加载中…' : `共 ${list.total} 条，没有更多了`}</Text>
          </View>
        )
      ) : null}
      <View className="case-actions" data-test="cases-new-report">
        <Button block keyAction type="primary" onClick={() => void Taro.navigateTo({ url: caseRoutes.report })}>
          随手拍上报问题
        </Button>
      </View>
    </View>
  );
}

/** Offline the profile cannot load: still show what waits on this phone. */
function OfflineOutbox({ onBack }: { onBack: () => void }) {
  // The outbox sync notices the network first: then the page can load normally again.
  useEffect(() => onOutboxFlushed(onBack), [onBack]);
  const userId = rememberedCaseUser();
  const entries = userId ? outboxOf(taroStore, userId) : [];
  return <OutboxList entries={entries} onRetry={() => void flushCaseOutbox()} onRemove={() => undefined} />;
}

/** 我的上报: the resident's reports by state, the ones they follow, and any waiting offline. */
export default function ResidentCases() {
  const [state, reload] = useProfile();
  return (
    <Screen>
      {!state.data && state.status === 'error' ? <OfflineOutbox onBack={() => void reload()} /> : null}
      <WithProfile state={state} reload={reload}>
        {(profile) => <MyCases profile={profile} />}
      </WithProfile>
    </Screen>
  );
}

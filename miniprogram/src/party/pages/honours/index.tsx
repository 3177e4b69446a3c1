import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import {
  appraisalResultLabels,
  honourKindLabels,
  type MyAppraisalVO,
  type PublishedHonourVO,
} from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { usePagedList } from '../../../hooks/usePagedList';
import { PhotoGrid } from '../../../utils/case-view/PhotoGrid';
import { PartyState } from '../../components/PartyState';
import { fetchMyAppraisals, fetchPublishedHonours } from '../../services/party-api';
import { appraisalNeedsAttention, honourHolder, honourMeta } from '../../services/party-records-format';
import '../../components/party.css';
import '../../components/party-records.css';

function AppraisalRows({ appraisals }: { appraisals: MyAppraisalVO[] }) {
  if (appraisals.length === 0)
    return <EmptyState title="暂无公布的评议结果" description="支部公布年度民主评议结果后，会显示在这里。" />;
  return (
    <View className="list-group" data-test="party-appraisal-list">
      {appraisals.map((a) => (
        <View key={a.id} className="party-record-row" data-test="party-appraisal-row">
          <Text className="party-record-row__title">{a.year} 年度</Text>
          <Text
            className={`party-result ${appraisalNeedsAttention(a.result) ? 'party-result--attention' : ''}`}
            data-test="party-appraisal-result"
          >
            {appraisalResultLabels[a.result]}
          </Text>
        </View>
      ))}
    </View>
  );
}

function HonourCard({ honour }: { honour: PublishedHonourVO }) {
  return (
    <View className="card party-card party-honour" data-test="party-honour" {...aria({ role: 'listitem' })}>
      <Text className="party-card__eyebrow">
        {honourKindLabels[honour.kind]} · {honourHolder(honour)}
      </Text>
      <Heading level={3} className="party-honour__title">
        {honour.title}
      </Heading>
      <Text className="party-text party-text--muted" data-test="party-honour-meta">
        {honourMeta(honour)}
      </Text>
      <PhotoGrid photos={honour.attachments} dataTest="party-honour-photos" label="荣誉证书照片" />
    </View>
  );
}

/** 我的荣誉: my published 民主评议 results, then the published honours of my organisation and above. */
export default function PartyHonours() {
  const [appraisals, reloadAppraisals] = useAsync(fetchMyAppraisals);
  const honours = usePagedList(fetchPublishedHonours);
  const reloadHonours = honours.reload;
  useEffect(() => {
    void reloadAppraisals();
    void reloadHonours();
  }, [reloadAppraisals, reloadHonours]);
  usePullDownRefresh(
    () => void Promise.all([reloadAppraisals(), reloadHonours()]).finally(() => Taro.stopPullDownRefresh()),
  );
  useReachBottom(() => void honours.loadMore());

  let honourBody;
  if (honours.loading && honours.items.length === 0) honourBody = <LoadingSkeleton rows={3} />;
  else if (honours.error && honours.items.length === 0)
    honourBody = <ErrorState message={honours.error} onRetry={() => void reloadHonours()} />;
  else if (honours.items.length === 0)
    honourBody = <EmptyState title="暂无荣誉" description="党组织和党员获得的荣誉经审批发布后，会显示在这里。" />;
  else
    honourBody = (
      <View data-test="party-honour-list" {...aria({ role: 'list' })}>
        {honours.items.map((h) => (
          <HonourCard key={h.id} honour={h} />
        ))}
      </View>
    );

  return (
    <Screen dataTest="party-honours">
      <View className="section" id="party-appraisals">
        <Heading>我的民主评议</Heading>
        <PartyState state={appraisals} reload={() => void reloadAppraisals()} rows={2}>
          {(list) => <AppraisalRows appraisals={list} />}
        </PartyState>
      </View>
      <View className="section" id="party-honours">
        <Heading>荣誉榜</Heading>
        {honourBody}
        {honours.items.length > 0 ? (
          honours.hasMore && !honours.loadingMore ? (
            <Tappable className="party-more" data-test="party-honours-more" onPress={() => void honours.loadMore()}>
              已显示 {honours.items.length}/{honours.total}，点击加载更多
            </Tappable>
          ) : (
            <View className="party-more" {...aria({ live: 'polite' })}>
              <Text>{honours.loadingMore ? '加载中…' : `共 ${honours.total} 项荣誉`}</Text>
            </View>
          )
        ) : null}
      </View>
    </Screen>
  );
}

import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { surveyPhaseLabels, type MySurveyVO } from '@zhili/shared/client';
import { useCallback, useEffect } from 'react';
import { Tappable } from '../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/StateView';
import { usePagedList } from '../../hooks/usePagedList';
import { fetchSurveys, type SurveyKind } from './survey-api';
import './survey-view.css';

function statusOf(s: MySurveyVO): { text: string; tone: string } {
  if (s.answered) return { text: '已提交', tone: 'done' };
  return { text: surveyPhaseLabels[s.phase], tone: s.phase };
}

/** Surveys or consultations addressed to me, open ones first; each row says whether I have answered. */
export function SurveyList({ kind, detailUrl, empty }: { kind: SurveyKind; detailUrl: string; empty: string }) {
  const fetchPage = useCallback((page: number) => fetchSurveys(kind, page), [kind]);
  const list = usePagedList(fetchPage);
  const { reload } = list;
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  if (list.loading && list.items.length === 0) return <LoadingSkeleton rows={4} />;
  if (list.error && list.items.length === 0) return <ErrorState message={list.error} onRetry={() => void reload()} />;
  if (list.items.length === 0) return <EmptyState title="暂时没有" description={empty} />;
  return (
    <View className="list-group" data-test="survey-list">
      {list.items.map((s) => {
        const status = statusOf(s);
        return (
          <Tappable
            key={s.id}
            className="survey-row"
            role="link"
            label={`${s.title}，${status.text}${s.anonymous ? '，匿名' : ''}`}
            data-test="survey-row"
            hoverClass="list-row--hover"
            onPress={() => void Taro.navigateTo({ url: `${detailUrl}?id=${encodeURIComponent(s.id)}` })}
          >
            <View className="survey-row__head">
              <Text className="survey-row__title">{s.title}</Text>
              <Text className={`survey-chip survey-chip--${status.tone}`}>{status.text}</Text>
            </View>
            <Text className="survey-muted">
              {s.targetName} · 截止 {s.closesOn}
              {s.anonymous ? ' · 匿名' : ''}
            </Text>
          </Tappable>
        );
      })}
      {list.hasMore ? (
        <Tappable className="survey-more" onPress={() => void list.loadMore()}>
          已显示 {list.items.length}/{list.total}，点击加载更多
        </Tappable>
      ) : null}
    </View>
  );
}

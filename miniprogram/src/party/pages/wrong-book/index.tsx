import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { WrongBookEntryVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/StateView';
import { usePagedList } from '../../../hooks/usePagedList';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import { fetchWrongBook } from '../../services/exam-api';
import { keyText } from '../../services/exam-format';
import { formatPartyTime } from '../../services/party-format';
import '../../components/party.css';
import '../exam/exam.css';

function Entry({ entry }: { entry: WrongBookEntryVO }) {
  const q = entry.question;
  return (
    <View className="card exam-review" data-test="wrong-book-entry">
      <Text className="exam-question__meta">
        {q.category} · 错 {entry.wrongCount} 次 · 最近 {formatPartyTime(entry.lastWrongAt)}
      </Text>
      <Text className="exam-review__stem">{q.stem}</Text>
      {q.options.map((o) => (
        <Text key={o.id} className="party-text">
          {o.id}. {o.text}
        </Text>
      ))}
      <Text className="exam-review__key">正确答案：{keyText(entry.key)}</Text>
      {entry.explanation ? <Text className="party-text party-text--muted">解析：{entry.explanation}</Text> : null}
      <Text className="party-text party-text--muted">
        再连续答对 {Math.max(0, entry.clearAfter - entry.rightStreak)} 次即可移出错题本
      </Text>
    </View>
  );
}

/** 错题本: my wrong answers with the right ones and explanations, and a way to practise them again. */
export default function PartyWrongBook() {
  const list = usePagedList(fetchWrongBook);
  const { reload } = list;
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  let body;
  if (list.loading && list.items.length === 0) body = <LoadingSkeleton rows={4} />;
  else if (list.error && list.items.length === 0)
    body = <ErrorState message={list.error} onRetry={() => void reload()} />;
  else if (list.items.length === 0)
    body = <EmptyState title="错题本是空的" description="考试和练习中做错的题会自动记在这里，方便复习。" />;
  else
    body = (
      <View>
        <View className="party-actions">
          <Button
            id="wrong-book-practice"
            block
            keyAction
            type="primary"
            onClick={() => void Taro.navigateTo({ url: `${routes.partyPractice}?from=wrong` })}
          >
            重练错题（共 {list.total} 题）
          </Button>
        </View>
        <View data-test="wrong-book-list">
          {list.items.map((e) => (
            <Entry key={e.question.id} entry={e} />
          ))}
        </View>
        {list.hasMore && !list.loadingMore ? (
          <Tappable className="party-more" onPress={() => void list.loadMore()}>
            已显示 {list.items.length}/{list.total}，点击加载更多
          </Tappable>
        ) : (
          <View className="party-more" {...aria({ live: 'polite' })}>
            <Text>{list.loadingMore ? '加载中…' : `共 ${list.total} 题`}</Text>
          </View>
        )}
      </View>
    );
  return <Screen dataTest="party-wrong-book">{body}</Screen>;
}

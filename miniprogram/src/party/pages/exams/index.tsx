import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { MyExamVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchMyExams } from '../../services/exam-api';
import { formatPartyTime } from '../../services/party-format';
import '../../components/party.css';
import './exams.css';

const stateWords: Record<MyExamVO['state'], string> = {
  draft: '',
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
};

function ExamRow({ exam }: { exam: MyExamVO }) {
  const mine =
    exam.bestScore === null ? '还没有考' : `最高 ${exam.bestScore} 分${exam.passed ? ' · 已合格' : ' · 未合格'}`;
  const chip = exam.runningAttemptId ? '答题中' : stateWords[exam.state];
  return (
    <Tappable
      className="party-row"
      role="link"
      label={`${exam.title}，${chip}，${mine}`}
      data-test="exam-row"
      hoverClass="list-row--hover"
      onPress={() => void Taro.navigateTo({ url: `${routes.partyExam}?id=${encodeURIComponent(exam.id)}` })}
    >
      <View className="party-row__head">
        <Text className="party-row__title">{exam.title}</Text>
        <Text className={`party-chip exam-chip--${exam.runningAttemptId ? 'running' : exam.state}`}>{chip}</Text>
      </View>
      <Text className="party-row__meta">
        {exam.questionCount} 题 · {exam.timeLimitMinutes} 分钟 · 满分 {exam.maxScore} 分，{exam.passMark} 分合格
      </Text>
      <Text className="party-row__meta">
        {exam.state === 'upcoming'
          ? `${formatPartyTime(exam.opensAt)} 开始`
          : exam.closesAt
            ? `${formatPartyTime(exam.closesAt)} 截止`
            : '不限截止时间'}
      </Text>
      <Text className={`party-row__meta ${exam.passed ? 'exam-passed' : ''}`}>{mine}</Text>
    </Tappable>
  );
}

function Section({ title, exams, empty }: { title: string; exams: MyExamVO[]; empty?: string }) {
  if (exams.length === 0 && !empty) return null;
  return (
    <View className="section">
      <Heading>{title}</Heading>
      {exams.length === 0 ? (
        <EmptyState title={empty ?? ''} description="支部或镇党委发布考试后，会显示在这里。" />
      ) : (
        <View className="list-group">
          {exams.map((e) => (
            <ExamRow key={e.id} exam={e} />
          ))}
        </View>
      )}
    </View>
  );
}

/** 在线考试: open exams first, then upcoming and finished ones with my best score; practice and the wrong book. */
export default function PartyExams() {
  const [state, reload] = useAsync(fetchMyExams);
  useEffect(() => void reload(), [reload]);
  useDidShow(() => void reload());
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen dataTest="party-exams">
      <View className="party-shortcuts exam-shortcuts">
        <Tappable
          className="party-shortcut"
          role="link"
          data-test="exam-practice-link"
          onPress={() => void Taro.navigateTo({ url: routes.partyPractice })}
        >
          <Text className="party-shortcut__title">练习</Text>
          <Text className="party-shortcut__desc">按分类做题，答完就看解析</Text>
        </Tappable>
        <Tappable
          className="party-shortcut"
          role="link"
          data-test="exam-wrong-book-link"
          onPress={() => void Taro.navigateTo({ url: routes.partyWrongBook })}
        >
          <Text className="party-shortcut__title">错题本</Text>
          <Text className="party-shortcut__desc">做错的题，连续答对两次后移出</Text>
        </Tappable>
      </View>
      <PartyState state={state} reload={() => void reload()}>
        {(exams) => (
          <View>
            <Section title="进行中" exams={exams.filter((e) => e.state === 'open')} empty="现在没有可以参加的考试" />
            <Section title="未开始" exams={exams.filter((e) => e.state === 'upcoming')} />
            <Section title="已结束" exams={exams.filter((e) => e.state === 'closed')} />
          </View>
        )}
      </PartyState>
    </Screen>
  );
}

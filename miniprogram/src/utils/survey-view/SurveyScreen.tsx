import { Text, View } from '@tarojs/components';
import { surveyPhaseLabels, type SurveyAnswerInput } from '@zhili/shared/client';
import { useCallback, useEffect, useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { Heading } from '../../components/a11y/Heading';
import { Screen } from '../../components/a11y/Screen';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { fetchSurvey, submitSurvey, type SurveyKind } from './survey-api';
import { SurveyForm } from './SurveyForm';
import './survey-view.css';

/** One survey or consultation: what it is about, whether it is anonymous, the form, then 已提交. */
export function SurveyScreen({ kind, id }: { kind: SurveyKind; id: string | null }) {
  const load = useCallback(() => fetchSurvey(kind, id ?? ''), [kind, id]);
  const [state, reload] = useAsync(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (id) void reload();
  }, [id, reload]);

  if (!id)
    return (
      <Screen>
        <EmptyState title="未指定问卷" description="请从列表中打开。" />
      </Screen>
    );
  if (state.data === undefined)
    return (
      <Screen>
        {state.status === 'error' ? (
          <ErrorState message={state.message} onRetry={() => void reload()} />
        ) : (
          <LoadingSkeleton rows={5} />
        )}
      </Screen>
    );

  const survey = state.data;
  async function submit(input: SurveyAnswerInput): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await submitSurvey(kind, survey.id, input);
      setSent(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  const answered = sent || survey.answered;
  return (
    <Screen dataTest="survey-screen">
      <View className="card survey-head">
        <Heading className="survey-head__title">{survey.title}</Heading>
        <Text className="survey-muted">
          {survey.targetName} · {survey.opensOn} 至 {survey.closesOn} · {surveyPhaseLabels[survey.phase]}
        </Text>
        {survey.description ? <Text className="survey-text">{survey.description}</Text> : null}
        <Text className={`survey-notice ${survey.anonymous ? 'survey-notice--anon' : ''}`} data-test="survey-anonymity">
          {survey.anonymous
            ? '本次为匿名：您的答案不记录姓名，谁也看不到是您填的。'
            : '本次为实名：您写的意见会显示您的名字。'}
        </Text>
      </View>
      {answered ? (
        <View className="card survey-done" data-test="survey-done" {...aria({ live: 'polite' })}>
          <Text className="survey-done__mark">✓</Text>
          <Heading level={2} className="survey-done__title">
            已提交，感谢参与
          </Heading>
          <Text className="survey-text">每人只能提交一次，您的意见已经收到。</Text>
        </View>
      ) : survey.phase === 'open' ? (
        <SurveyForm survey={survey} busy={busy} error={error} onSubmit={(input) => void submit(input)} />
      ) : (
        <EmptyState
          title={survey.phase === 'upcoming' ? '还没有开始' : '已经结束'}
          description={
            survey.phase === 'upcoming' ? `${survey.opensOn} 开始，请到时再来。` : '本次已结束，不能再提交。'
          }
        />
      )}
    </Screen>
  );
}

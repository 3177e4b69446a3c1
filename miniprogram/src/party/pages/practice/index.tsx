import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ExamResponseVO, MemberQuestionVO, PracticeFeedbackVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { Tappable } from '../../../components/a11y/Tappable';
import { EmptyState } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { PartyState } from '../../components/PartyState';
import { answerPractice, fetchPractice, fetchPracticeCategories } from '../../services/exam-api';
import { isAnswered, keyText } from '../../services/exam-format';
import { QuestionView } from '../exam/QuestionView';
import '../../components/party.css';
import '../exam/exam.css';

const ROUND = 10;

function Feedback({ feedback }: { feedback: PracticeFeedbackVO }) {
  return (
    <View
      className={`card exam-review ${feedback.correct ? 'exam-score--pass' : 'exam-score--fail'}`}
      data-test="practice-feedback"
      {...aria({ live: 'polite' })}
    >
      <Text className="exam-review__stem">{feedback.correct ? '回答正确' : '回答错误，已记入错题本'}</Text>
      <Text className="exam-review__key">正确答案：{keyText(feedback.key)}</Text>
      {feedback.explanation ? <Text className="party-text party-text--muted">解析：{feedback.explanation}</Text> : null}
      {feedback.correct && feedback.inWrongBook ? (
        <Text className="party-text party-text--muted">这道题还在错题本里，再答对一次就会移出</Text>
      ) : null}
    </View>
  );
}

/**
 * 练习: pick a category (or 随机) or come from the wrong-answer book (`?from=wrong`); each question
 * is answered, then checked — the right answer and explanation come back only after answering.
 */
export default function PartyPractice() {
  const fromWrong = useRouter().params.from === 'wrong';
  const [cats, reloadCats] = useAsync(fetchPracticeCategories);
  const [questions, setQuestions] = useState<MemberQuestionVO[] | null>(null);
  const [at, setAt] = useState(0);
  const [response, setResponse] = useState<ExamResponseVO | null>(null);
  const [feedback, setFeedback] = useState<PracticeFeedbackVO | null>(null);
  const [right, setRight] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const begin = useCallback(
    async (category?: string) => {
      setBusy(true);
      setMessage('');
      try {
        setQuestions(await fetchPractice({ category, count: ROUND, from: fromWrong ? 'wrong' : 'bank' }));
        setAt(0);
        setRight(0);
        setResponse(null);
        setFeedback(null);
      } catch (err) {
        setMessage(describeError(err));
      } finally {
        setBusy(false);
      }
    },
    [fromWrong],
  );
  useEffect(() => {
    if (fromWrong) void begin();
    else void reloadCats();
  }, [fromWrong, begin, reloadCats]);

  async function check(q: MemberQuestionVO): Promise<void> {
    if (!response || !isAnswered(response)) {
      setMessage('请先作答');
      return;
    }
    setBusy(true);
    setMessage('');
    try {
      const f = await answerPractice(q.id, response);
      setFeedback(f);
      if (f.correct) setRight((n) => n + 1);
    } catch (err) {
      setMessage(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  function next(): void {
    setAt((n) => n + 1);
    setResponse(null);
    setFeedback(null);
  }

  if (questions) {
    const q = questions[at];
    if (questions.length === 0)
      return (
        <Screen dataTest="party-practice">
          <EmptyState
            title={fromWrong ? '错题本是空的' : '这个分类还没有题目'}
            description={fromWrong ? '做错的题会自动记在错题本里。' : '请换一个分类试试。'}
          />
        </Screen>
      );
    if (!q)
      return (
        <Screen dataTest="party-practice">
          <View className="card exam-score exam-score--pass" data-test="practice-done">
            <Text className="exam-score__value">
              {right}/{questions.length}
            </Text>
            <Text className="exam-score__label">本轮答对 {right} 题</Text>
          </View>
          <View className="party-actions">
            <Button block keyAction type="primary" onClick={() => void (fromWrong ? begin() : setQuestions(null))}>
              再练一轮
            </Button>
            <Button block keyAction type="default" onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          </View>
        </Screen>
      );
    return (
      <Screen dataTest="party-practice">
        <QuestionView
          question={q}
          index={at + 1}
          count={questions.length}
          response={response}
          disabled={!!feedback}
          onChange={setResponse}
        />
        {feedback ? <Feedback feedback={feedback} /> : null}
        {message ? <Text className="party-message party-message--error">{message}</Text> : null}
        <View className="party-actions">
          {feedback ? (
            <Button id="practice-next" block keyAction type="primary" onClick={next}>
              {at < questions.length - 1 ? '下一题' : '看本轮结果'}
            </Button>
          ) : (
            <Button
              id="practice-check"
              block
              keyAction
              type="primary"
              loading={busy}
              disabled={busy}
              onClick={() => void check(q)}
            >
              提交答案
            </Button>
          )}
        </View>
      </Screen>
    );
  }

  return (
    <Screen dataTest="party-practice">
      <Heading>选择练习内容</Heading>
      <Text className="party-text party-text--muted">每轮 {ROUND} 题，答完一题马上看到对错和解析。</Text>
      <PartyState state={cats} reload={() => void reloadCats()}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="题库里还没有题目" description="镇党委或支部录入题目后就可以练习了。" />
          ) : (
            <View className="party-shortcuts">
              <Tappable
                className="party-shortcut"
                data-test="practice-random"
                disabled={busy}
                onPress={() => void begin()}
              >
                <Text className="party-shortcut__title">随机练习</Text>
                <Text className="party-shortcut__desc">从全部题目中随机抽取</Text>
              </Tappable>
              {list.map((c) => (
                <Tappable
                  key={c.category}
                  className="party-shortcut"
                  data-test="practice-category"
                  disabled={busy}
                  onPress={() => void begin(c.category)}
                >
                  <Text className="party-shortcut__title">{c.category}</Text>
                  <Text className="party-shortcut__desc">共 {c.count} 题</Text>
                </Tappable>
              ))}
            </View>
          )
        }
      </PartyState>
      {message ? <Text className="party-message party-message--error">{message}</Text> : null}
    </Screen>
  );
}

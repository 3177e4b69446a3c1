import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptPaperVO, AttemptResultVO, ExamResponseVO, MyExamVO } from '@zhili/shared/client';
import { aria } from '../../../components/a11y/aria';
import { Heading } from '../../../components/a11y/Heading';
import { Screen } from '../../../components/a11y/Screen';
import { useAsync } from '../../../hooks/useAsync';
import { describeError } from '../../../services/errors';
import { Button } from '../../../ui/nutui';
import { routes } from '../../../utils/routes';
import { PartyState } from '../../components/PartyState';
import { fetchMyExam, fetchResult, saveAnswer, startAttempt, submitAttempt } from '../../services/exam-api';
import { formatCountdown, isAnswered } from '../../services/exam-format';
import { formatPartyTime, pageIdFrom } from '../../services/party-format';
import { QuestionView } from './QuestionView';
import { ResultView } from './ResultView';
import '../../components/party.css';
import './exam.css';

type Responses = Record<string, ExamResponseVO | null>;

function Intro({
  exam,
  onStart,
  onResult,
  busy,
}: {
  exam: MyExamVO;
  onStart: () => void;
  onResult: () => void;
  busy: boolean;
}) {
  return (
    <View className="card party-card" data-test="exam-intro">
      <Text className="party-card__eyebrow">{exam.orgName}</Text>
      <Heading className="party-card__title">{exam.title}</Heading>
      {exam.description ? <Text className="party-text">{exam.description}</Text> : null}
      <Text className="party-text">
        共 {exam.questionCount} 题，满分 {exam.maxScore} 分，{exam.passMark} 分合格
      </Text>
      <Text className="party-text">考试时长 {exam.timeLimitMinutes} 分钟，开始后计时，中途退出时间照常计算</Text>
      <Text className="party-text">
        {exam.closesAt ? `截止时间：${formatPartyTime(exam.closesAt)}` : '不限截止时间'} · 已考 {exam.attemptsUsed} 次
        {exam.attemptsAllowed === null ? '' : `（共可考 ${exam.attemptsAllowed} 次）`}
      </Text>
      {exam.bestScore !== null ? (
        <Text className="party-text" id="exam-best">
          我的最高分：{exam.bestScore} 分{exam.passed ? '（已合格）' : ''}
        </Text>
      ) : null}
      {exam.refusal && !exam.runningAttemptId ? (
        <Text className="party-text party-text--warning">{exam.refusal}</Text>
      ) : null}
      <View className="party-actions">
        {exam.canStart ? (
          <Button id="exam-start" block keyAction type="primary" loading={busy} disabled={busy} onClick={onStart}>
            {exam.runningAttemptId ? '继续答题' : '开始考试'}
          </Button>
        ) : null}
        {exam.lastAttemptId ? (
          <Button id="exam-last-result" block keyAction type="default" onClick={onResult}>
            查看上次成绩和解析
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/**
 * 考试: the exam's rules, then one question per screen with the server's countdown, each answer saved
 * as it is given, 交卷 after a confirmation, and the result with the wrong answers explained.
 */
export default function PartyExam() {
  const id = pageIdFrom(useRouter().params) ?? '';
  const load = useCallback(() => fetchMyExam(id), [id]);
  const [state, reload] = useAsync(load);
  const [paper, setPaper] = useState<AttemptPaperVO | null>(null);
  const [responses, setResponses] = useState<Responses>({});
  const [at, setAt] = useState(0);
  const [left, setLeft] = useState(0);
  const [result, setResult] = useState<AttemptResultVO | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const deadline = useRef(0);
  const submitting = useRef(false);
  useEffect(() => void reload(), [reload]);

  const persist = useCallback(
    (questionId: string, response: ExamResponseVO | null) => {
      if (!paper) return;
      saveAnswer(paper.attemptId, questionId, response).then(
        (r) => {
          deadline.current = Date.now() + r.remainingSeconds * 1000;
          setMessage('');
        },
        (err) => setMessage(`答案没有保存成功：${describeError(err)}`),
      );
    },
    [paper],
  );

  const finish = useCallback(async () => {
    if (!paper || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    try {
      setResult(await submitAttempt(paper.attemptId));
    } catch {
      // Refused (time ran out): the server grades what was saved.
      try {
        setResult(await fetchResult(paper.attemptId));
      } catch (err) {
        setMessage(describeError(err));
      }
    } finally {
      setBusy(false);
      submitting.current = false;
    }
  }, [paper]);

  useEffect(() => {
    if (!paper || result) return undefined;
    const tick = () => {
      const seconds = Math.max(0, Math.round((deadline.current - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) void finish();
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [paper, result, finish]);

  async function begin(): Promise<void> {
    setBusy(true);
    setMessage('');
    try {
      const p = await startAttempt(id);
      deadline.current = Date.now() + p.remainingSeconds * 1000;
      setResponses(p.responses);
      setAt(
        Math.max(
          0,
          p.questions.findIndex((q) => !isAnswered(p.responses[q.id])),
        ),
      );
      setPaper(p);
    } catch (err) {
      setMessage(describeError(err));
      void reload();
    } finally {
      setBusy(false);
    }
  }

  async function showLast(exam: MyExamVO): Promise<void> {
    if (!exam.lastAttemptId) return;
    try {
      setResult(await fetchResult(exam.lastAttemptId));
    } catch (err) {
      setMessage(describeError(err));
    }
  }

  function change(questionId: string, response: ExamResponseVO): void {
    setResponses((r) => ({ ...r, [questionId]: response }));
    if (response.type !== 'fill') persist(questionId, response);
  }

  function go(to: number): void {
    const q = paper?.questions[at];
    const r = q ? responses[q.id] : undefined;
    if (q && r?.type === 'fill') persist(q.id, r);
    setAt(to);
  }

  async function confirmSubmit(): Promise<void> {
    if (!paper) return;
    go(at);
    const blank = paper.questions.filter((q) => !isAnswered(responses[q.id])).length;
    const { confirm } = await Taro.showModal({
      title: '确认交卷',
      content: blank
        ? `还有 ${blank} 题没有作答，交卷后不能再修改。确定交卷吗？`
        : '交卷后不能再修改答案。确定交卷吗？',
      confirmText: '交卷',
      cancelText: '再检查',
    });
    if (confirm) await finish();
  }

  if (result)
    return (
      <Screen dataTest="party-exam">
        <ResultView result={result} />
        <View className="party-actions">
          <Button block keyAction type="default" onClick={() => void Taro.navigateTo({ url: routes.partyWrongBook })}>
            去错题本
          </Button>
          <Button
            block
            keyAction
            type="default"
            onClick={() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.partyExams }))}
          >
            返回考试列表
          </Button>
        </View>
      </Screen>
    );

  if (paper) {
    const q = paper.questions[at];
    const done = paper.questions.filter((x) => isAnswered(responses[x.id])).length;
    return (
      <Screen dataTest="party-exam">
        <View
          className={`exam-timer ${left <= 60 ? 'exam-timer--low' : ''}`}
          {...aria({ live: left <= 60 ? 'polite' : undefined })}
        >
          <Text>
            已答 {done}/{paper.questions.length}
          </Text>
          <Text id="exam-countdown">剩余 {formatCountdown(left)}</Text>
        </View>
        {q ? (
          <QuestionView
            question={q}
            index={at + 1}
            count={paper.questions.length}
            response={responses[q.id]}
            disabled={busy}
            onChange={(r) => change(q.id, r)}
          />
        ) : null}
        {message ? <Text className="party-message party-message--error">{message}</Text> : null}
        <View className="exam-nav">
          <Button type="default" disabled={at === 0} onClick={() => go(at - 1)}>
            上一题
          </Button>
          {at < paper.questions.length - 1 ? (
            <Button id="exam-next" type="primary" onClick={() => go(at + 1)}>
              下一题
            </Button>
          ) : (
            <Button id="exam-submit" type="primary" loading={busy} disabled={busy} onClick={() => void confirmSubmit()}>
              交卷
            </Button>
          )}
        </View>
        {at < paper.questions.length - 1 ? (
          <View className="party-actions">
            <Button block type="default" disabled={busy} onClick={() => void confirmSubmit()}>
              提前交卷
            </Button>
          </View>
        ) : null}
      </Screen>
    );
  }

  return (
    <Screen dataTest="party-exam">
      <PartyState state={state} reload={() => void reload()}>
        {(exam) => <Intro exam={exam} busy={busy} onStart={() => void begin()} onResult={() => void showLast(exam)} />}
      </PartyState>
      {message ? <Text className="party-message party-message--error">{message}</Text> : null}
    </Screen>
  );
}

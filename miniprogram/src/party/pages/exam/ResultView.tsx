import { Text, View } from '@tarojs/components';
import type { AttemptResultVO } from '@zhili/shared/client';
import { Heading } from '../../../components/a11y/Heading';
import { keyText, responseText } from '../../services/exam-format';
import './exam.css';

/** A graded attempt: the score and pass, then each wrong answer with the right one and its explanation. */
export function ResultView({ result }: { result: AttemptResultVO }) {
  const wrong = result.questions.filter((q) => !q.correct);
  return (
    <View data-test="exam-result">
      <View className={`card exam-score ${result.passed ? 'exam-score--pass' : 'exam-score--fail'}`}>
        <Text className="exam-score__value" id="exam-score">
          {result.score}
        </Text>
        <Text className="exam-score__label">
          满分 {result.maxScore} 分 · {result.passMark} 分合格
        </Text>
        <Text className="exam-score__verdict" id="exam-verdict">
          {result.passed ? '恭喜，考试合格' : '这次没有合格，看看错题再试一次'}
        </Text>
        <Text className="party-text party-text--muted">
          {result.endedBy === 'expired'
            ? '考试时间已到，已按保存的答案评分'
            : `用时 ${Math.ceil(result.timeUsedSeconds / 60)} 分钟`}
          ，答对 {result.questions.length - wrong.length}/{result.questions.length} 题
        </Text>
      </View>
      <Heading className="exam-section-title">
        {wrong.length ? `错题解析（${wrong.length} 题）` : '全部答对，没有错题'}
      </Heading>
      {wrong.map((q, i) => (
        <View key={q.id} className="card exam-review" data-test="exam-wrong">
          <Text className="exam-question__meta">
            错题 {i + 1} · {q.category}
          </Text>
          <Text className="exam-review__stem">{q.stem}</Text>
          {/* In the bank's order, so the letters match the answers below. */}
          {[...q.options]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((o) => (
              <Text key={o.id} className="party-text">
                {o.id}. {o.text}
              </Text>
            ))}
          <Text className="exam-review__mine">我的答案：{responseText(q.response)}</Text>
          <Text className="exam-review__key">正确答案：{keyText(q.key)}</Text>
          {q.explanation ? <Text className="party-text party-text--muted">解析：{q.explanation}</Text> : null}
        </View>
      ))}
    </View>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import { surveyLimits, type MySurveyVO } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { ChoiceGroup } from '../../components/a11y/ChoiceGroup';
import { fieldLabel } from '../../components/a11y/field-label';
import { Heading } from '../../components/a11y/Heading';
import { Tappable } from '../../components/a11y/Tappable';
import { Button } from '../../ui/nutui';
import { firstMissing, toAnswerInput, toggleChoice, type Draft } from './answers';
import type { SurveyAnswerInput } from '@zhili/shared/client';
import './survey-view.css';

const ratingWords = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** The questions of one survey, in large type: 单选 as a radio group, 多选 as switches, 1–5 分, text. */
export function SurveyForm({
  survey,
  busy,
  error,
  onSubmit,
}: {
  survey: MySurveyVO;
  busy: boolean;
  error: string | null;
  onSubmit: (input: SurveyAnswerInput) => void;
}) {
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState<number | null>(null);
  // Answering clears the "第 n 题还没有回答" note: it is checked again on the next 提交.
  const set = (id: string, value: Draft[string]) => {
    setMissing(null);
    setDraft((d) => ({ ...d, [id]: { ...d[id], ...value } }));
  };

  function submit(): void {
    const open = firstMissing(survey.questions, draft);
    setMissing(open);
    if (open === null) onSubmit(toAnswerInput(survey.questions, draft));
  }

  return (
    <View data-test="survey-form">
      {survey.questions.map((q, i) => (
        <View key={q.id} className="card survey-q" data-test={`survey-q-${i + 1}`}>
          <Heading level={3} className="survey-q__title">
            {i + 1}. {q.title}
            {q.required ? '' : '（选填）'}
            {q.kind === 'multiple' ? '（可多选）' : ''}
          </Heading>
          {q.kind === 'single' ? (
            <ChoiceGroup role="radiogroup" label={q.title} className="survey-options">
              {q.options.map((o, j) => {
                const on = draft[q.id]?.choices?.[0] === j;
                return (
                  <Tappable
                    key={j}
                    role="radio"
                    selected={on}
                    tabStop={j === (draft[q.id]?.choices?.[0] ?? 0)}
                    className={`survey-option ${on ? 'survey-option--on' : ''}`}
                    data-test={`survey-q-${i + 1}-option-${j + 1}`}
                    onPress={() => set(q.id, { choices: [j] })}
                  >
                    {on ? '◉ ' : '○ '}
                    {o}
                  </Tappable>
                );
              })}
            </ChoiceGroup>
          ) : null}
          {q.kind === 'multiple' ? (
            <View className="survey-options" {...aria({ role: 'group', label: q.title })}>
              {q.options.map((o, j) => {
                const on = !!draft[q.id]?.choices?.includes(j);
                return (
                  <Tappable
                    key={j}
                    role="switch"
                    checked={on}
                    className={`survey-option ${on ? 'survey-option--on' : ''}`}
                    data-test={`survey-q-${i + 1}-option-${j + 1}`}
                    onPress={() => set(q.id, { choices: toggleChoice(draft[q.id]?.choices, j) })}
                  >
                    {on ? '☑ ' : '☐ '}
                    {o}
                  </Tappable>
                );
              })}
            </View>
          ) : null}
          {q.kind === 'rating' ? (
            <>
              <ChoiceGroup role="radiogroup" label={q.title} className="survey-stars">
                {[1, 2, 3, 4, 5].map((n) => {
                  const rating = draft[q.id]?.rating ?? 0;
                  return (
                    <Tappable
                      key={n}
                      role="radio"
                      selected={n === rating}
                      tabStop={n === (rating || 1)}
                      label={`${n} 分，${ratingWords[n]}`}
                      className={`survey-star ${n <= rating ? 'survey-star--on' : ''}`}
                      data-test={`survey-q-${i + 1}-star-${n}`}
                      onPress={() => set(q.id, { rating: n })}
                    >
                      {n <= rating ? '★' : '☆'}
                    </Tappable>
                  );
                })}
              </ChoiceGroup>
              <Text className="survey-muted" {...aria({ live: 'polite' })}>
                {draft[q.id]?.rating
                  ? `${draft[q.id]?.rating} 分：${ratingWords[draft[q.id]?.rating ?? 0]}`
                  : '点星星打分，1 到 5 分'}
              </Text>
            </>
          ) : null}
          {q.kind === 'text' ? (
            <Textarea
              {...fieldLabel(q.title)}
              className="survey-textarea"
              data-test={`survey-q-${i + 1}-text`}
              value={draft[q.id]?.text ?? ''}
              maxlength={surveyLimits.textAnswerMax}
              placeholder="请写下您的意见"
              onInput={(e) => set(q.id, { text: e.detail.value })}
            />
          ) : null}
        </View>
      ))}
      {missing !== null || error ? (
        <Text className="survey-error" data-test="survey-error" {...aria({ live: 'assertive' })}>
          {missing !== null ? `第 ${missing} 题还没有回答，请先回答` : error}
        </Text>
      ) : null}
      <Button type="primary" block keyAction loading={busy} data-test="survey-submit" onClick={submit}>
        提交
      </Button>
    </View>
  );
}

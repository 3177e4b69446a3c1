import { Input, Text, View } from '@tarojs/components';
import { questionTypeLabels } from '@zhili/shared/client';
import type { ExamResponseVO, MemberQuestionVO } from '@zhili/shared/client';
import { fieldLabel } from '../../../components/a11y/field-label';
import { Heading } from '../../../components/a11y/Heading';
import { Tappable } from '../../../components/a11y/Tappable';
import { choicesOf, isChosen, tapOption } from '../../services/exam-format';
import './exam.css';

interface QuestionViewProps {
  question: MemberQuestionVO;
  /** 1-based position and count, for the heading. */
  index: number;
  count: number;
  response: ExamResponseVO | null | undefined;
  onChange: (response: ExamResponseVO) => void;
  disabled?: boolean;
}

/**
 * One question on its own screen: large options to tap (a multiple choice toggles), or one field per blank.
 * Options are lettered A, B, C by where they stand on this screen (the paper's shuffle), not by their id.
 */
export function QuestionView({ question: q, index, count, response, onChange, disabled }: QuestionViewProps) {
  const blanks = response?.type === 'fill' ? response.blanks : Array.from({ length: q.blankCount }, () => '');
  return (
    <View className="card exam-question" data-test="exam-question">
      <Text className="exam-question__meta">
        第 {index}/{count} 题 · {questionTypeLabels[q.type]} · {q.points} 分{q.type === 'multiple' ? ' · 可选多项' : ''}
      </Text>
      <Heading className="exam-question__stem">{q.stem}</Heading>
      {q.type === 'fill' ? (
        blanks.map((value, i) => (
          <Input
            key={i}
            {...fieldLabel(`第 ${i + 1} 空`)}
            id={`exam-blank-${i}`}
            className="exam-blank"
            data-test="exam-blank"
            value={value}
            disabled={disabled}
            placeholder={`第 ${i + 1} 空，请填写`}
            maxlength={50}
            onBlur={() => onChange({ type: 'fill', blanks })}
            onInput={(e) => {
              const next = [...blanks];
              next[i] = e.detail.value;
              onChange({ type: 'fill', blanks: next });
            }}
          />
        ))
      ) : (
        <View className="exam-options">
          {choicesOf(q).map((o, i) => {
            const chosen = isChosen(response, o.id);
            return (
              <Tappable
                key={o.id}
                role={q.type === 'multiple' ? 'switch' : 'radio'}
                checked={q.type === 'multiple' ? chosen : undefined}
                selected={q.type === 'multiple' ? undefined : chosen}
                disabled={disabled}
                className={`exam-option ${chosen ? 'exam-option--chosen' : ''}`}
                data-test="exam-option"
                data-option={o.id}
                onPress={() => onChange(tapOption(q, response, o.id))}
              >
                <Text className="exam-option__id">
                  {q.type === 'true_false' ? (o.id === 'T' ? '✓' : '✗') : String.fromCharCode(65 + i)}
                </Text>
                <Text className="exam-option__text">{o.text}</Text>
              </Tappable>
            );
          })}
        </View>
      )}
    </View>
  );
}

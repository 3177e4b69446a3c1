import { Text, Textarea, View } from '@tarojs/components';
import { caseLimits } from '@zhili/shared/client';
import { useState } from 'react';
import { aria } from '../../components/a11y/aria';
import { ChoiceGroup } from '../../components/a11y/ChoiceGroup';
import { fieldLabel } from '../../components/a11y/field-label';
import { Heading } from '../../components/a11y/Heading';
import { Tappable } from '../../components/a11y/Tappable';
import { Button } from '../../ui/nutui';
import '../../utils/case-view/case-view.css';
import './resident.css';

const starWords = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** 1–5 stars and an optional comment; rating closes the case as fixed. */
export function RatingForm({ busy, onSubmit }: { busy: boolean; onSubmit: (rating: number, comment: string) => void }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <View className="card section" data-test="rate-form">
      <Heading level={3} className="case-field__label">
        评价办理结果
      </Heading>
      {/* One choice of five: a radio group; chosen stars are filled (★ against ☆) and the words say it. */}
      <ChoiceGroup role="radiogroup" label="评分" className="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Tappable
            key={n}
            role="radio"
            selected={n === rating}
            tabStop={n === (rating || 1)}
            label={`${n} 星，${starWords[n]}`}
            data-test={`rate-${n}`}
            className={`star ${n <= rating ? 'star--on' : ''}`}
            onPress={() => setRating(n)}
          >
            {n <= rating ? '★' : '☆'}
          </Tappable>
        ))}
      </ChoiceGroup>
      <Text className="case-muted" {...aria({ live: 'polite' })}>
        {rating > 0 ? `${rating} 星：${starWords[rating]}` : '点击星星打分'}
      </Text>
      <Textarea
        {...fieldLabel('评价内容（选填）')}
        className="case-textarea"
        data-test="rate-comment"
        value={comment}
        maxlength={caseLimits.ratingComment.max}
        placeholder="说说办理得怎么样（选填）"
        onInput={(e) => setComment(e.detail.value)}
      />
      <View className="case-actions" data-test="rate-submit">
        <Button
          block
          type="primary"
          loading={busy}
          disabled={busy || rating === 0}
          onClick={() => onSubmit(rating, comment.trim())}
        >
          提交评价
        </Button>
      </View>
    </View>
  );
}

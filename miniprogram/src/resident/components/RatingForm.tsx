import { Text, Textarea, View } from '@tarojs/components';
import { caseLimits } from '@zhili/shared/client';
import { useState } from 'react';
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
      <Text className="case-field__label">评价办理结果</Text>
      <View className="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            data-test={`rate-${n}`}
            className={`star ${n <= rating ? 'star--on' : ''}`}
            onClick={() => setRating(n)}
          >
            ★
          </Text>
        ))}
      </View>
      <Text className="case-muted">{rating > 0 ? starWords[rating] : '点击星星打分'}</Text>
      <Textarea
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
